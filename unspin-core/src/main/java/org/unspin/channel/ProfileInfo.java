package org.unspin.channel;

import java.util.Objects;

/**
 * What a {@link SpinnerProfile} is and how it was made: its metadata block.
 *
 * @param name a short name (no tabs or line breaks), e.g. {@code pps-learned}
 * @param method how it was made, e.g. {@code aligned-pairs}, {@code hand-written}
 * @param source what it was learned from (a file, a list and its version)
 * @param license the licence of the data it was learned from, or {@code unknown}
 * @param created the creation date, ISO-8601 ({@code yyyy-mm-dd}), or {@code unknown}
 * @param pairs how many aligned (spun, original) pairs were used, {@code >= 0}
 * @param tokens how many original word tokens those pairs held, {@code >= 0}
 * @param eligible how many of them the spinner could have replaced, {@code 0 <= eligible <= tokens}
 *     unless {@code tokens} is 0 (unknown)
 * @param changed how many it did replace, {@code 0 <= changed <= eligible}
 * @param replacementRate the share of eligible words replaced, in {@code [0, 1]}
 * @param smoothing how the probabilities were smoothed, in words
 */
public record ProfileInfo(String name, String method, String source, String license, String created, long pairs,
    long tokens, long eligible, long changed, double replacementRate, String smoothing) {
  public ProfileInfo {
    name = oneLine("name", name);
    method = oneLine("method", method);
    source = oneLine("source", source);
    license = oneLine("license", license);
    created = oneLine("created", created);
    smoothing = oneLine("smoothing", smoothing);
    if (!created.equals("unknown") && !created.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException("created must be yyyy-mm-dd or 'unknown' (got '" + created + "')");
    }
    nonNegative("pairs", pairs);
    nonNegative("tokens", tokens);
    nonNegative("eligible", eligible);
    nonNegative("changed", changed);
    if (tokens > 0 && eligible > tokens) {
      throw new IllegalArgumentException("eligible must be <= tokens (got eligible=" + eligible + ", tokens=" + tokens
          + ")");
    }
    if (changed > eligible) {
      throw new IllegalArgumentException("changed must be <= eligible (got changed=" + changed + ", eligible="
          + eligible + ")");
    }
    if (!(replacementRate >= 0 && replacementRate <= 1)) {
      throw new IllegalArgumentException("replacementRate must be in [0, 1] (got " + replacementRate + ")");
    }
  }

  private static String oneLine(String field, String v) {
    Objects.requireNonNull(v, field);
    if (v.isBlank() || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(field + " must be one non-blank line without tabs (got '" + v + "')");
    }
    return v.strip();
  }

  private static void nonNegative(String field, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(field + " must be >= 0 (got " + v + ")");
    }
  }
}
