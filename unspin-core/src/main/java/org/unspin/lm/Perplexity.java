package org.unspin.lm;

import org.unspin.api.InputException;
import org.unspin.text.LmText;

/**
 * Perplexity of a language model on a text.
 *
 * <p>Convention (SRILM's {@code ppl}, KenLM's "excluding OOVs"): the text is cut into sentences
 * and LM word forms by {@link LmText}; each sentence is scored as {@code <s> w1 .. wk </s>} with
 * {@code <s>} as history only and {@code </s>} scored. A word the model's vocabulary does not hold
 * is an OOV: it is counted in {@link Result#oov()} and left out of the sum and of the perplexity,
 * but it stays in the history of the words after it as {@code <unk>}. So {@code perplexity =
 * 10^(-log10Sum / (tokens - oov + sentences))}.
 */
public final class Perplexity {
  private Perplexity() {}

  /**
   * The outcome of {@link #compute}.
   *
   * @param perplexity 10 to the minus mean log10 probability per scored token
   * @param oov words not in the vocabulary (not scored)
   * @param tokens words of the text, OOVs included, sentence markers excluded
   * @param sentences sentences, each contributing one scored {@code </s>}
   * @param log10Sum total log10 probability of the scored tokens
   */
  public record Result(double perplexity, long oov, long tokens, long sentences, double log10Sum) {
    public Result {
      if (oov < 0 || tokens < oov || sentences < 0) {
        throw new IllegalArgumentException("counts must satisfy 0 <= oov <= tokens, sentences >= 0 (got oov "
            + oov + ", tokens " + tokens + ", sentences " + sentences + ")");
      }
      if (!(perplexity > 0) || Double.isNaN(log10Sum)) {
        throw new IllegalArgumentException("perplexity must be > 0 and log10Sum a number (got " + perplexity
            + ", " + log10Sum + ")");
      }
    }

    /** Number of scored tokens: words that are not OOV, plus one {@code </s>} per sentence. */
    public long scored() {
      return tokens - oov + sentences;
    }
  }

  /**
   * Scores {@code text} with {@code lm}.
   *
   * @throws InputException if the text holds no sentence to score
   */
  public static Result compute(LanguageModel lm, CharSequence text) {
    Vocabulary v = lm.vocabulary();
    int window = Math.max(1, lm.order() - 1);
    long[] counts = new long[3];
    double[] sum = new double[1];
    int[][] ctx = {new int[64]};
    LmText.forEachSentence(text, (forms, count) -> {
      if (ctx[0].length < count + 2) {
        ctx[0] = new int[Math.max(count + 2, ctx[0].length * 2)];
      }
      int[] c = ctx[0];
      c[0] = Vocabulary.BOS;
      for (int i = 0; i < count; i++) {
        c[i + 1] = v.id(forms[i]);
      }
      c[count + 1] = Vocabulary.EOS;
      for (int i = 1; i <= count + 1; i++) {
        if (c[i] == Vocabulary.UNK) {
          counts[0]++;
          continue;
        }
        int from = Math.max(0, i - window);
        sum[0] += LanguageModel.score(lm.query(c, from, i - from, c[i]));
      }
      counts[1] += count;
      counts[2]++;
    });
    long scored = counts[1] - counts[0] + counts[2];
    if (counts[2] == 0) {
      throw new InputException("the text has no words to score");
    }
    double ppl = Math.pow(10, -sum[0] / scored);
    return new Result(ppl, counts[0], counts[1], counts[2], sum[0]);
  }
}
