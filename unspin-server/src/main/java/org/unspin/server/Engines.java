package org.unspin.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.Unspin;
import org.unspin.detect.CheckReport;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceMatch;
import org.unspin.index.TraceResult;
import org.unspin.index.Tracer;
import org.unspin.restore.RestoredText;

/** Builds the server's {@link Engine} from the loaded models and the optional source index. */
final class Engines {
  private Engines() {}

  /** The engine over {@code unspin}, tracing in {@code index} when it is not null. */
  static Engine create(Unspin unspin, SourceIndex index) {
    return index == null ? Engine.of(unspin) : new Tracing(unspin, index);
  }

  /** Check and restore by the facade, trace by a {@link Tracer} over the index (both thread-safe). */
  static final class Tracing implements Engine {
    private final Unspin unspin;
    private final SourceIndex index;
    private final Tracer tracer;

    Tracing(Unspin unspin, SourceIndex index) {
      this.unspin = Objects.requireNonNull(unspin, "unspin");
      this.index = Objects.requireNonNull(index, "index");
      this.tracer = new Tracer(index, unspin);
    }

    @Override
    public CheckReport check(String text) {
      return unspin.check(text);
    }

    @Override
    public RestoredText restore(String text) {
      return unspin.restore(text);
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
