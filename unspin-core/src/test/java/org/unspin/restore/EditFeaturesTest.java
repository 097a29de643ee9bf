package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditFeaturesTest {
  private static double feature(double[] x, String name) {
    return x[EditReranker.FEATURES.indexOf(name)];
  }

  private static double[] features(CandidateFeatures f, double choiceFanout) {
    List<InputToken> s = AnalyzedTokens.of("the inventory market fell");
    Candidate c = Candidate.of(1, 1, "stock", CandidateSource.THESAURUS, f);
    return EditFeatures.of(s, c, 0.9, 4.0, 1.0, -2.5, -2.5, -0.15, true, 0.3, 0, 0, 0, 0, choiceFanout);
  }

  @Test
  void theFanoutFeatureIsTheChannelsNumberOfChoices() {
    CandidateFeatures f = new CandidateFeatures(1, 659, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 44);
    ChannelModel plain = new ChannelModel(ChannelWeights.DEFAULTS);
    ChannelModel mixed = new ChannelModel(ChannelWeights.DEFAULTS.with("wordnetChoiceShare", 0.3));
    assertEquals(Math.log10(659), feature(features(f, plain.choiceFanout(f)), "log_fanout"), 1e-9);
    double choices = 1 / (0.7 / 659 + 0.3 / 44);
    assertEquals(choices, mixed.choiceFanout(f), 1e-9);
    assertEquals(Math.log10(choices), feature(features(f, mixed.choiceFanout(f)), "log_fanout"), 1e-9);
    // An unknown fan-out is one choice: the feature is 0.
    assertEquals(1, mixed.choiceFanout(CandidateFeatures.NONE), 0);
    assertEquals(0, feature(features(CandidateFeatures.NONE, 1), "log_fanout"), 0);
  }
}
