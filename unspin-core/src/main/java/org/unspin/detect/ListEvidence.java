package org.unspin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintMatcher;

/**
 * What the matches of a tortured-phrase list say about a text, measured against clean text. The
 * detector's model never saw the list's phrases (it is trained on thesaurus spins, which do not write
 * them), so it gives them no weight; this asks instead how often clean text has as many of them.
 *
 * <p>An entry is <em>seldom</em> in clean text when it matched fewer than {@link #COMMON_DOCUMENTS}
 * documents of the counted clean text ({@link CleanCounts}); the others ("heart ailments", "bosom"
 * with "breast") are phrases that clean writing also uses, and are left out here. Seldom entries
 * together matched {@code c} clean documents in {@code W} words, so clean text meets a new seldom
 * entry at a rate of about {@code r = (c + 1) / W} a word. A text of {@code n} words with {@code k}
 * distinct seldom entries (an entry matching within another's match is not counted) has {@code k}
 * or more by chance with the probability {@code P(N >= k)}, {@code N ~ Poisson(r n)}: the {@link
 * Assessment#chance()}. The text is {@link Assessment#spun()} when
 * it has at least {@link #MIN_ENTRIES} distinct seldom entries and that chance is at most {@link
 * #MAX_CHANCE}. One entry alone is never enough: a field may use a listed phrase as its own term
 * ("neural organization" in a paper on the brain), and clean text of a field the counts did not
 * cover may use one more often than the counts say.
 *
 * <p>Immutable and thread-safe.
 */
public final class ListEvidence {
  /** An entry that matched this many clean documents or more is one clean writing also uses. */
  public static final int COMMON_DOCUMENTS = 2;
  /** The fewest distinct seldom entries that can make a text spun. */
  public static final int MIN_ENTRIES = 2;
  /** The largest chance of as many seldom entries in clean text that makes a text spun. */
  public static final double MAX_CHANCE = 1e-3;

  private final FingerprintMatcher matcher;
  private final CleanCounts counts;
  private final double seldomRate;

  /** The evidence of {@code matcher}'s list, its entries counted in clean text by {@code counts}. */
  public ListEvidence(FingerprintMatcher matcher, CleanCounts counts) {
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.counts = Objects.requireNonNull(counts, "counts");
    long seldom = 0;
    for (int c : counts.counts().values()) {
      if (c < COMMON_DOCUMENTS) {
        seldom += c;
      }
    }
    this.seldomRate = (seldom + 1.0) / counts.words();
  }

  /** The clean counts read. */
  public CleanCounts counts() {
    return counts;
  }

  /** The rate a word at which clean text meets a seldom entry ({@code r} above). */
  public double seldomRate() {
    return seldomRate;
  }

  /** True when the entry is one that clean writing also uses (see the class comment). */
  public boolean common(Fingerprint entry) {
    return counts.documentsMatched(entry.query()) >= COMMON_DOCUMENTS;
  }

  /**
   * The list's evidence in {@code text} of {@code words} word tokens.
   *
   * @param words the text's word count as the detector counts it ({@code >= 0})
   */
  public Assessment assess(String text, int words) {
    if (words < 0) {
      throw new IllegalArgumentException("words must be >= 0 (got " + words + ")");
    }
    List<FingerprintMatch> all = new ArrayList<>(matcher.match(text));
    all.sort(Comparator.comparingInt(FingerprintMatch::start).thenComparingInt(m -> -m.end()));
    Set<String> seldom = new HashSet<>();
    int k = 0;
    int coveredTo = -1;
    for (FingerprintMatch m : all) {
      // an entry counts once, and so does a stretch of text that several entries match
      // ("neural organization" inside "counterfeit neural organization")
      if (m.start() < coveredTo || common(m.fingerprint()) || !seldom.add(m.fingerprint().query())) {
        continue;
      }
      k++;
      coveredTo = m.end();
    }
    int matches = all.size();
    double chance = poissonTail(k, seldomRate * Math.max(1, words));
    return new Assessment(matches, k, words, chance);
  }

  /**
   * {@code P(N >= k)} for {@code N ~ Poisson(lambda)}, summed from {@code k} upwards so that tiny
   * values keep their precision.
   */
  static double poissonTail(int k, double lambda) {
    if (k <= 0) {
      return 1.0;
    }
    if (lambda <= 0) {
      return 0.0;
    }
    if (lambda > k) { // the body of the distribution: the complement is precise enough
      double term = Math.exp(-lambda);
      double below = 0;
      for (int i = 0; i < k; i++) {
        below += term;
        term *= lambda / (i + 1);
      }
      return Math.max(0.0, 1.0 - below);
    }
    double logTerm = -lambda + k * Math.log(lambda);
    for (int i = 2; i <= k; i++) {
      logTerm -= Math.log(i);
    }
    double term = Math.exp(logTerm);
    double sum = 0;
    for (int i = k; term > sum * 1e-17 && i < k + 1000; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1.0, sum);
  }

  /**
   * The list's evidence in one text.
   *
   * @param matches the list's matches in the text
   * @param seldomEntries the distinct entries among them that clean text seldom has, those matching
   *     within another's match not counted
   * @param words the text's word count
   * @param chance the probability that clean text of {@code words} words has as many seldom entries
   */
  public record Assessment(int matches, int seldomEntries, int words, double chance) {
    /** True when the list alone makes the text spun (see {@link ListEvidence}). */
    public boolean spun() {
      return seldomEntries >= MIN_ENTRIES && chance <= MAX_CHANCE;
    }
  }
}
