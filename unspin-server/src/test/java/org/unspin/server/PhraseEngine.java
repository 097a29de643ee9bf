package org.unspin.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.Verdict;
import org.unspin.detect.CheckReport;
import org.unspin.restore.RestoredText;

/**
 * A fast, deterministic engine for server tests: every occurrence of a known spun phrase is a
 * finding and an edit back to its original. With a gate, each task waits until the gate opens, so
 * tests can fill the workers and the queue on purpose.
 */
final class PhraseEngine implements Engine {
  static final Map<String, String> PHRASES = Map.of(
      "financial institution", "bank",
      "inventory market", "stock market",
      "colossal information", "big data");

  final AtomicInteger started = new AtomicInteger();
  private final CountDownLatch gate;
  private final boolean interruptible;

  PhraseEngine() {
    this(null, true);
  }

  /** Each task waits for {@code gate}; an interrupt ends the wait. */
  PhraseEngine(CountDownLatch gate) {
    this(gate, true);
  }

  /**
   * @param interruptible false to ignore interrupts while waiting, as the real core (which does not
   *     poll them) keeps computing after a timeout
   */
  PhraseEngine(CountDownLatch gate, boolean interruptible) {
    this.gate = gate;
    this.interruptible = interruptible;
  }

  private void waitForGate() {
    started.incrementAndGet();
    if (gate == null) {
      return;
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean interrupted = false;
    while (true) {
      try {
        if (gate.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        throw new IllegalStateException("gate never opened");
      } catch (InterruptedException e) {
        if (interruptible) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  static List<Edit> edits(String text) {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      for (Map.Entry<String, String> e : PHRASES.entrySet()) {
        if (text.startsWith(e.getKey(), i)) {
          edits.add(new Edit(i, i + e.getKey().length(), e.getKey(), e.getValue(), 0.9));
          i += e.getKey().length() - 1;
          break;
        }
      }
    }
    return edits;
  }

  static String apply(String text, List<Edit> edits) {
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (Edit e : edits) {
      sb.append(text, pos, e.start()).append(e.suggestion());
      pos = e.end();
    }
    return sb.append(text, pos, text.length()).toString();
  }

  @Override
  public CheckReport check(String text) {
    waitForGate();
    List<Edit> edits = edits(text);
    List<Finding> findings = new ArrayList<>();
    for (Edit e : edits) {
      findings.add(new Finding(e.start(), e.end(), e.surface(), e.suggestion(), e.confidence(), "FAKE_PHRASE"));
    }
    double p = Math.min(1.0, 0.3 * edits.size());
    Verdict v = p >= 0.6 ? Verdict.SPUN : p > 0 ? Verdict.UNCERTAIN : Verdict.CLEAN;
    Map<String, Integer> signals = new LinkedHashMap<>();
    signals.put("FAKE_PHRASE", edits.size());
    return new CheckReport(text, p, v, findings, signals, Map.of("phrases", (double) edits.size()), apply(text, edits),
        edits);
  }

  @Override
  public RestoredText restore(String text) {
    waitForGate();
    List<Edit> edits = edits(text);
    return new RestoredText(text, apply(text, edits), List.of(), edits, new float[0], -10.0, -8.0, -8.0);
  }
}
