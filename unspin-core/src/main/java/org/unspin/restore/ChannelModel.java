package org.unspin.restore;

import org.unspin.channel.ClosedClassWords;
import org.unspin.text.CasePattern;

import java.util.List;

/**
 * Prices keeping or changing a span: the log10 channel probability {@code P(surface | original)}
 * of the noisy-channel model (DESIGN.md §1). Immutable and thread-safe.
 *
 * <p>A change costs more when the original has many synonyms (the spinner picks one of them),
 * when the surface is a later sense, when the candidate is rarer than the surface, when parts of
 * speech disagree and when the lengths differ; it costs much more for the immutables spinners
 * leave alone: names, numbers, hyphenated compounds, rare words and capitalized words inside a
 * sentence. Self-training replaces the prior by a document (or batch) estimate that
 * interpolates the prior with the counts of the same substitution elsewhere: a spinner repeats
 * its habits.
 */
public final class ChannelModel {
  private final ChannelWeights w;

  public ChannelModel(ChannelWeights weights) {
    this.w = weights;
  }

  public ChannelWeights weights() {
    return w;
  }

  /**
   * log10 P(keep) of a token: {@code log10(1 - rate)} when the token could have been replaced
   * (some candidate covers it), 0 otherwise.
   */
  public float keepCost(boolean eligible, double rate) {
    return eligible ? (float) Math.log10(1 - rate) : 0f;
  }

  /**
   * log10 P(surface tokens | candidate original).
   *
   * @param sentence the sentence the candidate's offsets refer to
   * @param c the candidate
   * @param surfaceKnown false when the language model does not know (one of) the surface words
   * @param rate the replacement rate in force (prior or re-estimated for the document)
   * @param subCount (self-training) weighted count of this substitution elsewhere in the document
   *     or batch; 0 on the first pass
   * @param originalCount (self-training) weighted count of the original elsewhere, restored or
   *     kept; {@code >= subCount}; 0 on the first pass (then the prior stands alone)
   */
  public float changeCost(List<InputToken> sentence, Candidate c, boolean surfaceKnown, double rate,
      double subCount, double originalCount) {
    return changeCost(Math.log10(rate), candidateCost(c), immutableCost(sentence, c, surfaceKnown), subCount,
        originalCount);
  }

  /**
   * {@link #changeCost(List, Candidate, boolean, double, double, double)} from its parts, for a
   * decoder that prices one candidate under several rates and counts: {@code logRate = log10(rate)},
   * and the candidate's {@link #candidateCost} and {@link #immutableCost}, computed once.
   */
  public float changeCost(double logRate, double candidateCost, double immutableCost, double subCount,
      double originalCount) {
    double cost = Math.min(logRate + candidateCost, 0);
    if (originalCount > 0) {
      double beta = w.docPriorWeight();
      cost = Math.log10((Math.min(subCount, originalCount) + beta * Math.pow(10, cost)) / (originalCount + beta));
    }
    cost -= immutableCost;
    // (a negative immutableCost, a listed phrase's odds and the Restorer's correction for its tokens
    // the LM does not know, may lift the cost above 0)
    return (float) (immutableCost < 0 ? cost : Math.min(cost, 0));
  }

  /**
   * The part of the prior change cost that depends on the candidate alone (its source, the
   * spinner's choice among synonyms, sense rank, frequencies, parts of speech and length), before
   * the rate, the document's counts and the immutables.
   */
  public double candidateCost(Candidate c) {
    CandidateFeatures f = c.features();
    double cost = switch (c.source()) {
      case THESAURUS -> w.thesaurusBase();
      case MORPHOLOGY -> w.morphologyBase();
      case PROFILE -> w.profileBase();
      case CONTEXT -> w.contextBase();
      case NUMBER -> w.numberBase();
      case SOURCE_ALIGNMENT -> w.alignmentBase();
      case FINGERPRINT -> w.fingerprintBase();
    };
    if (pricedByProfile(c)) {
      // The profile's probability already contains the spinner's choice among synonyms.
      cost += Math.log10(f.profileProb());
    } else {
      // The spinner's choice among the original's entries (1 choice, no cost, when the fan-out is unknown).
      cost -= w.fanoutWeight() * Math.log10(choiceFanout(f));
    }
    if (f.senseRank() > 0) {
      cost -= w.senseRankCost() * f.senseRank();
    }
    if (!Float.isNaN(f.logSurfaceFreq()) && !Float.isNaN(f.logCandidateFreq())
        && f.logCandidateFreq() < f.logSurfaceFreq()) {
      cost -= w.freqRatioWeight() * (f.logSurfaceFreq() - f.logCandidateFreq());
    }
    if (!Float.isNaN(f.posAgree())) {
      cost -= w.posMismatchCost() * (1 - f.posAgree());
    }
    cost -= w.lengthChangeCost() * Math.abs(c.length() - c.words().size());
    return cost;
  }

  /**
   * What {@link #candidateCost} changes by when its fan-out term prices the pair with order share
   * {@code order} (a document's own estimate in self-training) instead of {@link
   * ChannelWeights#orderChoiceShare()}: 0 for a spinner profile's entry, priced by its own
   * probability.
   */
  public double orderShareAdjustment(Candidate c, double order) {
    if (pricedByProfile(c)) {
      return 0;
    }
    CandidateFeatures f = c.features();
    return w.fanoutWeight() * Math.log10(choiceFanout(f) / choiceFanout(f, order));
  }

