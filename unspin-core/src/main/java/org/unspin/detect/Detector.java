package org.unspin.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unspin.api.Finding;
import org.unspin.api.ModelException;
import org.unspin.api.Verdict;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.lm.LanguageModel;
import org.unspin.restore.RestoredText;

/**
 * Decides whether a text is spun: runs the rules over the text and its restoration
 * ({@link SignalAnalyzer}), scores the document features with a {@link DetectorModel} and applies
 * the two thresholds of the {@link DetectorConfig}.
 *
 * <pre>{@code
 * Detector d = Detector.create(lm, DetectorModel.loadDefault());
 * CheckReport report = d.check(text, restorer.restore(text));
 * }</pre>
 *
 * <p>Lenient on content (never throws because of what a text says); immutable and thread-safe.
 */
public final class Detector {
  /**
   * The fewest word tokens for which the shipped detector gives a spun or clean verdict: it was
   * trained on texts cut to 25–400 words and never saw fewer than 20 (MODEL_CARD.md §4), and a
   * per-token feature of a two-word text says little (one unsure change doubles it). Shorter texts
   * are {@code uncertain} whatever their probability; their findings are reported as usual.
   */
  public static final int SHIPPED_MIN_WORDS = 20;

  private final SignalAnalyzer analyzer;
  private final DetectorModel model;
  private final int minWords;
  private final ListEvidence list;
  private final EditEvidence edits;

  /**
   * A detector that scores the analyzer's features with {@code model}: those the model names, in
   * its order (a model trained before the analyzer computed more features reads only its own).
   *
   * @throws ModelException if the model has a feature the analyzer does not compute
   */
  public Detector(SignalAnalyzer analyzer, DetectorModel model) {
    this(analyzer, model, 0, null, null);
  }

  private Detector(SignalAnalyzer analyzer, DetectorModel model, int minWords, ListEvidence list,
      EditEvidence edits) {
    if (minWords < 0) {
      throw new IllegalArgumentException("minWords must be >= 0 (got " + minWords + ")");
    }
    this.minWords = minWords;
    this.list = list;
    this.edits = edits;
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    this.model = Objects.requireNonNull(model, "model");
    if (!analyzer.featureNames().containsAll(model.featureNames())) {
      List<String> missing = new ArrayList<>(model.featureNames());
      missing.removeAll(analyzer.featureNames());
      throw new ModelException("detector model features " + missing + " are not among the rules' "
          + analyzer.featureNames() + " (model provenance: " + model.provenance() + ")");
    }
  }

  /**
   * A detector with the standard rules (shipped tortured-phrase list) and the model's thresholds.
   */
  public static Detector create(LanguageModel lm, DetectorModel model) {
    DetectorConfig config = DetectorConfig.DEFAULTS.withThresholds(model.spunThreshold(), model.cleanThreshold());
    FingerprintMatcher shipped = new FingerprintMatcher(FingerprintList.loadDefault());
    return shipped(new SignalAnalyzer(lm, SignalAnalyzer.standardRules(shipped), config), model, shipped);
  }

  /**
   * A detector of {@code analyzer} and {@code model} as the facade runs it: texts under {@link
   * #SHIPPED_MIN_WORDS} words are {@code uncertain}, {@code list}'s evidence is weighed against the
   * shipped clean counts, and the restorer's confident edits against the shipped edits' counts.
   */
  public static Detector shipped(SignalAnalyzer analyzer, DetectorModel model, FingerprintMatcher list) {
    return new Detector(analyzer, model).withMinWords(SHIPPED_MIN_WORDS)
        .withListEvidence(new ListEvidence(list, CleanCounts.loadDefault()))
        .withEditEvidence(EditEvidence.loadDefault());
  }

  /**
   * The same detector, giving texts of fewer than {@code words} word tokens the verdict {@code
   * uncertain} (0: every text gets the verdict of its probability).
   */
  public Detector withMinWords(int words) {
    return new Detector(analyzer, model, words, list, edits);
  }

  /** See {@link #withMinWords}. */
  public int minWords() {
    return minWords;
  }

