package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CandidateGenerator} that answers span by span: the candidates of a span depend only on
 * the {@linkplain InputToken#lmForm() LM forms} and {@linkplain InputToken#kind() kinds} of the
 * span's own tokens, never on the rest of the sentence. The {@link Restorer} may therefore cache
 * them by span (running text repeats its words and short phrases), which is where most of the
 * candidate generation time goes otherwise.
 *
 * <p>{@link #candidates(List)} lists the spans' candidates span by span, spans in the order
 * {@code (from, length)} ascending; implementations that override it must keep that order.
 */
public interface SpanCandidateGenerator extends CandidateGenerator {

  /**
   * Adds to {@code out} the candidates of the span {@code [from, from + length)} of
   * {@code sentence}, each with exactly that {@link Candidate#from()} and {@link Candidate#length()},
   * in the order {@link #candidates(List)} lists them.
   *
   * @param length 1 to {@link #maxLength()}, with {@code from + length <= sentence.size()}
   */
  void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out);

  /**
   * Whether {@link #spanCandidates} may add anything for this span: false only when it adds
   * nothing. A quick test that lets the {@link Restorer} skip its span cache and the generator for
   * the many multiword spans that have no candidate (nine in ten). The default is always true.
   */
  default boolean mayHaveCandidates(List<InputToken> sentence, int from, int length) {
    return true;
  }

  /**
   * The longest span, in tokens, this generator may answer for, at most {@link Candidate#MAX_SPAN}:
   * longer spans are never asked. The default is {@link Candidate#MAX_PHRASE}.
   */
  default int maxLength() {
    return Candidate.MAX_PHRASE;
  }

  @Override
  default List<Candidate> candidates(List<InputToken> sentence) {
    List<Candidate> out = new ArrayList<>();
    int n = sentence.size();
    int max = maxLength();
    for (int i = 0; i < n; i++) {
      for (int len = 1; len <= max && i + len <= n; len++) {
        spanCandidates(sentence, i, len, out);
      }
    }
    return out;
  }
}
