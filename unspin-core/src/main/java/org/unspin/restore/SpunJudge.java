package org.unspin.restore;

/**
 * Says how likely a document is spun, given a restoration of it: the restorer asks after
 * self-training, and decodes a document it calls spun once more at a rate nearer the prior (see
 * {@link ChannelWeights#judgedSpunGate()}). The facade's judge is the detector. Implementations
 * must be thread-safe and must not call the restorer back.
 */
@FunctionalInterface
public interface SpunJudge {
  /**
   * The probability in [0, 1] that {@code text} is spun, given {@code restoration}, the
   * restorer's result at the document's own spin rate.
   */
  double spunProbability(String text, RestoredText restoration);
}
