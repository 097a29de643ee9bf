package org.unspin.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.unspin.channel.TextPair;

/**
 * A source of a traced text, re-ranked by alignment.
 *
 * @param id the source document's id
 * @param uri its URL when the index knows one, else null
 * @param score share of the query's words that equal their aligned source word, in [0, 1]
 * @param coverage share of the query's words in sentences that align with this source, in [0, 1]
 * @param support share of the alignment's steps in those sentences that the source explains, in [0, 1]:
 *     a word equal to its source word, or a replacement the lexicon relates to it (same synonym
 *     class, a shared stem, an edge either way); query-only and source-only words and unrelated
 *     replacements count against it. A spun copy's changes are synonyms (0.51–0.95 at a simulated
 *     80% spin of news); an unrelated text aligned with a long article matches only its small words
 *     here and there (about 0.34 at the median)
 * @param passages aligned stretches, in query order
 * @param substitutions the replacements with counts, most frequent first
 * @param aligned every replacement with offsets, in query order
 * @param sourceText the source's stored text (offsets of {@code passages} and {@code aligned} point into it)
 */
public record SourceMatch(String id, String uri, double score, double coverage, double support, List<Passage> passages,
    List<SubstitutionCount> substitutions, List<AlignedSubstitution> aligned, String sourceText) {
  public SourceMatch {
    Objects.requireNonNull(id, "id");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score: must be in [0, 1] (got " + score + ")");
    }
    if (!(coverage >= 0 && coverage <= 1)) {
      throw new IllegalArgumentException("coverage: must be in [0, 1] (got " + coverage + ")");
    }
    if (!(support >= 0 && support <= 1)) {
      throw new IllegalArgumentException("support: must be in [0, 1] (got " + support + ")");
    }
    passages = List.copyOf(passages);
    substitutions = List.copyOf(substitutions);
    aligned = List.copyOf(aligned);
    Objects.requireNonNull(sourceText, "sourceText");
  }

  /**
   * Least {@link #support} of a source: chosen on news dev documents against an index of the train
   * split (BENCHMARKS.md §7q), where every spun copy of an indexed document had at least 0.506 at a
   * simulated 80% spin and 82% of the texts with no copy in the index had less.
   */
  public static final double MIN_SUPPORT = 0.45;

  /**
   * Whether this match proves a source of its query: it covers at least {@code minCoverage} of the
   * query's words and its alignment has at least {@link #MIN_SUPPORT} support.
   */
  public boolean proves(double minCoverage) {
    return coverage >= minCoverage && support >= MIN_SUPPORT;
  }

  /**
   * The query with every aligned replacement put back to the source's wording: the restoration
   * that the source proves. Text outside the replacements is kept as it is.
   */
  public String restore(String query) {
    StringBuilder sb = new StringBuilder(query.length());
    int at = 0;
    for (AlignedSubstitution a : aligned) {
      if (a.start() < at || a.end() > query.length()) {
        continue; // not from this query
      }
      sb.append(query, at, a.start()).append(a.original());
      at = a.end();
    }
    return sb.append(query, at, query.length()).toString();
  }

  /** (query passage, source passage) pairs, the input of {@code channel.ProfileLearner}. */
  public List<TextPair> textPairs(String query) {
    List<TextPair> out = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      if (p.end() <= query.length() && p.sourceEnd() <= sourceText.length()) {
        out.add(new TextPair(String.format(Locale.ROOT, "%s@%d", id, p.sourceStart()), query.substring(p.start(),
            p.end()), sourceText.substring(p.sourceStart(), p.sourceEnd())));
      }
    }
    return out;
  }
}
