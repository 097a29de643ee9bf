package org.unspin.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.SourceReports;
import org.unspin.index.TraceConfig;
import org.unspin.index.TraceResult;
import org.unspin.index.Tracer;
import org.unspin.lm.DefaultModels;
import org.unspin.restore.RestoredText;

/** Builds the server's {@link Engine} from the loaded models and the optional source index. */
final class Engines {
  private Engines() {}

  /** The engine over {@code unspin}, tracing in {@code index} when it is not null. */
  static Engine create(Unspin unspin, SourceIndex index) {
    return index == null ? Engine.of(unspin) : new Tracing(unspin, index);
  }

  /** Least share of a text in sentences aligned with a source for the source to restore it (the CLI's default). */
  static final double MIN_SOURCE_COVERAGE = 0.5;

  /** Check and restore by the facade, trace by a {@link Tracer} over the index (both thread-safe). */
  static final class Tracing implements Engine {
    private final Unspin unspin;
    private final SourceIndex index;
    private final Tracer tracer;

    Tracing(Unspin unspin, SourceIndex index) {
      this.unspin = Objects.requireNonNull(unspin, "unspin");
      this.index = Objects.requireNonNull(index, "index");
      // As the CLI's trace and --index look-up: the default model places phrase boundaries in the alignment.
      this.tracer = new Tracer(index, unspin, TraceConfig.defaults(), DefaultModels.languageModel());
    }

    @Override
    public CheckReport check(String text) {
      return unspin.check(text);
    }

    /** As {@code unspin restore --index}: the alignment with a source that covers enough, else the restorer's. */
    @Override
    public RestoredText restore(String text) {
      SourceMatch best = tracer.trace(text, 1).best();
      if (best == null || !best.proves(MIN_SOURCE_COVERAGE)) {
        return unspin.restore(text);
      }
      return SourceReports.restored(text, best);
    }

    /**
     * As {@code unspin check --index}: when the best source covers at least
     * {@link #MIN_SOURCE_COVERAGE} of the text with at least {@link SourceMatch#MIN_SUPPORT} support,
     * the restoration, the edits and the findings it adds are the alignment's ({@link
     * SourceReports#withSource}).
     */
    @Override
    public Checked checkWithSource(String text) {
      CheckReport r = unspin.check(text);
      SourceMatch best = tracer.trace(text, 1).best();
      if (best == null || !best.proves(MIN_SOURCE_COVERAGE)) {
        return new Checked(r, null);
      }
      return new Checked(SourceReports.withSource(r, best), new Source(best.id(), best.coverage(), best.score()));
    }

    @Override
    public boolean canTrace() {
      return true;
    }

    @Override
    public Trace trace(String text, int topK) {
      TraceResult r = tracer.trace(text, topK);
      Map<String, String> sources = new LinkedHashMap<>();
      for (SourceMatch m : r.matches()) {
        sources.put(m.id(), m.sourceText());
      }
      return new Trace(r.toJson(), sources);
    }

    @Override
    public int indexedDocuments() {
      return index.documentCount();
    }
  }
}
