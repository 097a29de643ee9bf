package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.api.InputException;
import org.unspin.api.ModelException;

class SpinSimulatorTest {

  static TsvSynonymDictionary toyDictionary() throws IOException {
    String tsv = """
        # toy dictionary
        bank\tfinancial institution|depository
        stock market\tequity market
        stock\tinventory|supply
        market\tmarketplace
        big\thuge|large
        data\tinformation
        take\tgrab|undertake
        give\tprovide
        city\tmetropolis
        brown\tdark-coloured
        study\tconsider
        rise\tascend
        """;
    return TsvSynonymDictionary.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), "toy.tsv");
  }

  @Test
  void replacesLongestPhraseFirstAndCopiesCase() throws IOException {
    SpinSimulator sim = new SpinSimulator(toyDictionary(), SimulatorConfig.of(1.0, SimulatorConfig.Choice.FIRST));
    SpunText t = sim.spin("d", "Stock market shares and the BANK had big data.", 1);
    assertEquals("Equity market shares and the FINANCIAL INSTITUTION had huge information.", t.spun());
    assertEquals(4, t.substitutions().size());
    Substitution first = t.substitutions().get(0);
    assertEquals("Stock market", first.original());
    assertEquals("phrase", first.kind());
    assertEquals(0, first.originalStart());
    assertEquals(12, first.originalEnd());
    assertEquals(t.spun().substring(first.spunStart(), first.spunEnd()), first.spun());
  }

  @Test
  void reinflectsAndMakesParticipleErrors() throws IOException {
    SimulatorConfig always = new SimulatorConfig(1.0, SimulatorConfig.Choice.FIRST, 1.0, true, 3);
    SpinSimulator sim = new SpinSimulator(toyDictionary(), always);
    SpunText t = sim.spin("d", "Prices have given ground; cities studied stocks and rising markets.", 1);
    assertEquals("Prices have provided ground; metropolises considered inventories and ascending marketplaces.",
        t.spun());
    SpunText err = sim.spin("d", "They have taken it.", 1);
    assertEquals("They have grabbed it.", err.spun()); // grab is regular: no visible error
    SpinSimulator undertake = new SpinSimulator(new TsvSynonymDictionary(Map.of("take", List.of("undertake"))), always);
    SpunText u = undertake.spin("d", "They have taken it.", 1);
    assertEquals("They have undertook it.", u.spun());
    assertEquals("morphology", u.substitutions().get(0).kind());
    SimulatorConfig never = new SimulatorConfig(1.0, SimulatorConfig.Choice.FIRST, 0.0, true, 3);
    SpinSimulator correct = new SpinSimulator(new TsvSynonymDictionary(Map.of("take", List.of("undertake"))), never);
    assertEquals("They have undertaken it.", correct.spin("d", "They have taken it.", 1).spun());
  }

  @Test
  void inflectedWordsTakeOnlySynonymsOfTheInflectionsPartOfSpeech() {
    org.unspin.lexicon.LexiconBuilder b = new org.unspin.lexicon.LexiconBuilder();
    b.info("toy");
    b.pos("be", org.unspin.lexicon.Pos.VERB | org.unspin.lexicon.Pos.NOUN);
    b.pos("beryllium", org.unspin.lexicon.Pos.NOUN);
    b.pos("exist", org.unspin.lexicon.Pos.VERB);
    b.pos("estimate", org.unspin.lexicon.Pos.VERB | org.unspin.lexicon.Pos.NOUN);
    b.pos("estimation", org.unspin.lexicon.Pos.NOUN);
    b.pos("reckon", org.unspin.lexicon.Pos.VERB);
    // the noun senses come first: a POS-blind spinner would write "berylliumed" and "estimationed"
    b.edge("be", "beryllium", org.unspin.lexicon.Resource.WORDNET, org.unspin.lexicon.Relation.SYNONYM,
        org.unspin.lexicon.Pos.NOUN, 1, 0);
    b.edge("be", "exist", org.unspin.lexicon.Resource.WORDNET, org.unspin.lexicon.Relation.SYNONYM,
        org.unspin.lexicon.Pos.VERB, 2, 0);
    b.edge("estimate", "estimation", org.unspin.lexicon.Resource.MOBY, org.unspin.lexicon.Relation.THESAURUS, 0, 1,
        0);
    b.edge("estimate", "reckon", org.unspin.lexicon.Resource.MOBY, org.unspin.lexicon.Relation.THESAURUS, 0, 2, 0);
    org.unspin.lexicon.Lexicon lex = b.build();
    SpinSimulator sim = new SpinSimulator(lex.dictionary(), new SimulatorConfig(1.0, SimulatorConfig.Choice.FIRST,
        0, true, 3));
    SpunText t = sim.spin("d", "They were there and estimated it.", 1);
    assertEquals("They existed there and reckoned it.", t.spun());
    assertEquals(List.of("inflected", "inflected"), t.substitutions().stream().map(Substitution::kind).toList());
    assertEquals(List.of("beryllium", "exist"), lex.dictionary().synonyms("be"));
    assertEquals(List.of("exist"), lex.dictionary().synonyms("be", org.unspin.lexicon.Pos.VERB));
  }

  @Test
  void namesAreMangledOnlyWhenAsked() throws IOException {
    String text = "He met Mr Brown in the city.";
    SpinSimulator keep = new SpinSimulator(toyDictionary(), new SimulatorConfig(1.0, SimulatorConfig.Choice.FIRST,
        0, false, 3));
    assertEquals("He met Mr Brown in the metropolis.", keep.spin("d", text, 1).spun());
    SpinSimulator mangle = new SpinSimulator(toyDictionary(), SimulatorConfig.of(1.0, SimulatorConfig.Choice.FIRST));
    SpunText t = mangle.spin("d", text, 1);
    assertEquals("He met Mr Dark-coloured in the metropolis.", t.spun());
    assertEquals("name", t.substitutions().get(0).kind());
    // the same spinner told to leave names alone (eval run --settings sparing)
    SpinSimulator spare = new SpinSimulator(toyDictionary(), SimulatorConfig.of(1.0, SimulatorConfig.Choice.FIRST)
        .withMangleNames(false));
    assertEquals("He met Mr Brown in the metropolis.", spare.spin("d", text, 1).spun());
  }

  @Test
  void rateZeroChangesNothingButCountsEligibleSites() throws IOException {
    SpinSimulator sim = new SpinSimulator(toyDictionary(), SimulatorConfig.of(0.0, SimulatorConfig.Choice.FIRST));
    SpunText t = sim.spin("d", "The bank and the stock market.", 5);
    assertEquals(t.original(), t.spun());
    assertEquals(0, t.substitutions().size());
    assertEquals(2, t.eligible());
  }

  @Test
  void aConsistentSpinnerTreatsEveryOccurrenceOfAnEntryAlike() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    SimulatorConfig consistent = SimulatorConfig.of(0.5, SimulatorConfig.Choice.RANDOM).withConsistent(true);
    SpinSimulator sim = new SpinSimulator(toyDictionary(), consistent);
    String[] words = {"bank", "stock", "big", "data", "city", "give"};
    int mixedAnew = 0;
    for (int doc = 0; doc < 200; doc++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        text.append(words[r.nextInt(words.length)]).append(i % 7 == 6 ? ". " : " and ");
      }
      SpunText t = sim.spin("d" + doc, text.toString(), r.nextLong());
      // Each original word: replaced at every occurrence by one synonym, or never.
      Map<String, String> seen = new java.util.HashMap<>();
      Map<String, Integer> replaced = new java.util.HashMap<>();
      for (Substitution sub : t.substitutions()) {
        String prev = seen.putIfAbsent(sub.original(), sub.spun());
        assertTrue(prev == null || prev.equals(sub.spun()), "seed=" + seed + ": " + sub.original() + " became "
            + prev + " and " + sub.spun() + " in " + t.spun());
        replaced.merge(sub.original(), 1, Integer::sum);
      }
      for (Map.Entry<String, Integer> e : replaced.entrySet()) {
        int occurrences = text.toString().split("\\b" + e.getKey() + "\\b", -1).length - 1;
        assertEquals(occurrences, (int) e.getValue(), "seed=" + seed + ": " + e.getKey() + " in " + text);
      }
      // The same text from a spinner that decides anew mixes kept and replaced occurrences.
      SpunText anew = new SpinSimulator(toyDictionary(), consistent.withConsistent(false)).spin("d" + doc,
          text.toString(), r.nextLong());
      Map<String, Integer> anewCount = new java.util.HashMap<>();
      anew.substitutions().forEach(sub -> anewCount.merge(sub.original(), 1, Integer::sum));
      for (Map.Entry<String, Integer> e : anewCount.entrySet()) {
        int occurrences = text.toString().split("\\b" + e.getKey() + "\\b", -1).length - 1;
        mixedAnew += e.getValue() < occurrences ? 1 : 0;
      }
    }
    assertTrue(mixedAnew > 0, "seed=" + seed + ": the test texts never repeat an entry");
  }

  @Test
  void aProtectingSpinnerLeavesClosedClassWordsAndPhrasesAlone() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    String tsv = """
        in\twithin|inside
        of\tregarding
        was\tturned into
        in order to\tso as to
        and\tplus
        bank\tdepository
        order\tcommand
        """;
    TsvSynonymDictionary dict = TsvSynonymDictionary.read(
        new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), "closed.tsv");
    assertTrue(ClosedClassWords.contains("In") && ClosedClassWords.contains("was") && !ClosedClassWords.contains("bank"));
    SimulatorConfig all = SimulatorConfig.of(1.0, SimulatorConfig.Choice.FIRST);
    SpinSimulator plain = new SpinSimulator(dict, all);
    SpinSimulator protecting = new SpinSimulator(dict, all.withProtectClosedClasses(true));
    String[] words = {"in", "of", "was", "and", "bank", "order", "In", "to"};
    int plainClosed = 0;
    for (int doc = 0; doc < 100; doc++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        text.append(words[r.nextInt(words.length)]).append(' ');
      }
      SpunText p = protecting.spin("d" + doc, text.toString(), r.nextLong());
      for (Substitution sub : p.substitutions()) {
        boolean closedOnly = true;
        for (String w : sub.original().split(" ")) {
          closedOnly &= ClosedClassWords.contains(w);
        }
        assertTrue(!closedOnly, "seed=" + seed + ": the protecting spinner replaced '" + sub.original() + "' in "
            + text);
      }
      // The content words are still spun at rate 1, and the plain spinner spins the closed-class ones.
      int content = text.toString().split("\\b(bank|order)\\b", -1).length - 1;
      int protectedContent = 0;
      for (Substitution sub : p.substitutions()) {
        protectedContent += sub.original().equals("bank") || sub.original().equals("order") ? 1 : 0;
      }
      assertTrue(protectedContent <= content, "seed=" + seed);
      for (Substitution sub : plain.spin("d" + doc, text.toString(), r.nextLong()).substitutions()) {
        plainClosed += ClosedClassWords.contains(sub.original().split(" ")[0]) ? 1 : 0;
      }
    }
    assertTrue(plainClosed > 0, "seed=" + seed + ": the plain spinner never spun a closed-class word");
    // "in order to" is all closed-class but for "order": a phrase with a content word is eligible.
    SpunText phrase = protecting.spin("p", "in order to", 1);
    assertEquals("so as to", phrase.spun());
  }

  private static String randomText(Random r) {
    String[] words = {"the", "bank", "Bank", "stock", "market", "Stock", "big", "data", "took", "taken", "given",
        "cities", "BIG", "studies", "rising", "x", "2", "Brown", "é"};
    String[] seps = {" ", "  ", ", ", ". ", "\n", "-", " (", ") ", "'"};
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      sb.append(words[r.nextInt(words.length)]).append(seps[r.nextInt(seps.length)]);
    }
    return sb.toString();
  }

  @Test
  void randomTextsAreDeterministicAndGroundTruthRebuildsTheSpunText() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    TsvSynonymDictionary dict = toyDictionary();
    for (int round = 0; round < 300; round++) {
      SimulatorConfig cfg = SimulatorConfig.random(r.nextLong());
      SpinSimulator sim = new SpinSimulator(dict, cfg);
      String text = randomText(r);
      long s = r.nextLong();
      SpunText a = sim.spin("d" + round, text, s);
      SpunText b = sim.spin("d" + round, text, s);
      String msg = "seed=" + seed + " round=" + round + " cfg=" + cfg + " text='" + text + "'";
      assertEquals(a, b, msg);
      assertEquals(a.spun(), a.applySubstitutions(), msg);
      int prevEnd = 0;
      for (Substitution sub : a.substitutions()) {
        assertEquals(text.substring(sub.originalStart(), sub.originalEnd()), sub.original(), msg);
        assertEquals(a.spun().substring(sub.spunStart(), sub.spunEnd()), sub.spun(), msg);
        assertTrue(sub.originalStart() >= prevEnd, msg);
        assertNotEquals(sub.original(), sub.spun(), msg);
        prevEnd = sub.originalEnd();
      }
      SpunText back = PairJsonl.parseSpunText(PairJsonl.toJson(a), "mem:1");
      assertEquals(a, back, msg);
    }
  }

  @Test
  void rateIsRoughlyKeptOnALongText() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append("the bank ");
    }
    SpinSimulator sim = new SpinSimulator(toyDictionary(), SimulatorConfig.of(0.3, SimulatorConfig.Choice.RANDOM));
    SpunText t = sim.spin("d", sb.toString(), 7);
    assertEquals(2000, t.eligible());
    double rate = t.substitutions().size() / 2000.0;
    assertTrue(rate > 0.25 && rate < 0.35, "rate " + rate);
    assertTrue(t.spun().contains("depository") && t.spun().contains("financial institution"));
  }

  @Test
  void dictionaryFileErrorsNameTheLine() {
    ModelException e = assertThrows(ModelException.class, () -> TsvSynonymDictionary.read(
        new ByteArrayInputStream("a\tb\nno tab here\n".getBytes(StandardCharsets.UTF_8)), "d.tsv"));
    assertTrue(e.getMessage().startsWith("d.tsv:2: expected original<TAB>syn1|syn2"), e.getMessage());
    e = assertThrows(ModelException.class, () -> TsvSynonymDictionary.read(
        new ByteArrayInputStream("a\tb||c\n".getBytes(StandardCharsets.UTF_8)), "d.tsv"));
    assertTrue(e.getMessage().startsWith("d.tsv:1: synonym must not be empty"), e.getMessage());
  }

  @Test
  void inconsistentJsonlRecordsAreRejected() {
    String line = "{\"spun\":\"a x c\",\"original\":\"a b c\",\"substitutions\":[{\"original_start\":2,"
        + "\"original_end\":3,\"spun_start\":2,\"spun_end\":3,\"original\":\"b\",\"spun\":\"y\",\"kind\":\"word\"}]}";
    InputException e = assertThrows(InputException.class, () -> PairJsonl.parseSpunText(line, "f:3"));
    assertTrue(e.getMessage().startsWith("f:3: substitutions applied"), e.getMessage());
    assertThrows(InputException.class, () -> PairJsonl.parsePair("{\"spun\":\"a\"}", "f:1", "x"));
    assertEquals(new TextPair("line1", "a", "b", 0.5),
        PairJsonl.parsePair("{\"spun\":\"a\",\"original\":\"b\",\"weight\":0.5}", "f:1", "line1"));
  }

  @Test
  void learnerRecoversTheSimulatedFirstSynonymChannel() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    TsvSynonymDictionary dict = toyDictionary();
    SpinSimulator sim = new SpinSimulator(dict, new SimulatorConfig(0.5, SimulatorConfig.Choice.FIRST, 0, true, 3));
    SpinnerProfile truth = sim.trueProfile("truth");
    ProfileLearner learner = new ProfileLearner();
    for (int i = 0; i < 200; i++) {
      SpunText t = sim.spin("d" + i, randomText(r), r.nextLong());
      learner.add(new TextPair(t.id(), t.spun(), t.original()));
    }
    SpinnerProfile learned = learner.build("learned", "sim", "none", "unknown");
    // every original the learner saw is most often learned with its true (first) synonym; phrase
    // substitutions that share a word with the original ("stock market" -> "equity market") also teach
    // the one-word habit equity <- stock, so other surfaces may follow with small counts
    int checked = 0;
    for (String o : dict.headwords()) {
      List<SpinnerProfile.Entry> es = learned.byOriginal(o);
      if (!es.isEmpty() && o.indexOf(' ') < 0) {
        checked++;
        SpinnerProfile.Entry top = es.get(0);
        assertEquals(truth.byOriginal(o).get(0).surface(), top.surface(), "seed=" + seed + " " + es);
        assertEquals(1.0, truth.entry(top.surface(), o).pSurfaceGivenOriginal(), 1e-12);
      }
    }
    assertTrue(checked >= 3, "seed=" + seed + " learned " + learned.entries());
    assertEquals("financial institution", truth.byOriginal("bank").get(0).surface());
    assertEquals(1, truth.byOriginal("bank").size());
  }
}