  /**
   * The same detector, calling a text {@code spun} whatever its probability when the matches of a
   * tortured-phrase list are too many for clean text ({@link ListEvidence.Assessment#spun()}), with
   * a note that says so; {@code null}: the list's matches only keep a text from being called clean.
   * The probability stays the model's.
   */
  public Detector withListEvidence(ListEvidence evidence) {
    return new Detector(analyzer, model, minWords, evidence, edits);
  }

  /** See {@link #withListEvidence}; may be null. */
  public ListEvidence listEvidence() {
    return list;
  }

  /**
   * The same detector, calling a text of at least {@link #minWords()} words {@code spun} whatever
   * its probability when the restoration's confident edits are too many for clean text of its length
   * ({@link EditEvidence.Assessment#spun()}), with a note that says so; {@code null}: no such call.
   * The probability stays the model's.
   */
  public Detector withEditEvidence(EditEvidence evidence) {
    return new Detector(analyzer, model, minWords, list, evidence);
  }

  /** See {@link #withEditEvidence}; may be null. */
  public EditEvidence editEvidence() {
    return edits;
  }

  public DetectorModel model() {
    return model;
  }

  public SignalAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * Checks {@code text}, given the restorer's result for it: findings from {@code restoration},
   * the probability from its {@link RestoredText#forScoring()}.
   *
   * @throws IllegalArgumentException if {@code restoration} is of another text
   */
  public CheckReport check(String text, RestoredText restoration) {
    // The findings are the returned restoration's; the probability, features and contributions are
    // those of the restoration to score (the same one unless the restorer's judge raised the rate).
    SignalAnalyzer.Signals scored = signals(text, restoration.forScoring());
    SignalAnalyzer.Signals s = restoration.forScoring() == restoration ? scored : analyzer.analyze(text, restoration);
    DocumentFeatures x = scored.features().select(model.featureNames());
    double p = model.probability(x);
    DetectorConfig c = analyzer.config();
    Verdict v = p >= c.spunThreshold() ? Verdict.SPUN : p <= c.cleanThreshold() ? Verdict.CLEAN : Verdict.UNCERTAIN;
    String note = null;
    int listed = s.hits().getOrDefault(KnownTorturedPhraseRule.ID, 0);
    if (v == Verdict.CLEAN && listed > 0) {
      // The model was trained on thesaurus spins, which never write the list's phrases (it gives
      // the rule no weight), while the list's phrases are rare in clean text (docs/detect.md): its
      // "clean" is not a conclusion it can draw here.
      v = Verdict.UNCERTAIN;
      note = "not called clean: " + listed + (listed == 1 ? " match" : " matches")
          + " of the tortured-phrase list, which the detector's model cannot weigh";
    }
    if (s.words() < minWords) {
      v = Verdict.UNCERTAIN;
      note = "too short to judge: " + s.words() + (s.words() == 1 ? " word" : " words") + ", the detector needs "
          + minWords;
    }
    if (listed > 0 && list != null && v != Verdict.SPUN) {
      ListEvidence.Assessment a = list.assess(text, s.words());
      if (a.spun()) {
        // The list's own evidence, measured on clean text (docs/detect.md, "The list's evidence"):
        // it does not depend on the model, nor on the text's length beyond the chance it gives.
        v = Verdict.SPUN;
        note = "called spun: " + a.seldomEntries() + " phrases of the tortured-phrase list that clean text"
            + " seldom has; clean text of " + a.words() + (a.words() == 1 ? " word" : " words") + " has as many "
            + oneIn(a.chance()) + " (the probability is the model's, which cannot weigh them)";
      }
    }
    if (edits != null && v != Verdict.SPUN && s.words() >= minWords) {
      EditEvidence.Assessment a = edits.assess(restoration.edits(), s.words());
      if (a.spun()) {
        // The restorer's own evidence, measured on clean text (docs/detect.md, "The edits' evidence"):
        // the model, trained on texts of at most 400 words, weighs a long text's length against it.
        v = Verdict.SPUN;
        note = "called spun: " + a.edits() + " distinct substitutions restored with a confidence of at least "
            + edits.minConfidence() + "; clean text of " + a.words() + " words has as many " + oneIn(a.chance())
            + " (the probability is the model's, which weighs them against the text's length)";
      }
    }
    return new CheckReport(text, p, v, distinctSpans(s.findings()), s.hits(), x.asMap(),
        restoration.text(), restoration.edits()).withContributions(model.contributions(x)).withNote(note);
  }

  /** "about once in N texts" for a small chance, N with two significant digits. */
  static String oneIn(double chance) {
    if (!(chance > 1e-12)) {
      return "less than once in a trillion texts";
    }
    long n = new java.math.BigDecimal(1 / chance).round(new java.math.MathContext(2)).longValue();
    return String.format(java.util.Locale.ROOT, "about once in %,d texts", n);
  }

  /**
   * The probability that {@code text} is spun, given {@code restoration} (its {@link
   * RestoredText#forScoring()}): {@link #check}'s without the report (no verdict, so no word
   * minimum). The facade's {@link org.unspin.restore.SpunJudge}.
   *
   * @throws IllegalArgumentException if {@code restoration} is of another text
   */
  public double probability(String text, RestoredText restoration) {
    return model.probability(signals(text, restoration.forScoring()).features().select(model.featureNames()));
  }

  /**
   * The analysis of {@code restoration}, reusing this thread's last one when it was of the same
   * instance: the restorer's judge ({@link #probability}) and then {@link #check} read the same
   * restoration of a document, and an analysis is about 6% of a check.
   */
  private SignalAnalyzer.Signals signals(String text, RestoredText restoration) {
    Memo m = lastAnalysis.get();
    if (m != null && m.restoration.get() == restoration && restoration.input().equals(text)) {
      return m.signals;
    }
    SignalAnalyzer.Signals s = analyzer.analyze(text, restoration);
    lastAnalysis.set(new Memo(new java.lang.ref.WeakReference<>(restoration), s));
    return s;
  }

  /** This thread's last analysis (the restoration held weakly: a finished document may go). */
  private record Memo(java.lang.ref.WeakReference<RestoredText> restoration, SignalAnalyzer.Signals signals) {}

  private final ThreadLocal<Memo> lastAnalysis = new ThreadLocal<>();

  /**
   * One finding per span: the most confident (the first rule on ties); input ordered by start, then
   * end. Then none that a finding around it, at least as confident, already makes: its suggestion
   * holds the inner one's as whole words at the same side ("an irregular woodland" -> "a random
   * forest" makes "irregular woodland" -> "random forest"; the listed phrase's finding and the
   * restoration's would otherwise both be shown, overlapping).
   */
  static List<Finding> distinctSpans(List<Finding> sorted) {
    List<Finding> one = new ArrayList<>(sorted.size());
    int longest = 0;
    for (Finding f : sorted) {
      Finding last = one.isEmpty() ? null : one.get(one.size() - 1);
      if (last != null && last.start() == f.start() && last.end() == f.end()) {
        if (f.confidence() > last.confidence()) {
          one.set(one.size() - 1, f);
        }
      } else {
        one.add(f);
        longest = Math.max(longest, f.end() - f.start());
      }
    }
    List<Finding> out = new ArrayList<>(one.size());
    for (int i = 0; i < one.size(); i++) {
      Finding f = one.get(i);
      boolean made = false;
      // those around it start at most `longest` before it (earlier in the order), or at its start (later)
      for (int j = i - 1; j >= 0 && !made && one.get(j).start() >= f.end() - longest; j--) {
        made = alreadyMakes(one.get(j), f);
      }
      for (int j = i + 1; j < one.size() && !made && one.get(j).start() == f.start(); j++) {
        made = alreadyMakes(one.get(j), f);
      }
      if (!made) {
        out.add(f);
      }
    }
    return out;
  }

  /** Whether {@code outer} covers {@code inner}, is at least as confident and makes its change (see {@link #distinctSpans}). */
  private static boolean alreadyMakes(Finding outer, Finding inner) {
    if (outer.start() > inner.start() || outer.end() < inner.end() || outer.confidence() < inner.confidence()
        || inner.suggestion().isBlank()) {
      return false;
    }
    String o = outer.suggestion().toLowerCase(java.util.Locale.ROOT);
    String in = inner.suggestion().toLowerCase(java.util.Locale.ROOT);
    boolean sameStart = outer.start() == inner.start();
    boolean sameEnd = outer.end() == inner.end();
    if (sameStart) {
      return o.startsWith(in + " ");
    }
    if (sameEnd) {
      return o.endsWith(" " + in);
    }
    return o.contains(" " + in + " ");
  }
}
