package org.unspin.channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A spinner profile: the channel model of one spinner, {@code P(surface | original)}.
 *
 * <p>A spinner leaves an eligible original word unchanged with probability
 * {@code 1 - replacementRate}; when it replaces an original phrase {@code o} it writes surface
 * {@code s} with probability {@link Entry#pSurfaceGivenOriginal()}. The entries of one original need
 * not sum to 1: the rest is the mass the learner kept for replacements it never saw
 * ({@link #unseenMass(String)}), which a restorer can share among thesaurus candidates. For the
 * restorer's lattice the same counts give {@link Entry#pOriginalGivenSurface()}, looked up by
 * surface phrase.
 *
 * <p>Phrases are 1 to {@value #MAX_PHRASE_WORDS} words in LM form (lower case, Locale.ROOT; see
 * {@code org.unspin.text.LmText}) separated by single spaces. Stored as a self-documenting TSV file,
 * see {@link ProfileFormat}. Immutable and thread-safe.
 */
public final class SpinnerProfile {

  /** The longest phrase, in words, on either side of an entry. */
  public static final int MAX_PHRASE_WORDS = 4;

  /**
   * One substitution habit: the spinner turned {@code original} into {@code surface}.
   *
   * @param surface the phrase the spinner wrote
   * @param original the phrase it replaced, different from {@code surface}
   * @param count how often the learner saw it, {@code > 0} (fractional when pairs were weighted)
   * @param pSurfaceGivenOriginal P(surface | original, replaced), in {@code (0, 1]}
   * @param pOriginalGivenSurface P(original | surface, a replacement), in {@code (0, 1]}
   */
  public record Entry(String surface, String original, double count, double pSurfaceGivenOriginal,
      double pOriginalGivenSurface) {
    public Entry {
      checkPhrase("surface", surface);
      checkPhrase("original", original);
      if (surface.equals(original)) {
        throw new IllegalArgumentException("surface must differ from original (got '" + surface + "')");
      }
      if (!(count > 0) || Double.isInfinite(count)) {
        throw new IllegalArgumentException("count must be > 0 and finite (got " + count + ")");
      }
      checkProbability("pSurfaceGivenOriginal", pSurfaceGivenOriginal);
      checkProbability("pOriginalGivenSurface", pOriginalGivenSurface);
    }
  }

  private static final double SUM_TOLERANCE = 1e-4;
  private static final Comparator<Entry> BY_P_SURFACE = Comparator.comparingDouble(Entry::pSurfaceGivenOriginal)
      .reversed().thenComparing(Entry::surface);
  private static final Comparator<Entry> BY_P_ORIGINAL = Comparator.comparingDouble(Entry::pOriginalGivenSurface)
      .reversed().thenComparing(Entry::original);

  private final ProfileInfo info;
  private final List<Entry> entries;
  private final Map<String, List<Entry>> bySurface;
  private final Map<String, List<Entry>> byOriginal;
  private final Map<String, Double> unseenByOriginal;

  /**
   * A profile of {@code entries}; throws {@link IllegalArgumentException} on a duplicate pair or
   * when the probabilities of one original (or of one surface) sum to more than 1.
   */
  public SpinnerProfile(ProfileInfo info, Collection<Entry> entries) {
    this.info = Objects.requireNonNull(info, "info");
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::original).thenComparing(Comparator.comparingDouble(Entry::count)
        .reversed()).thenComparing(Entry::surface));
    this.entries = List.copyOf(sorted);
    Set<String> seen = new HashSet<>();
    Map<String, List<Entry>> bs = new HashMap<>();
    Map<String, List<Entry>> bo = new HashMap<>();
    for (Entry e : this.entries) {
      if (!seen.add(e.surface() + '\t' + e.original())) {
        throw new IllegalArgumentException("duplicate entry: surface '" + e.surface() + "' <- original '"
            + e.original() + "'");
      }
      bs.computeIfAbsent(e.surface(), k -> new ArrayList<>()).add(e);
      bo.computeIfAbsent(e.original(), k -> new ArrayList<>()).add(e);
    }
    this.bySurface = freeze(bs, BY_P_ORIGINAL, true);
    this.byOriginal = freeze(bo, BY_P_SURFACE, false);
    Map<String, Double> unseen = new HashMap<>();
    for (Map.Entry<String, List<Entry>> me : byOriginal.entrySet()) {
      double sum = 0;
      for (Entry e : me.getValue()) {
        sum += e.pSurfaceGivenOriginal();
      }
      unseen.put(me.getKey(), Math.max(0, 1 - sum));
    }
    this.unseenByOriginal = Map.copyOf(unseen);
  }

  private static Map<String, List<Entry>> freeze(Map<String, List<Entry>> m, Comparator<Entry> order,
      boolean reverse) {
    Map<String, List<Entry>> out = new HashMap<>(m.size() * 2);
    for (Map.Entry<String, List<Entry>> me : m.entrySet()) {
      List<Entry> l = me.getValue();
      l.sort(order);
      double sum = 0;
      for (Entry e : l) {
        sum += reverse ? e.pOriginalGivenSurface() : e.pSurfaceGivenOriginal();
      }
      if (sum > 1 + SUM_TOLERANCE) {
        throw new IllegalArgumentException("probabilities of " + (reverse ? "surface" : "original") + " '"
            + me.getKey() + "' sum to " + String.format(Locale.ROOT, "%.6f", sum) + " > 1");
      }
      out.put(me.getKey(), List.copyOf(l));
    }
    return Map.copyOf(out);
  }

  public ProfileInfo info() {
    return info;
  }

  /** Every entry, sorted by original, then by descending count, then by surface. */
  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The spinner's share of replaced eligible words. */
  public double replacementRate() {
    return info.replacementRate();
  }

  /** The originals a surface phrase may stand for, most probable first; empty if none. */
  public List<Entry> bySurface(String surface) {
    List<Entry> l = bySurface.get(surface);
    return l == null ? List.of() : l;
  }

  /** The surfaces an original phrase was turned into, most probable first; empty if none. */
  public List<Entry> byOriginal(String original) {
    List<Entry> l = byOriginal.get(original);
    return l == null ? List.of() : l;
  }

  /** The entry for the pair, or null. */
  public Entry entry(String surface, String original) {
    for (Entry e : byOriginal(original)) {
      if (e.surface().equals(surface)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The probability mass of {@code original} kept for replacements not in the profile: 1 for an
   * original the profile does not know.
   */
  public double unseenMass(String original) {
    Double d = unseenByOriginal.get(original);
    return d == null ? 1.0 : d;
  }

  /**
   * The channel probability {@code P(T = surface | O = original)} of this spinner for an eligible
   * original: {@code 1 - rate} when the surface equals the original, {@code rate * p(s | o)} for a
   * pair in the profile, and 0 otherwise (the caller decides how to share {@link #unseenMass}
   * among candidates from other sources).
   */
  public double channelProbability(String surface, String original) {
    if (surface.equals(original)) {
      return 1 - info.replacementRate();
    }
    Entry e = entry(surface, original);
    return e == null ? 0 : info.replacementRate() * e.pSurfaceGivenOriginal();
  }

  /** Number of distinct surface phrases. */
  public int surfaceCount() {
    return bySurface.size();
  }

  /** Number of distinct original phrases. */
  public int originalCount() {
    return byOriginal.size();
  }

  static void checkPhrase(String field, String p) {
    Objects.requireNonNull(p, field);
    String problem = phraseProblem(p);
    if (problem != null) {
      throw new IllegalArgumentException(field + " must " + problem);
    }
  }

  /**
   * Whether {@code p} can be a surface or original of an entry: 1 to {@value #MAX_PHRASE_WORDS}
   * lower-case words separated by single spaces, without tabs or line breaks.
   */
  public static boolean holdsPhrase(String p) {
    return p != null && phraseProblem(p) == null;
  }

  /** What is wrong with {@code p} as an entry's phrase (completing "must ..."), or null. */
  private static String phraseProblem(String p) {
    if (p.isEmpty() || p.startsWith(" ") || p.endsWith(" ") || p.contains("  ")) {
      return "be words separated by single spaces (got '" + p + "')";
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || (c != ' ' && Character.isWhitespace(c))) {
        return "not contain tabs or line breaks (got '" + p + "')";
      }
    }
    if (!p.equals(p.toLowerCase(Locale.ROOT))) {
      return "be lower case (got '" + p + "')";
    }
    int words = p.split(" ").length;
    if (words > MAX_PHRASE_WORDS) {
      return "have at most " + MAX_PHRASE_WORDS + " words (got " + words + " in '" + p + "')";
    }
    return null;
  }

  private static void checkProbability(String field, double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1] (got " + p + ")");
    }
  }
}