  /**
   * Whether {@code c} is a spinner profile's entry (or a tortured-phrase list's) whose probability
   * prices the spinner's choice.
   */
  private static boolean pricedByProfile(Candidate c) {
    return (c.source() == CandidateSource.PROFILE || c.source() == CandidateSource.FINGERPRINT)
        && !Float.isNaN(c.features().profileProb());
  }

  /**
   * How many equally likely choices the channel's fan-out term prices for a pair with features
   * {@code f}: the fan-out itself, or with {@link ChannelWeights#wordnetChoiceShare()} the inverse
   * of the mixture's probability (fewer for a WordNet synonym, more for any other pair), and with
   * {@link ChannelWeights#orderChoiceShare()} the inverse of the mixture with a spinner that follows
   * the order of the original's replacements (far fewer for its first ones, a few more for the
   * others); 1 when the fan-out is unknown. The edit reranker's {@code log_fanout} feature.
   */
  public double choiceFanout(CandidateFeatures f) {
    return choiceFanout(f, w.orderChoiceShare());
  }

  /**
   * {@link #choiceFanout(CandidateFeatures)} with {@code order} in place of {@link
   * ChannelWeights#orderChoiceShare()}: a document's own estimate in self-training.
   */
  public double choiceFanout(CandidateFeatures f, double order) {
    if (f.fanout() < 1) {
      return 1;
    }
    double share = w.wordnetChoiceShare();
    if (share <= 0 && order <= 0) {
      return f.fanout();
    }
    double choice = randomChoice(f, share);
    if (order > 0) {
      choice = order * orderedChoice(f) + (1 - order) * choice;
    }
    return 1 / choice;
  }

  /**
   * How likely the pair is to come from a spinner that follows the order of the list rather than
   * one that chooses among all entries, under the order share {@code order}: {@code g o / (g o +
   * (1 - g) c)}; NaN when the pair's place or fan-out is unknown (the E-step of a document's own
   * order share, {@link ChannelWeights#orderShareSmoothing()}).
   */
  public double orderResponsibility(CandidateFeatures f, double order) {
    if (f.fanout() < 1 || f.replacementPosition() < 0 || order <= 0) {
      return Double.NaN;
    }
    double o = order * orderedChoice(f);
    return o / (o + (1 - order) * randomChoice(f, w.wordnetChoiceShare()));
  }

  /** The probability of the pair for a spinner that chooses among all entries (WordNet mixture included). */
  private static double randomChoice(CandidateFeatures f, double share) {
    return share <= 0 ? 1.0 / f.fanout()
        : (1 - share) / f.fanout() + (f.wordnetFanout() >= 1 ? share / f.wordnetFanout() : 0);
  }

  /** The probability of the pair for a spinner that follows the order of the list; 0 when its place is unknown. */
  private double orderedChoice(CandidateFeatures f) {
    int j = f.replacementPosition();
    if (j < 0 || j >= f.fanout()) {
      return 0;
    }
    double r = w.orderChoiceDecay();
    return (1 - r) * Math.pow(r, j) / (1 - Math.pow(r, f.fanout()));
  }

  /**
   * The extra cost of changing what spinners leave alone at the candidate's tokens of
   * {@code sentence} (0 for an alignment with the source, and for a tortured-phrase list's phrase
   * less the list's odds, {@link ChannelWeights#fingerprintOdds} times the list's confidence: each
   * is evidence enough that a spinner wrote these tokens: "pre-handling", a compound the model
   * does not know, is the list's "preprocessing"). Negative for a listed phrase.
   */
  public double immutableCost(List<InputToken> sentence, Candidate c, boolean surfaceKnown) {
    if (c.source() == CandidateSource.FINGERPRINT) {
      float p = c.features().profileProb();
      return -w.fingerprintOdds() * (Float.isNaN(p) ? 1 : p);
    }
    return c.source() == CandidateSource.SOURCE_ALIGNMENT ? 0 : immutability(sentence, c, surfaceKnown);
  }

  /** The extra cost of changing the immutables spinners leave alone (the worst covered token counts). */
  private double immutability(List<InputToken> sentence, Candidate c, boolean surfaceKnown) {
    double worst = 0;
    for (int i = c.from(); i < c.from() + c.length(); i++) {
      InputToken t = sentence.get(i);
      double p = 0;
      if (t.name()) {
        p = Math.max(p, w.nameCost());
      }
      if (t.kind() == TokenKind.NUMBER && c.source() != CandidateSource.NUMBER) {
        p = Math.max(p, w.numberCost());
      }
      if (!t.sentenceStart() && (t.casePattern() == CasePattern.TITLE || t.casePattern() == CasePattern.UPPER
          || t.casePattern() == CasePattern.MIXED)) {
        p = Math.max(p, w.capitalizedCost());
      }
      if (t.isCompound()) {
        p = Math.max(p, w.compoundCost());
      }
      worst = Math.max(worst, p);
    }
    if (w.closedOriginalCost() > 0 && c.length() == 1 && c.words().size() == 1) {
      String surface = sentence.get(c.from()).surface();
      if (ClosedClassWords.contains(c.words().get(0)) && !ClosedClassWords.contains(surface)
          && surface.chars().allMatch(Character::isLetter)) {
        worst += w.closedOriginalCost();
      }
    }
    CandidateFeatures f = c.features();
    if (!surfaceKnown || (!Float.isNaN(f.logSurfaceFreq()) && f.logSurfaceFreq() < w.rareLogFreq())) {
      worst += w.rareCost();
    }
    return worst;
  }
}
