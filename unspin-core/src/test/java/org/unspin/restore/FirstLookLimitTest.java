package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/**
 * {@link ChannelWeights#firstLookPerPosition()}: of the one-word candidates at a position that pass
 * the first look, only the best few have their window scored.
 */
class FirstLookLimitTest {
  static CountingLm lm;
  static ToyThesaurus fan;

  @BeforeAll
  static void setUp() {
    lm = CountingLm.fromText(3, RestorerTest.resource("toy-corpus.txt"));
    fan = ToyThesaurus.load("/org/unspin/restore/toy-thesaurus-fan.tsv");
  }

  /** Records the words that were asked for "market" right after them: the candidates window-scored. */
  static final class Recording extends ForwardingLm {
    final Set<String> scoredBeforeMarket = new TreeSet<>();
    private final int market = lm.vocabulary().id("market");

    Recording() {
      super(FirstLookLimitTest.lm);
    }

    @Override
    public long query(int[] context, int from, int length, int word) {
      // "the market" is the first look of the candidate "market" itself, not a window.
      if (word == market && length > 0 && !lm.vocabulary().word(context[from + length - 1]).equals("the")) {
        scoredBeforeMarket.add(lm.vocabulary().word(context[from + length - 1]));
      }
      return super.query(context, from, length, word);
    }
  }

  private static Set<String> windowScored(int limit, String text, String expected) {
    Recording rec = new Recording();
    Restorer r = Restorer.builder(rec).candidates(fan)
        .weights(ChannelWeights.DEFAULTS.with("firstLookPerPosition", limit)).build();
    assertEquals(expected, r.restore(text).text());
    return rec.scoredBeforeMarket;
  }

  @Test
  void onlyTheBestFirstLooksAreWindowScored() {
    String text = "The inventory market fell sharply on Monday.";
    String restored = "The stock market fell sharply on Monday.";
    Set<String> all = windowScored(0, text, restored);
    // The input's own word is scored too (the identity window); at least two candidates pass the look.
    all.remove("inventory");
    assertTrue(all.size() >= 2 && all.contains("stock"), all::toString);
    Set<String> one = windowScored(1, text, restored);
    one.remove("inventory");
    assertEquals(Set.of("stock"), one);
    Set<String> two = windowScored(2, text, restored);
    two.remove("inventory");
    assertEquals(Math.min(2, all.size()), two.size(), two::toString);
    assertTrue(all.containsAll(two), two::toString);
  }
}
