package org.unspin.restore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unspin.channel.ProfileInfo;
import org.unspin.channel.SpinnerProfile;

/**
 * What self-training learned from a document or a batch of one site's pages: how often (posterior
 * weighted) each surface phrase was restored to each original phrase, and the estimated
 * replacement rate. This is the unaligned profile learner's output; {@link #toProfile} makes a
 * spinner profile of it. Immutable.
 */
public final class SubstitutionCounts {

  /**
   * One learned substitution.
   *
   * @param surface the surface phrase (LM forms joined by spaces) as the spinner wrote it
   * @param original the restored original phrase
   * @param count sum of the edits' posteriors
   * @param occurrences number of edits
   * @param documents number of documents with at least one of them
   */
  public record Entry(String surface, String original, double count, int occurrences, int documents)
      implements java.io.Serializable {
    public Entry {
      Objects.requireNonNull(surface, "surface");
      Objects.requireNonNull(original, "original");
      if (!(count >= 0)) {
        throw new IllegalArgumentException("count must be >= 0 (got " + count + ")");
      }
      if (occurrences < 0) {
        throw new IllegalArgumentException("occurrences must be >= 0 (got " + occurrences + ")");
      }
      if (documents < 0 || documents > occurrences) {
        throw new IllegalArgumentException("documents must be in [0, occurrences] (got " + documents + ")");
      }
    }

    /** An entry of one document (or of documents not counted), when it occurs at all. */
    public Entry(String surface, String original, double count, int occurrences) {
      this(surface, original, count, occurrences, occurrences > 0 ? 1 : 0);
    }
  }

  /** {@link #toProfile}'s least number of documents by default: a habit seen on two pages. */
  public static final int DEFAULT_MIN_DOCUMENTS = 2;

  private final List<Entry> entries;
  private final long eligibleTokens;
  private final double changed;
  private final int documents;
  private final Map<String, Integer> occurrences;

  SubstitutionCounts(List<Entry> entries, long eligibleTokens, double changed, int documents) {
    this(entries, eligibleTokens, changed, documents, Map.of());
  }

