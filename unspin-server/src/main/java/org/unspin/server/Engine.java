package org.unspin.server;

import java.util.Map;
import java.util.Objects;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.restore.RestoredText;

/**
 * What the server computes, shared read-only by all workers: implementations must be thread-safe.
 * {@link #of(Unspin)} is the product's engine; tests pass their own to control timing.
 */
public interface Engine {
  /** The check of {@code text} (offsets into it). */
  CheckReport check(String text);

  /** The restoration of {@code text} (offsets into it). */
  RestoredText restore(String text);

  /**
   * A trace: the JSON of the best sources and the stored text of each.
   *
   * @param json {@code {"matches": [...]}} as {@code unspin trace --json}
   * @param sources source id to its text (offsets of the passages point into it)
   */
  record Trace(String json, Map<String, String> sources) {
    public Trace {
      Objects.requireNonNull(json, "json");
      sources = Map.copyOf(sources);
    }
  }

  /**
   * The source a check found in the index: enough of the text aligns with it that the restoration
   * is the alignment (as {@code unspin check --index}).
   */
  record Source(String id, double coverage, double score) {
    public Source {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A check and the source it was restored from.
   *
   * @param report the check; with a source, its restoration and edits come from the alignment
   * @param source the source, or null when none was found (or no index is configured)
   */
  record Checked(CheckReport report, Source source) {
    public Checked {
      Objects.requireNonNull(report, "report");
    }
  }

  /** {@link #check} and, with an index, the source of the text (default: no source). */
  default Checked checkWithSource(String text) {
    return new Checked(check(text), null);
  }

  /** Whether {@link #trace} is available (a source index is configured). */
  default boolean canTrace() {
    return false;
  }

  /**
   * The best {@code topK} indexed sources of {@code text}.
   *
   * @throws UnsupportedOperationException when {@link #canTrace()} is false
   */
  default Trace trace(String text, int topK) {
    throw new UnsupportedOperationException("no source index configured");
  }

  /** Documents in the source index, or -1 without one. */
  default int indexedDocuments() {
    return -1;
  }

  /** The engine over a facade (loaded once, shared by every request). */
  static Engine of(Unspin unspin) {
    Objects.requireNonNull(unspin, "unspin");
    return new Engine() {
      @Override
      public CheckReport check(String text) {
        return unspin.check(text);
      }

      @Override
      public RestoredText restore(String text) {
        return unspin.restore(text);
      }
    };
  }
}
