package org.unspin.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The document-level feature vector the classifier reads, with the names that the model file
 * uses. The fixed features come first:
 * <ul>
 *   <li>{@code changed_share}: tokens covered by restoration edits, weighted by their posterior,
 *       per word token; an edit that repeats an earlier one (the same surface to the same
 *       suggestion) does not count again (since session 13: one habit, a spinner's or a house
 *       style's);
 *   <li>{@code lm_gain_per_token}: log10 probability of the decoder's best path (the restoration
 *       before the edit reranker left out its unsure changes) minus that of the input,
 *       per token, without the gain of an edit that repeats an earlier one (its tokens and the
 *       words after it);
 *   <li>{@code edit_confidence_mean}, {@code edit_confidence_max}: over the restoration's edits
 *       (0 without edits);
 *   <li>{@code rare_synonym_per_100}: posterior-weighted edits whose surface is much rarer than the
 *       suggestion by LM unigram probability (see {@link DetectorConfig#rareSynonymGap()}), per 100
 *       word tokens, repeats counted once as for {@code changed_share};
 *   <li>{@code log_length}: {@code ln(1 + word tokens)};
 *   <li>{@code changed_count}, {@code lm_gain_total}, {@code word_count}, {@code
 *       rare_synonym_count}: the evidence as totals rather than rates (since session 19): the
 *       numerators of {@code changed_share}, {@code lm_gain_per_token} and {@code
 *       rare_synonym_per_100}, and the word tokens. The log-likelihood ratio of a
 *       document's edits grows with their number, not with their share, so a long text spun at a
 *       low rate holds more evidence than a short one at the same rate; with the rates alone the
 *       classifier could not tell them apart, and with the totals and the length it can weigh a
 *       total against what clean text of that length gives;
 * </ul>
 * then {@code hits_per_100.RULE_ID} for every rule of the analyzer, in rule order, then {@code
 * hits.RULE_ID}, the same hits as counts (since session 19).
 *
 * @param names feature names, unique
 * @param values feature values, finite, one per name
 */
public record DocumentFeatures(List<String> names, double[] values) {
  public static final String CHANGED_SHARE = "changed_share";
  public static final String LM_GAIN_PER_TOKEN = "lm_gain_per_token";
  public static final String EDIT_CONFIDENCE_MEAN = "edit_confidence_mean";
  public static final String EDIT_CONFIDENCE_MAX = "edit_confidence_max";
  public static final String RARE_SYNONYM_PER_100 = "rare_synonym_per_100";
  public static final String LOG_LENGTH = "log_length";
  public static final String CHANGED_COUNT = "changed_count";
  public static final String LM_GAIN_TOTAL = "lm_gain_total";
  public static final String WORD_COUNT = "word_count";
  public static final String RARE_SYNONYM_COUNT = "rare_synonym_count";
  /** Prefix of the per-rule hit counts. */
  public static final String HIT_COUNT_PREFIX = "hits.";
  /** Prefix of the per-rule hit rates. */
  public static final String HITS_PREFIX = "hits_per_100.";

  /** The fixed features, in vector order. */
  public static final List<String> FIXED = List.of(CHANGED_SHARE, LM_GAIN_PER_TOKEN, EDIT_CONFIDENCE_MEAN,
      EDIT_CONFIDENCE_MAX, RARE_SYNONYM_PER_100, LOG_LENGTH, CHANGED_COUNT, LM_GAIN_TOTAL, WORD_COUNT,
      RARE_SYNONYM_COUNT);

  public DocumentFeatures {
    names = List.copyOf(names);
    Objects.requireNonNull(values, "values");
    if (names.size() != values.length) {
      throw new IllegalArgumentException("names and values differ in length (got " + names.size() + " names, "
          + values.length + " values)");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("feature names must be unique (got " + names + ")");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + names.get(i) + " must be finite (got " + values[i] + ")");
      }
    }
    values = values.clone();
  }

  /** The feature names for {@code rules}: {@link #FIXED}, then one hit rate per rule, then one hit count per rule. */
  public static List<String> namesFor(List<Rule> rules) {
    List<String> out = new ArrayList<>(FIXED);
    for (Rule r : rules) {
      out.add(HITS_PREFIX + r.id());
    }
    for (Rule r : rules) {
      out.add(HIT_COUNT_PREFIX + r.id());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * These features restricted to {@code wanted}, in its order (a model trained on fewer features
   * than the analyzer now computes reads only its own).
   *
   * @throws IllegalArgumentException if a wanted feature is not here
   */
  public DocumentFeatures select(List<String> wanted) {
    if (wanted.equals(names)) {
      return this;
    }
    double[] v = new double[wanted.size()];
    for (int j = 0; j < v.length; j++) {
      int i = names.indexOf(wanted.get(j));
      if (i < 0) {
        throw new IllegalArgumentException("no feature '" + wanted.get(j) + "' (have " + names + ")");
      }
      v[j] = values[i];
    }
    return new DocumentFeatures(wanted, v);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of feature {@code i} without copying. */
  public double value(int i) {
    return values[i];
  }

  /** Name to value, in vector order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(names.get(i), values[i]);
    }
    return m;
  }
}
