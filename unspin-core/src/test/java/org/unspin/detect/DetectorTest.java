package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.api.Finding;
import org.unspin.api.ModelException;
import org.unspin.api.Verdict;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.restore.RestoredText;
import org.unspin.util.Json;

class DetectorTest {

  /** A hand-made model over the standard features: the more confident restoration, the more spun. */
  static DetectorModel handModel(double spun, double clean) {
    List<DetectorModel.Feature> fs = new ArrayList<>();
    for (String n : DetectFixtures.ANALYZER.featureNames()) {
      fs.add(new DetectorModel.Feature(n, 0, 1, n.equals(DocumentFeatures.CHANGED_SHARE) ? 40 : 0));
    }
    return new DetectorModel(fs, -2, PlattCalibration.IDENTITY, spun, clean, Map.of("source", "hand-made"));
  }

  static Detector detector(double spun, double clean) {
    SignalAnalyzer a = new SignalAnalyzer(DetectFixtures.LM, DetectFixtures.RULES,
        DetectorConfig.DEFAULTS.withThresholds(spun, clean));
    return new Detector(a, handModel(spun, clean));
  }

  static CheckReport check(Detector d, String text) {
    return d.check(text, DetectFixtures.RESTORER.restore(text));
  }

  @Test
  void jsonFollowsTheContractWithUtf16Offsets() {
    String text = "\uD83D\uDE00 The inventory market fell; we saw a elephant and counterfeit consciousness.";
    CheckReport r = check(detector(0.8, 0.2), text);
    Map<String, Object> json = Json.parseObject(r.toJson());
    assertEquals(List.of("spun_probability", "verdict", "findings", "signals", "features", "restored", "edits",
        "contributions"), new ArrayList<>(json.keySet()));
    double p = ((Number) json.get("spun_probability")).doubleValue();
    assertEquals(r.spunProbability(), p, 1e-12);
    assertTrue(List.of("spun", "clean", "uncertain").contains(json.get("verdict")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
    assertTrue(findings.size() >= 3, findings::toString);
    List<String> rules = new ArrayList<>();
    for (Map<String, Object> f : findings) {
      assertEquals(List.of("start", "end", "text", "suggestion", "confidence", "rule"), new ArrayList<>(f.keySet()));
      int s = ((Number) f.get("start")).intValue();
      int e = ((Number) f.get("end")).intValue();
      assertEquals(text.substring(s, e), f.get("text"), "UTF-16 offsets into the input");
      rules.add((String) f.get("rule"));
    }
    assertTrue(rules.containsAll(List.of("RESTORATION_EDIT", "ARTICLE_AGREEMENT", "KNOWN_TORTURED_PHRASE")),
        rules::toString);
    Map<?, ?> signals = (Map<?, ?>) json.get("signals");
    assertEquals(DetectFixtures.RULES.size(), signals.size());
    assertTrue(((String) json.get("restored")).contains("stock market"));
  }

  @Test
  void verdictFollowsTheTwoThresholds() {
    String spun = "The inventory marketplace dropped sharply on Monday.";
    String clean = "The stock market fell sharply on Monday.";
    Detector d = detector(0.8, 0.2);
    CheckReport s = check(d, spun);
    CheckReport c = check(d, clean);
    assertTrue(s.spunProbability() > c.spunProbability());
    assertEquals(Verdict.SPUN, s.verdict(), () -> "p=" + s.spunProbability());
    assertEquals(Verdict.CLEAN, c.verdict(), () -> "p=" + c.spunProbability());
    Detector strict = detector(1.0, 0.0);
    assertEquals(Verdict.UNCERTAIN, check(strict, spun).verdict());
    assertEquals(Verdict.UNCERTAIN, check(strict, clean).verdict());
  }

  /**
   * The model never saw a listed tortured phrase in training (it gives the rule no weight), so
   * where one occurs its "clean" is not a conclusion it can draw: the verdict is uncertain, and
   * the note says why.
   */
  @Test
  void aTextWithAListedPhraseIsNotCalledClean() {
    Detector d = detector(0.8, 0.2);
    String listed = "Our group has studied the fundamental rule of counterfeit consciousness for many years.";
    CheckReport r = check(d, listed);
    assertTrue(r.spunProbability() <= 0.2, "the model alone calls it clean: p=" + r.spunProbability());
    assertTrue(r.signals().get(KnownTorturedPhraseRule.ID) > 0, r.signals()::toString);
    assertEquals(Verdict.UNCERTAIN, r.verdict());
    assertEquals("not called clean: 1 match of the tortured-phrase list, which the detector's model cannot weigh",
        r.note());
    assertEquals(r.note(), Json.parseObject(r.toJson()).get("note"));
    CheckReport plain = check(d, "Our group has studied the fundamental rule of artificial intelligence for many years.");
    assertEquals(Verdict.CLEAN, plain.verdict(), () -> "p=" + plain.spunProbability());
    assertEquals(null, plain.note());
  }

  /**
   * Two entries of the list that clean text seldom has are more than chance in a text of this
   * length: the verdict is spun whatever the model says, with a note; the probability stays the
   * model's. One entry, or entries clean writing also uses, keep the old rule (not called clean).
   */
  @Test
  void twoListedPhrasesThatCleanTextSeldomHasMakeTheTextSpun() {
    ListEvidence evidence = new ListEvidence(new FingerprintMatcher(FingerprintList.loadDefault()),
        CleanCounts.loadDefault());
    Detector d = detector(0.8, 0.2).withListEvidence(evidence);
    String two = "Our group has studied the fundamental rule of counterfeit consciousness for many years, and the"
        + " group has studied the fundamental rule of profound education for many years.";
    CheckReport plain = check(detector(0.8, 0.2), two);
    assertTrue(plain.spunProbability() < 0.8 && plain.verdict() != Verdict.SPUN, () -> "p=" + plain.spunProbability());
    CheckReport r = check(d, two);
    assertEquals(Verdict.SPUN, r.verdict(), () -> "p=" + r.spunProbability());
    assertEquals(plain.spunProbability(), r.spunProbability(), 1e-12, "the probability stays the model's");
    assertTrue(r.note().startsWith("called spun: 2 phrases of the tortured-phrase list that clean text seldom has;"
        + " clean text of 27 words has as many about once in 21,000,000,000 texts (the probability is the model's,"
        + " which cannot weigh them)"), r.note());
    assertEquals(r.note(), Json.parseObject(r.toJson()).get("note"));
    CheckReport shortOne = check(d.withMinWords(40), two);
    assertEquals(Verdict.SPUN, shortOne.verdict(), "the list's evidence does not read the model: length is no bar");
    assertEquals(r.note(), shortOne.note());
    String one = "Our group has studied the fundamental rule of counterfeit consciousness for many years.";
    assertEquals(Verdict.UNCERTAIN, check(d, one).verdict());
    assertTrue(check(d, one).note().startsWith("not called clean: 1 match"));
    // "heart ailments" and "professional system" matched more than one clean document: clean writing uses them
    String common = "Our group has studied the heart ailments of the elderly for many years, and the group has"
        + " studied a professional system of care for many years.";
    CheckReport c = check(d, common);
    assertEquals(2, c.signals().get(KnownTorturedPhraseRule.ID), c.signals()::toString);
    assertTrue(c.verdict() != Verdict.SPUN, () -> c.verdict() + " " + c.note());
    assertEquals("about once in 1,000 texts", Detector.oneIn(0.001));
    assertEquals("about once in 12,000 texts", Detector.oneIn(1 / 12_345.0));
    assertEquals("about once in 3 texts", Detector.oneIn(1 / 3.0));
  }

  @Test
  void contributionsAreTheLogitsTermsAndTheReportNamesTheLargest() {
    Detector d = detector(0.8, 0.2);
    String text = "The inventory marketplace dropped sharply on Monday.";
    RestoredText restored = DetectFixtures.RESTORER.restore(text);
    CheckReport r = d.check(text, restored);
    DocumentFeatures x = d.analyzer().analyze(text, restored).features();
    double sum = -2; // the hand model's bias
    for (double v : r.contributions().values()) {
      sum += v;
    }
    assertEquals(d.model().logit(x), sum, 1e-9);
    assertEquals(d.model().featureNames(), new ArrayList<>(r.contributions().keySet()));
    double changed = r.contributions().get(DocumentFeatures.CHANGED_SHARE);
    assertTrue(changed > 0, "the only weighted feature pushes toward spun: " + changed);
    assertTrue(r.toText().contains("Score terms against an average training text (logit; + toward spun): changed_share +"), r.toText());
    Map<String, Object> json = Json.parseObject(r.toJson());
    assertEquals(changed, ((Number) ((Map<?, ?>) json.get("contributions")).get("changed_share")).doubleValue(), 1e-12);
  }

  @Test
  void textsShorterThanTheMinimumAreUncertainWithANoteSayingWhy() {
    String spun = "The inventory marketplace dropped sharply on Monday.";
    Detector d = detector(0.8, 0.2);
    CheckReport plain = check(d, spun);
    assertEquals(Verdict.SPUN, plain.verdict(), () -> "p=" + plain.spunProbability());
    assertEquals(null, plain.note());
    assertTrue(!Json.parseObject(plain.toJson()).containsKey("note"));
    CheckReport shortOne = check(d.withMinWords(8), spun);
    assertEquals(plain.spunProbability(), shortOne.spunProbability(), 1e-12, "the probability stays");
    assertEquals(Verdict.UNCERTAIN, shortOne.verdict());
    assertEquals("too short to judge: 7 words, the detector needs 8", shortOne.note());
    assertEquals(shortOne.note(), Json.parseObject(shortOne.toJson()).get("note"));
    assertTrue(shortOne.toText().contains("Note: too short to judge"), shortOne.toText());
    assertEquals(plain.findings(), shortOne.findings(), "findings are reported as usual");
    assertEquals(Verdict.SPUN, check(d.withMinWords(7), spun).verdict(), "7 words are enough for 7");
    assertThrows(IllegalArgumentException.class, () -> d.withMinWords(-1));
  }

  @Test
  void textReportMarksFindingsAndGivesReasons() {
    String text = "The inventory market fell.\nWe saw a elephant.";
    String report = check(detector(0.8, 0.2), text).toText();
    assertTrue(report.startsWith("Spun probability: "), report);
    assertTrue(report.contains("[inventory -> stock]"), report);
    assertTrue(report.contains("[a -> an] elephant"), report);
    assertTrue(report.contains("RESTORATION_EDIT"), report);
    CheckReport clean = check(detector(0.8, 0.2), "The stock market fell.");
    assertTrue(clean.toText().contains("no rule fired"), clean.toText());
    assertTrue(clean.findings().isEmpty());
  }

  @Test
  void aRepeatedSubstitutionCountsOnceInTheChangedShare() {
    // "inventory market" -> "stock market" written three times is one habit (a spinner's or a house
    // style's): the changed share counts it once, as for a text that has it once.
    String once = "The inventory market fell on Monday. Traders were calm. Prices were low. Banks were shut.";
    String thrice = "The inventory market fell on Monday. The inventory market was calm. The inventory market was low. "
        + "Banks were shut.";
    DocumentFeatures x1 = features(once);
    DocumentFeatures x3 = features(thrice);
    int words1 = once.split(" ").length;
    int words3 = thrice.split(" ").length;
    double share1 = x1.asMap().get(DocumentFeatures.CHANGED_SHARE);
    double share3 = x3.asMap().get(DocumentFeatures.CHANGED_SHARE);
    assertTrue(share1 > 0, "the fixture restores 'inventory'");
    // one token, counted with its edit's posterior (at most 1), in both texts
    assertTrue(share1 * words1 <= 1 + 1e-9, "once: " + share1 * words1);
    assertTrue(share3 * words3 > 0 && share3 * words3 <= 1 + 1e-9, "three times: " + share3 * words3);
    // the LM gain of the repeats is left out too: not three times the gain of the text with it once
    double gain1 = x1.asMap().get(DocumentFeatures.LM_GAIN_PER_TOKEN) * tokens(once);
    double gain3 = x3.asMap().get(DocumentFeatures.LM_GAIN_PER_TOKEN) * tokens(thrice);
    assertTrue(gain1 > 0, "the restoration gains: " + gain1);
    assertTrue(gain3 < 1.5 * gain1, "once " + gain1 + ", three times " + gain3);
  }

  @Test
  void theTotalsAreTheRatesTimesTheLength() {
    // changed_count, lm_gain_total, rare_synonym_count, word_count and the hits.RULE counts hold the
    // evidence as totals: a long text spun at a low rate has more of it than a short one at the same rate.
    String text = "The inventory market fell on Monday. Traders were calm. Prices were low. Banks were shut.";
    Map<String, Double> x = features(text).asMap();
    int words = text.split(" ").length;
    assertEquals(words, x.get(DocumentFeatures.WORD_COUNT));
    assertEquals(x.get(DocumentFeatures.CHANGED_SHARE) * words, x.get(DocumentFeatures.CHANGED_COUNT), 1e-9);
    assertEquals(x.get(DocumentFeatures.LM_GAIN_PER_TOKEN) * tokens(text), x.get(DocumentFeatures.LM_GAIN_TOTAL),
        1e-9);
    assertEquals(x.get(DocumentFeatures.RARE_SYNONYM_PER_100) * words / 100, x.get(DocumentFeatures.RARE_SYNONYM_COUNT),
        1e-9);
    for (String rule : List.of("RESTORATION_EDIT", "LM_IMPROBABLE_SPAN", "ARTICLE_AGREEMENT")) {
      assertEquals(x.get(DocumentFeatures.HITS_PREFIX + rule) * words / 100,
          x.get(DocumentFeatures.HIT_COUNT_PREFIX + rule), 1e-9, rule);
    }
    assertTrue(x.get(DocumentFeatures.CHANGED_COUNT) > 0, "the fixture restores 'inventory'");
    Map<String, Double> twice = features(text + " " + text.replace("inventory", "stock")).asMap();
    assertEquals(2 * words, twice.get(DocumentFeatures.WORD_COUNT));
    // (the edit's posterior moves a little with the document's self-training)
    assertEquals(x.get(DocumentFeatures.CHANGED_COUNT), twice.get(DocumentFeatures.CHANGED_COUNT), 0.01,
        "the same edit in a text twice as long: the same count, half the share");
  }

  private static int tokens(String text) {
    return DetectFixtures.RESTORER.restore(text).tokens().size();
  }

  private static DocumentFeatures features(String text) {
    RestoredText r = DetectFixtures.RESTORER.restore(text);
    assertTrue(r.edits().stream().allMatch(e -> e.surface().equalsIgnoreCase("inventory")), r.edits()::toString);
    return DetectFixtures.ANALYZER.analyze(text, r).features();
  }

  @Test
  void oneFindingPerSpanKeepsTheMostConfidentRule() {
    List<Finding> sorted = List.of(new Finding(0, 3, "abc", "x", 0.6, "RESTORATION_EDIT"),
        new Finding(0, 3, "abc", "x", 0.9, "LM_IMPROBABLE_SPAN"), new Finding(0, 5, "abcde", "y", 0.5, "OTHER"),
        new Finding(4, 5, "e", "z", 0.7, "OTHER"));
    List<Finding> out = Detector.distinctSpans(sorted);
    assertEquals(3, out.size());
    assertEquals("LM_IMPROBABLE_SPAN", out.get(0).ruleId());
  }

  /**
   * A finding inside another that is at least as sure and already makes its change is left out:
   * "irregular woodland" -> "random forest" inside "an irregular woodland" -> "a random forest", and
   * "neural organization" -> "neural network" inside "convolutional neural organization" ->
   * "convolutional neural network". One that says more, or is surer, stays.
   */
  @Test
  void aFindingThatALargerOneAlreadyMakesIsLeftOut() {
    String t = "an irregular woodland and a convolutional neural organization and a automobile";
    List<Finding> sorted = List.of(
        new Finding(0, 21, "an irregular woodland", "a random forest", 1.0, "RESTORATION_EDIT"),
        new Finding(3, 21, "irregular woodland", "random forest", 0.95, "KNOWN_TORTURED_PHRASE"),
        new Finding(28, 61, "convolutional neural organization", "convolutional neural network", 1.0,
            "RESTORATION_EDIT"),
        new Finding(42, 61, "neural organization", "neural network", 0.95, "KNOWN_TORTURED_PHRASE"),
        new Finding(66, 78, "a automobile", "a car", 0.8, "ARTICLE_AGREEMENT"),
        new Finding(68, 78, "automobile", "car", 0.99, "RESTORATION_EDIT"));
    assertEquals("an irregular woodland", t.substring(0, 21));
    assertEquals("neural organization", t.substring(42, 61));
    assertEquals("automobile", t.substring(68, 78));
    List<Finding> out = Detector.distinctSpans(sorted);
    assertEquals(List.of(sorted.get(0), sorted.get(2), sorted.get(4), sorted.get(5)), out,
        "the surer restoration inside the article's finding stays");
    // a word of the change inside goes too; a different change or part of a word stays
    List<Finding> other = List.of(new Finding(0, 21, "an irregular woodland", "a random forest", 1.0, "R"),
        new Finding(3, 12, "irregular", "random", 0.9, "K"),
        new Finding(3, 21, "irregular woodland", "random forests", 0.9, "K"),
        new Finding(13, 21, "woodland", "est", 0.9, "K"),
        new Finding(13, 21, "woodland", "", 0.8, "K"));
    assertEquals(List.of(other.get(0), other.get(2), other.get(3)), Detector.distinctSpans(other));
    assertEquals(List.of(other.get(0), other.get(4)), Detector.distinctSpans(List.of(other.get(0), other.get(4))),
        "a deletion inside stays");
  }

  @Test
  void modelOfAFeatureTheRulesDoNotComputeIsRejectedAtConstruction() {
    DetectorModel m = new DetectorModel(List.of(new DetectorModel.Feature("changed_share", 0, 1, 1),
        new DetectorModel.Feature("no_such_feature", 0, 1, 1)), 0, PlattCalibration.IDENTITY, 0.8, 0.2, Map.of());
    ModelException e = assertThrows(ModelException.class, () -> new Detector(DetectFixtures.ANALYZER, m));
    assertTrue(e.getMessage().contains("[no_such_feature] are not among"), e.getMessage());
  }

  @Test
  void modelOfFewerFeaturesReadsOnlyItsOwn() {
    // A model trained before the analyzer computed more features (an older detector file) keeps
    // working: it is given its own features, in its own order.
    DetectorModel m = new DetectorModel(List.of(new DetectorModel.Feature("word_count", 0, 1, 0.5),
        new DetectorModel.Feature("changed_share", 0, 1, 0)), -2, PlattCalibration.IDENTITY, 0.8, 0.2, Map.of());
    Detector d = new Detector(DetectFixtures.ANALYZER, m);
    String text = "The stock market fell on Monday as traders sold shares.";
    CheckReport r = d.check(text, DetectFixtures.RESTORER.restore(text));
    assertEquals(List.of("word_count", "changed_share"), List.copyOf(r.features().keySet()));
    double words = r.features().get("word_count");
    assertEquals(10, words);
    assertEquals(1 / (1 + Math.exp(-(0.5 * words - 2))), r.spunProbability(), 1e-12);
  }

  @Test
  void restorationOfAnotherTextIsAProgrammerError() {
    RestoredText r = DetectFixtures.RESTORER.restore("The stock market fell.");
    assertThrows(IllegalArgumentException.class, () -> detector(0.8, 0.2).check("Other text.", r));
  }

  @Test
  void neverThrowsOnMessyText() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    java.util.Random rnd = new java.util.Random(seed);
    String alphabet = "aAnN eiouh\u00E9\n\t.,;'-\"()0123\uD83D\uDE00 hour university the stock inventory market ";
    Detector d = detector(0.8, 0.2);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(60);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      CheckReport r;
      try {
        r = check(d, text);
      } catch (RuntimeException e) {
        throw new AssertionError("seed=" + seed + " text=" + Json.quote(text), e);
      }
      for (Finding f : r.findings()) {
        assertEquals(text.substring(f.start(), f.end()), f.text(), "seed=" + seed);
      }
      Json.parseObject(r.toJson());
    }
  }