  SubstitutionCounts(List<Entry> entries, long eligibleTokens, double changed, int documents,
      Map<String, Integer> occurrences) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingDouble(Entry::count).reversed().thenComparing(Entry::surface)
        .thenComparing(Entry::original));
    this.entries = List.copyOf(sorted);
    this.eligibleTokens = eligibleTokens;
    this.changed = changed;
    this.documents = documents;
    this.occurrences = Map.copyOf(occurrences);
  }

  /** The substitutions, most frequent first. */
  public List<Entry> entries() {
    return entries;
  }

  /** Tokens that some candidate could have restored. */
  public long eligibleTokens() {
    return eligibleTokens;
  }

  /** Posterior-weighted number of restored tokens. */
  public double changedTokens() {
    return changed;
  }

  public int documents() {
    return documents;
  }

  /** Share of eligible tokens restored, 0 when none was eligible. */
  public double replacementRate() {
    return eligibleTokens == 0 ? 0 : Math.min(1, changed / eligibleTokens);
  }

  /** Count of one pair, 0 if absent. */
  public double count(String surface, String original) {
    for (Entry e : entries) {
      if (e.surface().equals(surface) && e.original().equals(original)) {
        return e.count();
      }
    }
    return 0;
  }

  /**
   * How often the surface phrase {@code surface} occurs in the batch in all, restored or left as
   * it is; 0 when it was not counted (a document's own counts, or not a learned surface).
   */
  public int occurrences(String surface) {
    return occurrences.getOrDefault(surface, 0);
  }

  /**
   * The spinner profile these counts make: the substitutions whose posterior-weighted count is
   * at least {@code minCount}, restored in at least {@code minDocuments} documents (a spinner's
   * habit recurs from page to page; a restorer's mistake on one story's word recurs within the
   * story), and whose phrases a profile can hold (at most {@link SpinnerProfile#MAX_PHRASE_WORDS}
   * words), with Witten-Bell estimates as {@link
   * org.unspin.channel.ProfileLearner} makes them from aligned pairs, {@code p(s|o) = c(s,o) /
   * (c(o) + types(o))} and {@code p(o|s) = c(s,o) / (c(s) + types(s))}. Unlike aligned pairs,
   * the batch does not say which occurrences of a surface the spinner wrote; so {@code p(o|s)} is
   * also multiplied by the share of the surface's occurrences that were restored, {@code c(s) /
   * occurrences(s)} (1 where the occurrences were not counted): a surface the batch mostly leaves
   * as it is, such as "about" with "of" learned from a spinner's first-synonym habit, costs more
   * to restore than one it always restores, such as "angstrom" for "a".
   *
   * @param name the profile's name
   * @param source what the batch was (files, how many documents)
   * @param license the licence of the batch's texts, or {@code unknown}
   * @param created the date, yyyy-mm-dd, or {@code unknown}
   * @param minCount the least count of an entry, {@code > 0}
   * @param minDocuments the least number of documents an entry was restored in, {@code >= 1}
   * @return the profile, possibly without entries
   */
  public SpinnerProfile toProfile(String name, String source, String license, String created, double minCount,
      int minDocuments) {
    if (!(minCount > 0) || Double.isInfinite(minCount)) {
      throw new IllegalArgumentException("minCount must be > 0 and finite (got " + minCount + ")");
    }
    if (minDocuments < 1) {
      throw new IllegalArgumentException("minDocuments must be >= 1 (got " + minDocuments + ")");
    }
    List<Entry> kept = new ArrayList<>();
    for (Entry e : entries) {
      if (e.count() >= minCount && e.documents() >= minDocuments && !e.surface().equals(e.original())
          && SpinnerProfile.holdsPhrase(e.surface()) && SpinnerProfile.holdsPhrase(e.original())) {
        kept.add(e);
      }
    }
    Map<String, double[]> bySurface = new HashMap<>(); // {count, types}
    Map<String, double[]> byOriginal = new HashMap<>();
    for (Entry e : kept) {
      double[] s = bySurface.computeIfAbsent(e.surface(), k -> new double[2]);
      s[0] += e.count();
      s[1] += 1;
      double[] o = byOriginal.computeIfAbsent(e.original(), k -> new double[2]);
      o[0] += e.count();
      o[1] += 1;
    }
    List<SpinnerProfile.Entry> out = new ArrayList<>(kept.size());
    for (Entry e : kept) {
      double[] s = bySurface.get(e.surface());
      double[] o = byOriginal.get(e.original());
      int seen = occurrences(e.surface());
      double restoredShare = seen > 0 ? Math.min(1, s[0] / seen) : 1;
      out.add(new SpinnerProfile.Entry(e.surface(), e.original(), e.count(), e.count() / (o[0] + o[1]),
          e.count() / (s[0] + s[1]) * restoredShare));
    }
    long changedTokens = Math.min(eligibleTokens, Math.round(changed));
    ProfileInfo info = new ProfileInfo(name, "batch-self-training", source, license, created, documents, 0,
        eligibleTokens, changedTokens, replacementRate(), String.format(Locale.ROOT, "witten-bell over"
            + " posterior-weighted counts >= %s in >= %d documents: p(s|o)=c(s,o)/(c(o)+types(o));"
            + " p(o|s)=c(s,o)/(c(s)+types(s)) times the share of the surface's occurrences restored", minCount,
            minDocuments));
    return new SpinnerProfile(info, out);
  }

  /**
   * Tab-separated text: a commented header documenting the columns, then
   * {@code surface<TAB>original<TAB>count<TAB>occurrences<TAB>documents} lines.
   */
  public String toTsv() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Unspin substitution counts (self-training, unaligned).\n");
    sb.append("# documents=").append(documents).append(" eligible_tokens=").append(eligibleTokens)
        .append(String.format(Locale.ROOT, " replacement_rate=%.4f%n", replacementRate()));
    sb.append("# columns: surface, original, posterior-weighted count, occurrences, documents\n");
    for (Entry e : entries) {
      sb.append(e.surface()).append('\t').append(e.original()).append('\t')
          .append(String.format(Locale.ROOT, "%.3f", e.count())).append('\t').append(e.occurrences()).append('\t')
          .append(e.documents()).append('\n');
    }
    return sb.toString();
  }

  /** Mutable accumulator; not thread-safe. */
  static final class Accumulator {
    private final Map<String, double[]> counts = new HashMap<>();
    long eligible;
    double changed;
    int documents;

    static String key(String surface, String original) {
      return surface + '\t' + original;
    }

    /** Adds an edit of document {@code doc} (documents come in order, each once). */
    void add(String key, double weight, int doc) {
      double[] c = counts.computeIfAbsent(key, k -> new double[] {0, 0, -1, 0}); // count, edits, last doc, docs
      c[0] += weight;
      c[1] += 1;
      if (c[2] != doc) {
        c[2] = doc;
        c[3] += 1;
      }
    }

    double get(String key) {
      double[] c = counts.get(key);
      return c == null ? 0 : c[0];
    }

    boolean isEmpty() {
      return counts.isEmpty();
    }

    /** The surface phrases counted so far. */
    java.util.Set<String> surfaces() {
      java.util.Set<String> out = new java.util.HashSet<>();
      for (String k : counts.keySet()) {
        out.add(k.substring(0, k.indexOf('\t')));
      }
      return out;
    }

    SubstitutionCounts freeze() {
      return freeze(Map.of());
    }

    SubstitutionCounts freeze(Map<String, Integer> occurrences) {
      List<Entry> list = new ArrayList<>();
      counts.forEach((k, v) -> {
        int tab = k.indexOf('\t');
        list.add(new Entry(k.substring(0, tab), k.substring(tab + 1), v[0], (int) v[1], (int) v[3]));
      });
      return new SubstitutionCounts(list, eligible, changed, documents, occurrences);
    }
  }
}
