package org.unspin.restore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What self-training learned from a document or a batch of one site's pages: how often (posterior
 * weighted) each surface phrase was restored to each original phrase, and the estimated
 * replacement rate. This is the unaligned profile learner's output; the channel package maps it
 * to its profile format. Immutable.
 */
public final class SubstitutionCounts {

  /**
   * One learned substitution.
   *
   * @param surface the surface phrase (LM forms joined by spaces) as the spinner wrote it
   * @param original the restored original phrase
   * @param count sum of the edits' posteriors
   * @param occurrences number of edits
   */
  public record Entry(String surface, String original, double count, int occurrences)
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
    }
  }

  private final List<Entry> entries;
  private final long eligibleTokens;
  private final double changed;
  private final int documents;

  SubstitutionCounts(List<Entry> entries, long eligibleTokens, double changed, int documents) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingDouble(Entry::count).reversed().thenComparing(Entry::surface)
        .thenComparing(Entry::original));
    this.entries = List.copyOf(sorted);
    this.eligibleTokens = eligibleTokens;
    this.changed = changed;
    this.documents = documents;
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
   * Tab-separated text: a commented header documenting the columns, then
   * {@code surface<TAB>original<TAB>count<TAB>occurrences} lines.
   */
  public String toTsv() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Unspin substitution counts (self-training, unaligned).\n");
    sb.append("# documents=").append(documents).append(" eligible_tokens=").append(eligibleTokens)
        .append(String.format(Locale.ROOT, " replacement_rate=%.4f%n", replacementRate()));
    sb.append("# columns: surface, original, posterior-weighted count, occurrences\n");
    for (Entry e : entries) {
      sb.append(e.surface()).append('\t').append(e.original()).append('\t')
          .append(String.format(Locale.ROOT, "%.3f", e.count())).append('\t').append(e.occurrences()).append('\n');
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

    void add(String key, double weight) {
      double[] c = counts.computeIfAbsent(key, k -> new double[2]);
      c[0] += weight;
      c[1] += 1;
    }

    double get(String key) {
      double[] c = counts.get(key);
      return c == null ? 0 : c[0];
    }

    boolean isEmpty() {
      return counts.isEmpty();
    }

    SubstitutionCounts freeze() {
      List<Entry> list = new ArrayList<>();
      counts.forEach((k, v) -> {
        int tab = k.indexOf('\t');
        list.add(new Entry(k.substring(0, tab), k.substring(tab + 1), v[0], (int) v[1]));
      });
      return new SubstitutionCounts(list, eligible, changed, documents);
    }
  }
}