  @Test
  void theProbabilityReadsTheRestorationToScoreAndTheFindingsTheOneReturned() {
    String text = "The inventory marketplace dropped sharply on Monday.";
    Detector d = detector(0.8, 0.2);
    RestoredText restored = DetectFixtures.RESTORER.restore(text);
    assertTrue(!restored.edits().isEmpty());
    // The restoration to score changes nothing: as if the document's own rate had kept every word.
    RestoredText unchanged = new RestoredText(text, text, restored.tokens(), List.of(),
        new float[restored.tokens().size()], restored.inputLogProb(), restored.inputLogProb(), restored.inputLogProb());
    CheckReport both = d.check(text, restored.withJudgedFrom(unchanged));
    CheckReport plainScored = d.check(text, unchanged);
    CheckReport plainReturned = d.check(text, restored);
    assertEquals(plainScored.spunProbability(), both.spunProbability(), 1e-12);
    assertEquals(plainScored.features(), both.features());
    assertEquals(plainReturned.findings(), both.findings());
    assertEquals(restored.text(), both.restored());
    assertTrue(plainReturned.spunProbability() > both.spunProbability() + 0.1);
    assertEquals(d.probability(text, restored.withJudgedFrom(unchanged)), both.spunProbability(), 1e-12);
    // The same instance analysed twice in a row gives the same answer (the per-thread memo).
    assertEquals(d.probability(text, restored), d.check(text, restored).spunProbability(), 1e-12);
    RestoredText other = DetectFixtures.RESTORER.restore("The stock market fell sharply on Monday.");
    assertThrows(IllegalArgumentException.class, () -> d.check(text, other));
    d.probability(other.input(), other);
    assertThrows(IllegalArgumentException.class, () -> d.check(text, other), "the memo does not hide a mismatch");
  }

