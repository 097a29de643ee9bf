package org.unspin.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link SpinnerProfile} from aligned (spun, original) pairs by counting.
 *
 * <p>Each pair is tokenized ({@link WordTokens}, LM forms) and aligned ({@link PairAligner}).
 * Every gap with words on both sides becomes substitutions (see {@link LearnerConfig}); a gap with
 * words on one side only (an insertion or deletion) and a gap longer than the limit learn nothing.
 * A substitution adds the pair's weight to {@code count(surface, original)}.
 *
 * <p><b>Smoothing</b> (Witten-Bell): {@code p(s | o) = c(s, o) / (c(o) + T(o))}, where {@code c(o)}
 * is the total count of original {@code o} and {@code T(o)} the number of distinct surfaces seen
 * for it; the mass {@code T(o) / (c(o) + T(o))} is left for replacements never seen, so an original
 * seen once with one surface gets {@code p = 1/2}, and one seen often with one surface approaches 1.
 * {@code p(o | s)} is smoothed the same way with the roles swapped.
 *
 * <p><b>Rate</b>: {@code replacementRate = changed / eligible}, where eligible are the original
 * tokens that contain a letter and changed are those inside a gap (whether or not the gap was
 * learned). Weights do not enter the rate. Note that a list of spun phrases (like the PPS list)
 * only holds changed text and so overstates the rate of the spinner that made it.
 *
 * <p>Not thread-safe: one learner per thread, then {@link #build}.
 */
public final class ProfileLearner {
  private final LearnerConfig config;
  private final Map<String, Map<String, double[]>> counts = new LinkedHashMap<>();
  private long pairs;
  private long tokens;
  private long eligible;
  private long changed;
  private long unaligned;

  public ProfileLearner(LearnerConfig config) {
    this.config = config;
  }

  public ProfileLearner() {
    this(LearnerConfig.defaults());
  }

  /** Learns a profile from {@code pairs} with the default configuration. */
  public static SpinnerProfile fromPairs(Iterable<TextPair> pairs, String name, String source, String license) {
    ProfileLearner l = new ProfileLearner();
    for (TextPair p : pairs) {
      l.add(p);
    }
    return l.build(name, source, license, java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
  }

  /** Adds one pair. */
  public void add(TextPair pair) {
    WordTokens s = WordTokens.of(pair.spun());
    WordTokens o = WordTokens.of(pair.original());
    String[] sf = s.forms();
    String[] of = o.forms();
    pairs++;
    boolean[] inGap = new boolean[of.length];
    for (PairAligner.Gap g : PairAligner.align(sf, of).gaps()) {
      for (int j = g.origStart(); j < g.origEnd(); j++) {
        inGap[j] = true;
      }
      learnGap(sf, of, g, pair.weight());
    }
    for (int j = 0; j < of.length; j++) {
      if (o.isWord(j)) {
        tokens++;
      }
      if (WordTokens.hasLetter(of[j])) {
        eligible++;
        if (inGap[j]) {
          changed++;
        }
      }
    }
  }

  private void learnGap(String[] sf, String[] of, PairAligner.Gap g, double weight) {
    int sl = g.spunLength();
    int ol = g.origLength();
    if (sl == 0 || ol == 0) {
      return;
    }
    if (sl == ol && config.splitEqualLengthGaps()) {
      for (int k = 0; k < sl; k++) {
        count(sf, g.spunStart() + k, g.spunStart() + k + 1, of, g.origStart() + k, g.origStart() + k + 1, weight);
      }
      return;
    }
    if (sl > config.maxPhraseWords() || ol > config.maxPhraseWords()) {
      unaligned++;
      return;
    }
    count(sf, g.spunStart(), g.spunEnd(), of, g.origStart(), g.origEnd(), weight);
  }

  private void count(String[] sf, int s0, int s1, String[] of, int o0, int o1, double weight) {
    String surface = String.join(" ", java.util.Arrays.copyOfRange(sf, s0, s1));
    String original = String.join(" ", java.util.Arrays.copyOfRange(of, o0, o1));
    if (!WordTokens.hasLetter(surface) || !WordTokens.hasLetter(original)) {
      return; // punctuation or numbers only: not a thesaurus habit
    }
    counts.computeIfAbsent(original, k -> new LinkedHashMap<>()).computeIfAbsent(surface, k -> new double[1])[0] +=
        weight;
  }

  /** Gaps skipped because a side was longer than the configured limit. */
  public long unalignedGaps() {
    return unaligned;
  }

  /** The profile of everything added so far. */
  public SpinnerProfile build(String name, String source, String license, String created) {
    Map<String, double[]> bySurfaceTotals = new HashMap<>(); // {count, types}
    for (Map<String, double[]> m : counts.values()) {
      for (Map.Entry<String, double[]> e : m.entrySet()) {
        double[] t = bySurfaceTotals.computeIfAbsent(e.getKey(), k -> new double[2]);
        t[0] += e.getValue()[0];
        t[1] += 1;
      }
    }
    List<SpinnerProfile.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Map<String, double[]>> om : counts.entrySet()) {
      double co = 0;
      for (double[] c : om.getValue().values()) {
        co += c[0];
      }
      double to = om.getValue().size();
      for (Map.Entry<String, double[]> e : om.getValue().entrySet()) {
        double c = e.getValue()[0];
        double[] st = bySurfaceTotals.get(e.getKey());
        entries.add(new SpinnerProfile.Entry(e.getKey(), om.getKey(), c, c / (co + to), c / (st[0] + st[1])));
      }
    }
    double rate = eligible == 0 ? 0 : (double) changed / eligible;
    ProfileInfo info = new ProfileInfo(name, "aligned-pairs", source, license, created, pairs, tokens,
        Math.min(eligible, tokens), changed, rate,
        "witten-bell: p(s|o)=c(s,o)/(c(o)+types(o)); p(o|s)=c(s,o)/(c(s)+types(s))");
    return new SpinnerProfile(info, entries);
  }
}
