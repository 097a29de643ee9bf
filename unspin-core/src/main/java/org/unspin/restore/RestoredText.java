package org.unspin.restore;

import java.util.List;
import java.util.Objects;
import org.unspin.api.Edit;

/**
 * The result of restoring one text.
 *
 * @param input the text as given
 * @param text the restored text: the input with the edits applied, everything else (spacing, line
 *     breaks, punctuation) unchanged
 * @param tokens the tokens the restorer worked on
 * @param edits the changes, left to right, with offsets into {@code input}
 * @param inputLogProb log10 LM probability of the input as written (sentence by sentence)
 * @param restoredLogProb log10 LM probability of the restored text (sentence by sentence): the
 *     decoder's best path without the changes the edit reranker left out
 * @param decoderLogProb log10 LM probability of the decoder's best path, changes the edit reranker
 *     left out included: how much more probable a nearby text is than the input, which the
 *     detector's {@code lm_gain_per_token} measures even where no single edit was confident enough
 *     (NaN where no decoder ran)
 * @param judgedFrom null, or the restoration of the same input that a {@link SpunJudge} read after
 *     self-training, when its call made the one returned differ from it ({@link
 *     ChannelWeights#judgedSpunGate()}: decoded again at a raised rate; {@link
 *     ChannelWeights#judgedCleanGate()}: fewer edits kept): what the detector scores ({@link
 *     #forScoring()}), so that the judge's call does not feed its own evidence
 */
public record RestoredText(String input, String text, List<InputToken> tokens, List<Edit> edits,
    float[] tokenGain, double inputLogProb, double restoredLogProb, double decoderLogProb, RestoredText judgedFrom) {
  /** A restoration without a separate one to score. */
  public RestoredText(String input, String text, List<InputToken> tokens, List<Edit> edits, float[] tokenGain,
      double inputLogProb, double restoredLogProb, double decoderLogProb) {
    this(input, text, tokens, edits, tokenGain, inputLogProb, restoredLogProb, decoderLogProb, null);
  }

  public RestoredText {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(text, "text");
    if (judgedFrom != null && (!judgedFrom.input.equals(input) || judgedFrom.judgedFrom != null)) {
      throw new IllegalArgumentException("judgedFrom must restore the same input and have no judgedFrom of its own");
    }
    tokens = List.copyOf(tokens);
    edits = List.copyOf(edits);
    if (tokenGain.length != tokens.size()) {
      throw new IllegalArgumentException("tokenGain has " + tokenGain.length + " entries for " + tokens.size()
          + " tokens");
    }
    tokenGain = tokenGain.clone();
  }

  /**
   * Per-token LM gain (log10): what the decoder's best path's words score at token {@code i} minus
   * what the input's word scores there, for the detector. A phrase's score is shared evenly by the
   * tokens it covers; words after a change gain through their better history.
   */
  @Override
  public float[] tokenGain() {
    return tokenGain.clone();
  }

  /** {@link #tokenGain()} of one token, without copying. */
  public float tokenGain(int i) {
    return tokenGain[i];
  }

  /** The restoration the detector scores: {@link #judgedFrom()} when there is one, else this one. */
  public RestoredText forScoring() {
    return judgedFrom != null ? judgedFrom : this;
  }

  /** This restoration with {@code other} as its {@link #judgedFrom()}. */
  public RestoredText withJudgedFrom(RestoredText other) {
    return new RestoredText(input, text, tokens, edits, tokenGain, inputLogProb, restoredLogProb, decoderLogProb,
        other);
  }

  /** True when nothing was changed. */
  public boolean unchanged() {
    return edits.isEmpty();
  }
}