  @Test
  void anAbbreviationIsOneWhenTheLettersComeInOrderAndTheWordIsMuchLonger() {
    for (String[] yes : new String[][] {{"pct", "percent"}, {"PCT", "PERCENT"}, {"Corp", "Corporation"},
        {"FEB", "FEBRUARY"}, {"yr", "year"}, {"govt", "government"}, {"Inc.", "Incorporated"}, {"mln", "million"},
        {"dlrs", "dollars"}, {"Mon", "Monday"}}) {
      assertTrue(SignalAnalyzer.abbreviation(yes[0], yes[1]), yes[0] + " -> " + yes[1]);
    }
    for (String[] no : new String[][] {{"inventory", "stock"}, {"bank", "banks"}, {"work", "worked"},
        {"rate", "rates"}, {"in", "into"}, {"an", "and"}, {"percent", "pct"}, {"p", "percent"},
        {"ctp", "percent"}, {"mln5", "million"}, {"pct", ""}, {".", "dot"}}) {
      assertTrue(!SignalAnalyzer.abbreviation(no[0], no[1]), no[0] + " -> " + no[1]);
    }
  }

  @Test
  void anAbbreviationWrittenOutIsShownButIsNoEvidence() {
    // A newswire writes "pct" by its style guide: the restoration may write it out, and the report
    // shows that, but the detector's features and rule counts are those of the text without it.
    String text = "Prices rose 3 pct in March. The inventory market fell.";
    RestoredText r = DetectFixtures.RESTORER.restore(text);
    int pct = text.indexOf("pct");
    int token = 0;
    while (r.tokens().get(token).start() != pct) {
      token++;
    }
    assertTrue(r.edits().stream().noneMatch(e -> e.start() == pct), r.edits()::toString);
    float[] gain = r.tokenGain();
    for (int i = token; i < Math.min(gain.length, token + DetectFixtures.LM.order()); i++) {
      assertEquals(0f, gain[i], "no change near 'pct' in the fixture's restoration");
    }
    gain[token] = 1.5f;
    List<org.unspin.api.Edit> edits = new ArrayList<>(r.edits());
    edits.add(0, new org.unspin.api.Edit(pct, pct + 3, "pct", "percent", 1.0));
    RestoredText withAbbreviation = new RestoredText(text, r.text().replace("pct", "percent"), r.tokens(), edits, gain,
        r.inputLogProb(), r.restoredLogProb() + 1.5, r.decoderLogProb() + 1.5);
    SignalAnalyzer.Signals plain = DetectFixtures.ANALYZER.analyze(text, r);
    SignalAnalyzer.Signals written = DetectFixtures.ANALYZER.analyze(text, withAbbreviation);
    assertEquals(plain.features().asMap(), written.features().asMap());
    assertEquals(plain.hits(), written.hits());
    assertTrue(written.findings().stream().anyMatch(f -> f.start() == pct && f.suggestion().equals("percent")),
        written.findings()::toString);
  }

