package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.channel.Substitution;
import org.unspin.restore.EditReranker;
import org.unspin.restore.Restorer;

/** The edit reranker's trainer end to end on the toy LM and thesaurus. */
class EditRerankerTrainerTest {
  static final EditRerankerTrainer.Config CONFIG = new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 2);
  static List<String> docs;
  static EditRerankerTrainer.Result result;
  /** A restorer that changes too much, so that it proposes wrong edits as well as right ones. */
  static final Restorer EAGER = Restorer.builder(DetectFixtures.LM).candidates(DetectFixtures.THESAURUS)
      .weights(org.unspin.restore.ChannelWeights.DEFAULTS.with("thesaurusBase", 2.5).with("fanoutWeight", 0)
          .with("replacementRate", 0.6).with("senseRankCost", 0).with("freqRatioWeight", 0))
      .build();

  @BeforeAll
  static void train() {
    docs = DetectFixtures.documents(40, 4, 17);
    result = new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS, CONFIG)
        .train(docs, Map.of("source", "toy corpus (test)"), DetectorTrainer.Progress.NONE);
  }

  @Test
  void anEditIsRightWhenItPutsBackTheOriginalOfASubstitutionItCovers() {
    String spun = "the inventory market fell";
    List<Substitution> subs = List.of(new Substitution(4, 9, 4, 13, "stock", "inventory", "word"));
    assertTrue(EditRerankerTrainer.right(new Edit(4, 13, "inventory", "Stock", 0.9), spun, subs));
    assertTrue(EditRerankerTrainer.right(new Edit(4, 20, "inventory market", "stock market", 0.9), spun, subs));
    assertFalse(EditRerankerTrainer.right(new Edit(4, 13, "inventory", "supply", 0.9), spun, subs));
    assertFalse(EditRerankerTrainer.right(new Edit(14, 20, "market", "exchange", 0.9), spun, subs));
    assertFalse(EditRerankerTrainer.right(new Edit(4, 20, "inventory market", "stock exchange", 0.9), spun, subs));
  }

  @Test
  void learnsToKeepMostRightEditsOnTheDevDocuments() {
    assertTrue(result.devEdits() > 10, "dev edits " + result.devEdits());
    assertTrue(result.devRecall() > 0.5, "recall " + result.devRecall());
    assertTrue(result.devPrecision() > 0.5, "precision " + result.devPrecision());
    Map<String, String> prov = result.model().provenance();
    for (String k : List.of("source", "edits_train", "edits_dev", "simulator", "trainer", "dev_at_threshold")) {
      assertTrue(prov.containsKey(k), k + " in " + prov);
    }
    assertEquals(0.5, result.model().threshold());
  }

  @Test
  void isDeterministicWhateverTheThreadCount() throws Exception {
    EditRerankerTrainer.Result again = new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS,
        new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 1)).train(docs, Map.of("source", "toy corpus (test)"),
        DetectorTrainer.Progress.NONE);
    for (String f : EditReranker.FEATURES) {
      assertEquals(result.model().weight(f), again.model().weight(f), 0, f);
    }
  }

  @Test
  void aProtectShareSpinsWithoutClosedClassWordsAndSaysSo() throws Exception {
    EditRerankerTrainer.Result protecting = new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS,
        new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 1, 0, 1.0)).train(docs, Map.of("source", "toy corpus (test)"),
        DetectorTrainer.Progress.NONE);
    String sim = protecting.model().provenance().get("simulator");
    assertTrue(sim.contains("closed-class words left alone for a seeded share 1.0"), sim);
    assertFalse(result.model().provenance().get("simulator").contains("closed-class"));
  }

  /**
   * With an unknown share, that share of the spun documents is spun over the other dictionary and
   * restored by the other restorer: here one without candidates, which proposes nothing, so the
   * spun documents give fewer training edits; the provenance says so.
   */
  @Test
  void anUnknownShareSpinsOverTheOtherDictionaryAndRestoresWithTheOtherRestorer() {
    Restorer blind = Restorer.builder(DetectFixtures.LM).candidates(sentence -> List.of())
        .weights(EAGER.weights()).build();
    EditRerankerTrainer.Result half = new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS, blind,
        DetectFixtures.THESAURUS, new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 2, 0, 0, 0.5))
        .train(docs, Map.of("source", "toy corpus (test)"), DetectorTrainer.Progress.NONE);
    String sim = half.model().provenance().get("simulator");
    assertTrue(sim.contains("an unknown spinner") && sim.contains("share 0.5"), sim);
    assertFalse(result.model().provenance().get("simulator").contains("unknown"));
    assertTrue(trainEdits(half) < trainEdits(result), half.model().provenance() + " against "
        + result.model().provenance());
    // the same restorer and dictionary as the known ones: the same model
    EditRerankerTrainer.Result same = new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS, EAGER,
        DetectFixtures.THESAURUS, new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 2, 0, 0, 0.5))
        .train(docs, Map.of("source", "toy corpus (test)"), DetectorTrainer.Progress.NONE);
    for (String f : EditReranker.FEATURES) {
      assertEquals(result.model().weight(f), same.model().weight(f), 0, f);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EditRerankerTrainer(EAGER,
        DetectFixtures.THESAURUS, new EditRerankerTrainer.Config(5, 0.3, 1.0, 0.5, 2, 0, 0, 0.5)));
    assertTrue(e.getMessage().contains("unknownShare"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EditRerankerTrainer(EAGER, DetectFixtures.THESAURUS, blind,
        null, CONFIG));
  }

  private static int trainEdits(EditRerankerTrainer.Result r) {
    String v = r.model().provenance().get("edits_train");
    return Integer.parseInt(v.substring(0, v.indexOf(' ')));
  }

  @Test
  void aTrainedRerankerPlugsIntoTheRestorer() {
    Restorer r = Restorer.builder(DetectFixtures.LM).candidates(DetectFixtures.THESAURUS).reranker(result.model())
        .weights(EAGER.weights()).build();
    String out = r.restore("the inventory market fell").text();
    assertEquals("the stock market fell", out);
  }

  @Test
  void badSettingsAreRejectedWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EditRerankerTrainer.Config(1, 1.5, 1, 0.5, 1));
    assertTrue(e.getMessage().contains("devShare"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EditRerankerTrainer.Config(1, 0.3, 1, 0.5, 0));
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> new EditRerankerTrainer.Config(1, 0.3, 1, 0.5, 1, 1.5));
    assertTrue(c.getMessage().contains("consistentShare"), c.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> new EditRerankerTrainer.Config(1, 0.3, 1, 0.5, 1, 0, -0.1));
    assertTrue(p.getMessage().contains("protectShare"), p.getMessage());
    IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
        () -> new EditRerankerTrainer.Config(1, 0.3, 1, 0.5, 1, 0, 0, 1.5));
    assertTrue(u.getMessage().contains("unknownShare"), u.getMessage());
  }
}
