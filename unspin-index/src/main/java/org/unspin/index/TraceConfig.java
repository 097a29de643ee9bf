package org.unspin.index;

/**
 * Settings of a {@link Tracer}.
 *
 * @param candidates first-stage hits aligned per query (at least the requested top K), {@code >= 1}
 * @param synTerms most synonym-class terms in the first-stage query, {@code >= 0}
 * @param immTerms most immutable terms in the first-stage query, {@code >= 0}
 * @param immBoost weight of an immutable term against a synonym-class term, {@code > 0}
 * @param maxDocFreqShare terms in more than this share of documents are left out of the query
 *     (they tell nothing apart and cost the most to search), in {@code (0, 1]}
 * @param fallbackCoverage below this best coverage the search is repeated with the restored text,
 *     in {@code [0, 1]} (0 turns the fallback off)
 */
public record TraceConfig(int candidates, int synTerms, int immTerms, float immBoost, double maxDocFreqShare,
    double fallbackCoverage) {
  public static final int DEFAULT_CANDIDATES = 10;
  public static final int DEFAULT_SYN_TERMS = 48;
  public static final int DEFAULT_IMM_TERMS = 32;
  public static final double DEFAULT_FALLBACK_COVERAGE = 0.5;

  public TraceConfig {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates: must be >= 1 (got " + candidates + ")");
    }
    if (synTerms < 0 || immTerms < 0 || synTerms + immTerms == 0) {
      throw new IllegalArgumentException("synTerms, immTerms: must be >= 0 and not both 0 (got " + synTerms + ", "
          + immTerms + ")");
    }
    if (!(immBoost > 0)) {
      throw new IllegalArgumentException("immBoost: must be > 0 (got " + immBoost + ")");
    }
    if (!(maxDocFreqShare > 0 && maxDocFreqShare <= 1)) {
      throw new IllegalArgumentException("maxDocFreqShare: must be in (0, 1] (got " + maxDocFreqShare + ")");
    }
    if (!(fallbackCoverage >= 0 && fallbackCoverage <= 1)) {
      throw new IllegalArgumentException("fallbackCoverage: must be in [0, 1] (got " + fallbackCoverage + ")");
    }
  }

  public static TraceConfig defaults() {
    return new TraceConfig(DEFAULT_CANDIDATES, DEFAULT_SYN_TERMS, DEFAULT_IMM_TERMS, 2f, 0.1,
        DEFAULT_FALLBACK_COVERAGE);
  }

  public TraceConfig withCandidates(int n) {
    return new TraceConfig(n, synTerms, immTerms, immBoost, maxDocFreqShare, fallbackCoverage);
  }

  public TraceConfig withFallbackCoverage(double c) {
    return new TraceConfig(candidates, synTerms, immTerms, immBoost, maxDocFreqShare, c);
  }

  public TraceConfig withTerms(int syn, int imm) {
    return new TraceConfig(candidates, syn, imm, immBoost, maxDocFreqShare, fallbackCoverage);
  }
}