  /**
   * Three confident restorations are more than clean text of this length has: the verdict is spun
   * whatever the model says, with a note, unless the text is too short to judge; the probability
   * stays the model's. Two are never enough, nor are three in a text long enough for them.
   */
  @Test
  void confidentRestorationsThatCleanTextSeldomHasMakeTheTextSpun() {
    String sentence = "The company said its shares rose in early trading on Monday after the report. ";
    String text = sentence.repeat(12).strip();
    RestoredText r = DetectFixtures.RESTORER.restore(text);
    List<org.unspin.api.Edit> three = new ArrayList<>();
    for (String w : List.of("company", "shares", "report")) {
      int at = text.indexOf(w);
      three.add(new org.unspin.api.Edit(at, at + w.length(), w, w + "x", 0.95));
    }
    RestoredText edited = new RestoredText(text, text, r.tokens(), three, r.tokenGain(), r.inputLogProb(),
        r.restoredLogProb(), r.decoderLogProb());
    EditEvidence counts = new EditEvidence(1_000_000, 500, 99, 0.9, Map.of());
    Detector d = detector(0.8, 0.2).withMinWords(20).withEditEvidence(counts);
    CheckReport plain = detector(0.8, 0.2).withMinWords(20).check(text, edited);
    assertTrue(plain.verdict() != Verdict.SPUN, () -> "p=" + plain.spunProbability());
    CheckReport c = d.check(text, edited);
    assertEquals(Verdict.SPUN, c.verdict(), () -> "p=" + c.spunProbability());
    assertEquals(plain.spunProbability(), c.spunProbability(), 1e-12, "the probability stays the model's");
    assertEquals("called spun: 3 distinct substitutions restored with a confidence of at least 0.9; clean text of"
        + " 168 words has as many about once in 1,300,000 texts (the probability is the model's, which weighs them"
        + " against the text's length)", c.note());
    assertEquals(c.note(), Json.parseObject(c.toJson()).get("note"));
    RestoredText two = new RestoredText(text, text, r.tokens(), three.subList(0, 2), r.tokenGain(), r.inputLogProb(),
        r.restoredLogProb(), r.decoderLogProb());
    assertEquals(detector(0.8, 0.2).check(text, two).verdict(), d.check(text, two).verdict(), "two are never enough");
    assertTrue(d.check(text, two).verdict() != Verdict.SPUN);
    assertEquals(Verdict.UNCERTAIN, d.withMinWords(200).check(text, edited).verdict(), "too short to judge");
    EditEvidence longer = new EditEvidence(1_000, 5, 99, 0.9, Map.of());
    assertEquals(plain.verdict(), detector(0.8, 0.2).withEditEvidence(longer).check(text, edited).verdict(),
        "where clean text has them often, three are chance");
    assertEquals(counts, d.withListEvidence(null).editEvidence());
  }
}
