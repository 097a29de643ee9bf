package org.unspin.restore;

import java.util.List;
import org.unspin.text.CasePattern;

/**
 * Computes the per-edit feature vector of {@link EditReranker#FEATURES} for one change on the
 * decoder's best path. Stateless.
 */
final class EditFeatures {
  /** Stands for an unknown log10 frequency (per million words): rarer than nearly every known word. */
  static final double UNKNOWN_LOG_FREQ = -3;

  private EditFeatures() {}

  /**
   * @param sentence the sentence's tokens (the candidate's offsets refer to it)
   * @param c the candidate of the change
   * @param posterior the change's arc posterior
   * @param localGain LM gain over the candidate's window (restored minus input, log10)
   * @param arcGain LM score of the arc's words on the best path minus the input's words there
   * @param cost channel cost in force (document channel)
   * @param priorCost channel cost at the prior rate without document counts
   * @param keepPerToken log10 P(keep) of one eligible token at the rate in force
   * @param surfaceKnown whether the LM knows every surface word
   * @param rate the replacement rate in force
   * @param subCount document count of this substitution (leave-one-out)
   * @param originalCount document count of the original (leave-one-out)
   * @param originalWritten how often the candidate's original is written as it is in the input
   *     document (word for word, in LM form)
   * @param surfaceRepeats how often the edit's surface occurs elsewhere in the input document
   * @param choiceFanout how many equally likely choices the channel prices for the pair ({@link
   *     ChannelModel#choiceFanout}): the {@code log_fanout} feature is its log10
   */
  static double[] of(List<InputToken> sentence, Candidate c, double posterior, double localGain, double arcGain,
      double cost, double priorCost, double keepPerToken, boolean surfaceKnown, double rate, double subCount,
      double originalCount, int originalWritten, int surfaceRepeats, double choiceFanout) {
    CandidateFeatures f = c.features();
    double[] x = new double[EditReranker.FEATURES.size()];
    int j = 0;
    x[j++] = posterior;
    x[j++] = localGain;
    x[j++] = arcGain;
    x[j++] = cost;
    x[j++] = priorCost;
    x[j++] = localGain + cost - keepPerToken * c.length();
    x[j++] = c.source() == CandidateSource.THESAURUS ? 1 : 0;
    x[j++] = c.source() == CandidateSource.MORPHOLOGY ? 1 : 0;
    x[j++] = c.source() == CandidateSource.PROFILE ? 1 : 0;
    x[j++] = c.source() == CandidateSource.CONTEXT ? 1 : 0;
    x[j++] = c.source() == CandidateSource.NUMBER ? 1 : 0;
    x[j++] = choiceFanout > 1 ? Math.log10(choiceFanout) : 0;
    x[j++] = Math.max(0, f.senseRank());
    double ls = Float.isNaN(f.logSurfaceFreq()) ? UNKNOWN_LOG_FREQ : f.logSurfaceFreq();
    double lc = Float.isNaN(f.logCandidateFreq()) ? UNKNOWN_LOG_FREQ : f.logCandidateFreq();
    x[j++] = ls;
    x[j++] = lc;
    x[j++] = Float.isNaN(f.logSurfaceFreq()) || Float.isNaN(f.logCandidateFreq()) ? 0 : lc - ls;
    x[j++] = Float.isNaN(f.posAgree()) ? 0.5 : f.posAgree();
    x[j++] = Math.abs(c.length() - c.words().size());
    x[j++] = c.length();
    boolean name = false;
    boolean capitalized = false;
    boolean number = false;
    boolean compound = false;
    for (int i = c.from(); i < c.from() + c.length(); i++) {
      InputToken t = sentence.get(i);
      name |= t.name();
      number |= t.kind() == TokenKind.NUMBER;
      compound |= t.isCompound();
      CasePattern p = t.casePattern();
      capitalized |= !t.sentenceStart() && (p == CasePattern.TITLE || p == CasePattern.UPPER || p == CasePattern.MIXED);
    }
    x[j++] = name ? 1 : 0;
    x[j++] = capitalized ? 1 : 0;
    x[j++] = number ? 1 : 0;
    x[j++] = compound ? 1 : 0;
    x[j++] = surfaceKnown ? 0 : 1;
    x[j++] = rate;
    x[j++] = Math.log10(1 + subCount);
    x[j++] = Math.log10(1 + originalCount);
    x[j++] = Math.log10(1 + originalWritten);
    x[j++] = Math.log10(1 + surfaceRepeats);
    x[j++] = originalWritten == 0 ? Math.log10(1 + surfaceRepeats) : 0;
    return x;
  }
}
