package org.unspin.restore;

import org.unspin.text.CasePattern;

import java.util.List;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * Proposes {@link CandidateSource#CONTEXT} candidates where a surface word is improbable in its
 * context: the words of its {@link Neighbourhood} that the language model scores well between the
 * neighbours. This catches substitutions no thesaurus lists.
 *
 * <p>Cheap by construction: a position is examined only when the n-grams through the surface are
 * not attested at the model's top order (up to trigrams), only {@link TokenKind#WORD} tokens in
 * lower case (or capitalized at a sentence start) qualify, never names or compounds, and only the
 * neighbourhood's words are scored, each over a window of the word and up to two following words.
 * A proposal must beat the surface by {@link ChannelWeights#contextMinGain()}.
 *
 * <p>Immutable and thread-safe (buffers are per call).
 */
public final class ContextProposer {
  private final LanguageModel lm;
  private final Neighbourhood neighbourhood;
  private final double minGain;
  private final int maxProposals;
  private final int hist;

  public ContextProposer(LanguageModel lm, Neighbourhood neighbourhood, ChannelWeights weights) {
    this.lm = lm;
    this.neighbourhood = neighbourhood;
    this.minGain = weights.contextMinGain();
    this.maxProposals = weights.contextMaxProposals();
    this.hist = Math.max(0, lm.order() - 1);
  }

  /**
   * Adds proposals for {@code sentence} to {@code out}.
   *
   * @param ids the LM ids of the sentence's tokens, {@code ids[i]} for token {@code i}
   */
  public void propose(List<InputToken> sentence, int[] ids, List<Candidate> out) {
    if (maxProposals == 0) {
      return;
    }
    int n = sentence.size();
    int[] buf = new int[hist + 4];
    int[] one = new int[1];
    WindowScorer scorer = new WindowScorer(lm);
    int[] bestIds = new int[maxProposals];
    double[] bestGain = new double[maxProposals];
    int checkOrder = Math.min(3, lm.order());
    for (int i = 0; i < n; i++) {
      InputToken t = sentence.get(i);
      if (t.kind() != TokenKind.WORD || t.name() || t.isCompound() || ids[i] == Vocabulary.UNK) {
        continue;
      }
      if (!(t.casePattern() == CasePattern.LOWER || (t.casePattern() == CasePattern.TITLE && t.sentenceStart()))) {
        continue;
      }
      if (attested(ids, n, i, checkOrder, buf)) {
        continue;
      }
      List<String> nb = neighbourhood.neighbours(t.lmForm());
      if (nb.isEmpty()) {
        continue;
      }
      double base = scorer.identity(ids, n, i, 1);
      int found = 0;
      for (String word : nb) {
        int id = lm.vocabulary().id(word);
        if (id == Vocabulary.UNK || id == ids[i]) {
          continue;
        }
        one[0] = id;
        double gain = scorer.score(ids, n, i, 1, one, 1) - base;
        if (gain < minGain) {
          continue;
        }
        int k;
        if (found < maxProposals) {
          k = found++;
        } else if (gain > bestGain[maxProposals - 1]) {
          k = maxProposals - 1;
        } else {
          continue;
        }
        while (k > 0 && bestGain[k - 1] < gain) {
          bestGain[k] = bestGain[k - 1];
          bestIds[k] = bestIds[k - 1];
          k--;
        }
        bestGain[k] = gain;
        bestIds[k] = id;
      }
      for (int k = 0; k < found; k++) {
        String word = lm.vocabulary().word(bestIds[k]);
        out.add(new Candidate(i, 1, List.of(word), word, CandidateSource.CONTEXT, CandidateFeatures.NONE));
      }
    }
  }

  /** True when the n-grams ending at token {@code i} and at token {@code i + 1} are both attested. */
  private boolean attested(int[] ids, int n, int i, int checkOrder, int[] buf) {
    int len = fillHistory(ids, i, buf);
    int use = Math.min(len, hist);
    long q = lm.query(buf, len - use, use, ids[i]);
    if (LanguageModel.matchedOrder(q) < Math.min(checkOrder, len + 1)) {
      return false;
    }
    buf[len++] = ids[i];
    int nextWord = i + 1 < n ? ids[i + 1] : Vocabulary.EOS;
    use = Math.min(len, hist);
    q = lm.query(buf, len - use, use, nextWord);
    return LanguageModel.matchedOrder(q) >= Math.min(checkOrder, len + 1);
  }

  /** Writes the (at most {@code hist}) history words before token {@code i} into buf; returns the count. */
  private int fillHistory(int[] ids, int i, int[] buf) {
    if (hist == 0) {
      return 0;
    }
    if (i >= hist) {
      System.arraycopy(ids, i - hist, buf, 0, hist);
      return hist;
    }
    buf[0] = Vocabulary.BOS;
    System.arraycopy(ids, 0, buf, 1, i);
    return i + 1;
  }
}
