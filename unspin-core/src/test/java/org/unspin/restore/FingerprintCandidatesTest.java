package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unspin.channel.ProfileInfo;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.lm.DefaultModels;

/**
 * A tortured-phrase list's plain phrases as whole-span candidates, and the restorer's rule that
 * the tokens of a listed phrase take the list's wording or stay as written.
 */
class FingerprintCandidatesTest {
  static final String CSV = """
      tortured_phrase,expected_phrase,num_papers
      ""\"bunch size""\",batch size,"2,730"
      ""\"concealed layer""\",hidden layer,900
      ""\"irregular woodland""\",random forest,234
      ""\"irregular woodland""\",random forests (?),3
      ""\"bosom"" AND ""breast""\",breast,"13,940"
      ""\"profound learn*""\",deep learning,12
      ""\"monetary development""\",economic development/profit growth,"3,041"
      ""\"flag to commotion proportion""\",signal to noise ratio,40
      ""\"colossal information""\",big data (BD),50
      ""\"co2 emanation""\",CO2 emission,10
      ""\"neural organization""\",neural network,500
      ""\"convolutional neural organization""\",convolutional neural network,300
      """;

  static FingerprintList list() throws Exception {
    return FingerprintList.read(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  static Map<String, Float> originals(FingerprintCandidates fc, String text) {
    Map<String, Float> m = new HashMap<>();
    for (Candidate c : fc.candidates(AnalyzedTokens.of(text))) {
      assertEquals(CandidateSource.FINGERPRINT, c.source());
      m.put(c.from() + ":" + c.length() + ":" + c.phrase(), c.features().profileProb());
    }
    return m;
  }

  @Test
  void plainPhrasesBecomeWholeSpanCandidatesPricedByTheList() throws Exception {
    FingerprintCandidates fc = new FingerprintCandidates(list());
    // bunch size, concealed layer, irregular woodland, colossal information, co2 emanation, the two
    // organizations and the four-word phrase; not the AND query, the prefix query or the alternatives
    assertEquals(8, fc.phraseCount());
    Map<String, Float> m = originals(fc, "We set the Bunch Size and used one concealed layer.");
    assertEquals(0.95f, m.get("3:2:batch size"), 1e-6);
    assertEquals(0.95f, m.get("8:2:hidden layer"), 1e-6);
    assertEquals(2, m.size(), m::toString);
    // two entries for one phrase: each its share of the weights (a guess counts half) times its confidence
    m = originals(fc, "An irregular woodland classifier on colossal information.");
    assertEquals(0.95f / 1.5f, m.get("1:2:random forest"), 1e-6);
    assertEquals(0.75f * 0.5f / 1.5f, m.get("1:2:random forests"), 1e-6);
    assertEquals(0.95f, m.get("5:2:big data"), 1e-6, "the list's notes are left out");
    assertTrue(originals(fc, "The bosom of the breast; profound learning; monetary development.").isEmpty());
    assertTrue(originals(fc, "A bunch, size matters.").isEmpty(), "not across punctuation");
    // the LM forms lose digits; the wording shown is the list's
    List<Candidate> co2 = fc.candidates(AnalyzedTokens.of("Less co2 emanation."));
    assertEquals(1, co2.size(), co2::toString);
    assertEquals(List.of("co0", "emission"), co2.get(0).words());
    assertEquals("CO2 emission", co2.get(0).display());
    // longer than the lexicon's three tokens
    m = originals(fc, "A high flag to commotion proportion.");
    assertEquals(0.95f, m.get("2:4:signal to noise ratio"), 1e-6, m::toString);
    assertEquals(1, m.size(), m::toString);
    assertEquals(5, fc.maxLength(), "the longest phrase after an article");
  }

  /**
   * After an indefinite article that the list's wording would not take ("an irregular woodland"), the
   * phrase also gets a candidate that starts at the article and takes the other one ("a random
   * forest"); an article that fits stays out of it.
   */
  @Test
  void anArticleThatTheListsWordingWouldNotTakeChangesWithIt() throws Exception {
    FingerprintCandidates fc = new FingerprintCandidates(list());
    Map<String, Float> m = originals(fc, "The model is an irregular woodland.");
    assertEquals(0.95f / 1.5f, m.get("3:3:a random forest"), 1e-6, m::toString);
    assertEquals(0.95f / 1.5f, m.get("4:2:random forest"), 1e-6, m::toString);
    assertEquals(4, m.size(), m::toString); // and "random forests" for both
    m = originals(fc, "A bunch size of ten and a concealed layer.");
    assertEquals(Set.of("1:2:batch size", "7:2:hidden layer"), m.keySet(), "the article fits: no other");
    m = originals(fc, "We used a colossal information set.");
    assertEquals(Set.of("3:2:big data"), m.keySet(), "a fits big data");
    List<Candidate> an = fc.candidates(AnalyzedTokens.of("An concealed layer."));
    assertTrue(an.stream().anyMatch(c -> c.from() == 0 && c.length() == 3 && c.phrase().equals("a hidden layer")),
        an::toString);
  }

  /** An entry whose query holds a condition ("bosom" AND "breast") is a candidate where the condition held only. */
  @Test
  void aConditionalEntryIsACandidateInTheDocumentsWhereItsConditionHeld() throws Exception {
    org.unspin.channel.fingerprint.FingerprintMatcher matcher = new org.unspin.channel.fingerprint.FingerprintMatcher(
        list());
    assertEquals(null, FingerprintCandidates.whereMatched(matcher.match("The bosom was imaged.")));
    assertEquals(null, FingerprintCandidates.whereMatched(matcher.match("A concealed layer.")), "plain entries not");
    FingerprintCandidates fc = FingerprintCandidates.whereMatched(matcher.match(
        "The bosom was imaged. The breast was imaged."));
    assertEquals(1, fc.phraseCount());
    assertEquals(Map.of("1:1:breast", 0.95f), originals(fc, "The bosom was imaged."));
    String text = "Both the bosom tissue and the breast tissue were imaged in all patients.";
    List<CandidateGenerator> plain = List.of(new FingerprintCandidates(list()));
    Restorer r = Restorer.builder(DefaultModels.languageModel()).candidates(CandidateGenerator.union(plain))
        .documentCandidates(t -> FingerprintCandidates.whereMatched(matcher.match(t))).build();
    assertEquals("Both the breast tissue and the breast tissue were imaged in all patients.", r.restore(text).text());
    assertEquals("The bosom of the family.", r.restore("The bosom of the family.").text(), "no condition, no change");
  }

  /**
   * A listed phrase is the list's evidence that a spinner wrote it: the surcharges for what spinners
   * leave alone (a compound, a word the model does not know, a capital inside a sentence) do not
   * apply to it, as they do not to a source's alignment.
   */
  @Test
  void aListedCompoundOrUnknownWordIsNotProtected() throws Exception {
    String csv = """
        tortured_phrase,expected_phrase,num_papers
        ""\"sunlight-based energy""\",solar energy,10
        ""\"navier-stocks""\",Navier-Stokes,10
        """;
    FingerprintList l = FingerprintList.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv");
    Restorer r = Restorer.builder(DefaultModels.languageModel()).candidates(new FingerprintCandidates(l)).build();
    assertEquals("The solar energy of the panels was measured.",
        r.restore("The sunlight-based energy of the panels was measured.").text());
    assertTrue(r.unknownGap() > 4 && r.unknownGap() < 4.5, "the default model's: " + r.unknownGap());
    ChannelModel channel = new ChannelModel(ChannelWeights.shipped());
    List<InputToken> t = AnalyzedTokens.of("We solved the Navier-Stocks equations.");
    Candidate listed = new FingerprintCandidates(l).candidates(t).get(0);
    assertEquals(-ChannelWeights.shipped().fingerprintOdds() * 0.95, channel.immutableCost(t, listed, false), 1e-6,
        "no surcharge for a listed phrase, and the list's odds");
    Candidate other = new Candidate(listed.from(), listed.length(), listed.words(), listed.display(),
        CandidateSource.THESAURUS, CandidateFeatures.NONE);
    assertTrue(channel.immutableCost(t, other, false) > 0, "the same tokens from another source keep it");
  }

  /**
   * A listed wording with words the LM does not know ("cross-validation", "NP-hard") is written
   * (such a candidate was dropped as one the model cannot score), and where the model cannot tell
   * the two readings apart the list's odds decide.
   */
  @Test
  void aListedWordingTheModelDoesNotKnowIsWritten() throws Exception {
    String csv = """
        tortured_phrase,expected_phrase,num_papers
        ""\"cross-approval""\",cross-validation,10
        ""\"back proliferation""\",back-propagation,10
        ""\"np-difficult""\",NP-hard,10
        ""\"k-implies grouping""\",k-means clustering,10
        ""\"pre-prepared""\",pre-trained,10
        """;
    FingerprintList l = FingerprintList.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv");
    Restorer r = Restorer.builder(DefaultModels.languageModel()).candidates(new FingerprintCandidates(l)).build();
    assertEquals("We applied cross-validation to the model.", r.restore("We applied cross-approval to the model.").text());
    assertEquals("The net learns by back-propagation of the error.",
        r.restore("The net learns by back proliferation of the error.").text());
    assertEquals("The authors used k-means clustering on the data.",
        r.restore("The authors used k-implies grouping on the data.").text());
    assertEquals("The problem is NP-hard in general.", r.restore("The problem is np-difficult in general.").text(),
        "a word written with a capital after its first letter keeps its case");
    assertEquals("NP-hard problems abound in scheduling.",
        r.restore("Np-difficult problems abound in scheduling.").text());
    assertEquals("THE PROBLEM IS NP-HARD.", r.restore("THE PROBLEM IS NP-DIFFICULT.").text());
    RestoredText pre = r.restore("We used a pre-prepared network.");
    assertEquals("We used a pre-trained network.", pre.text(), "neither word known: the list's odds");
    assertEquals(1, pre.edits().size(), pre.edits()::toString);
    // the list's wording as written stays
    assertEquals("The problem is NP-hard and we used cross-validation.",
        r.restore("The problem is NP-hard and we used cross-validation.").text());
    assertTrue(pre.edits().get(0).confidence() > 0.85, pre.edits()::toString);
    // a profile learned from the list has the same change: the list's candidate is the one kept,
    // without the surcharge a compound the model does not know takes from a profile
    ProfileInfo info = new ProfileInfo("t", "test", "test", "CC0", "2026-12-01", 1, 1, 1, 1, 0.5, "none");
    SpinnerProfile same = new SpinnerProfile(info, List.of(new SpinnerProfile.Entry("np-difficult", "np-hard", 1, 0.5,
        0.5)));
    Restorer both = Restorer.builder(DefaultModels.languageModel()).candidates(CandidateGenerator.union(
        List.of(new ProfileCandidates(List.of(same)), new FingerprintCandidates(l)))).build();
    assertEquals("The problem is NP-hard in general.", both.restore("The problem is np-difficult in general.").text());
    // without the list's odds the two readings are a coin toss
    Restorer even = Restorer.builder(DefaultModels.languageModel()).candidates(new FingerprintCandidates(l))
        .weights(ChannelWeights.shipped().with("fingerprintOdds", 0)).build();
    RestoredText toss = even.restore("We used a pre-prepared network.");
    assertTrue(toss.edits().isEmpty() || toss.edits().get(0).confidence() < 0.6, toss.edits()::toString);
  }

  /**
   * A spinner profile's entry on a word the LM does not know ("respirational", which a spinner
   * wrote for "respiratory"): the written word is read as one of the model's rarest words, not as
   * the whole unknown class, which outscored every known wording.
   */
  @Test
  void aProfileEntryForAWordTheModelDoesNotKnowIsWeighedAgainstARareWord() {
    ProfileInfo info = new ProfileInfo("t", "test", "test", "CC0", "2026-12-01", 1, 1, 1, 1, 0.5, "none");
    SpinnerProfile p = new SpinnerProfile(info, List.of(new SpinnerProfile.Entry("respirational", "respiratory", 2,
        0.4, 0.9)));
    Restorer r = Restorer.builder(DefaultModels.languageModel()).candidates(new ProfileCandidates(List.of(p)))
        .weights(ChannelWeights.shipped()).build();
    assertEquals("The patients had acute respiratory symptoms.",
        r.restore("The patients had acute respirational symptoms.").text());
  }

  /** A word of the replacement that the span has as written keeps its case ("Fourier" is not lowered with "quick"). */
  @Test
  void aWordTheSpanAlreadyHasKeepsItsCase() throws Exception {
    String csv = """
        tortured_phrase,expected_phrase,num_papers
        ""\"quick Fourier change""\",Fast Fourier Transform,166
        """;
    FingerprintList l = FingerprintList.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv");
    Restorer r = Restorer.builder(DefaultModels.languageModel()).candidates(new FingerprintCandidates(l)).build();
    assertEquals("We combined the fast Fourier transform with a model.",
        r.restore("We combined the quick Fourier change with a model.").text());
    assertEquals("Quick Fourier change", r.restore("Quick Fourier change").edits().get(0).surface());
    assertEquals("Fast Fourier Transform", r.restore("Quick Fourier change").edits().get(0).suggestion());
  }

  /** A profile whose habit "bunch" <- "group" makes "group size", likelier to a general model than "batch size". */
  static SpinnerProfile groupProfile() {
    ProfileInfo info = new ProfileInfo("t", "test", "test", "CC0", "2026-12-01", 1, 1, 1, 1, 0.5, "none");
    return new SpinnerProfile(info, List.of(new SpinnerProfile.Entry("bunch", "group", 5, 0.5, 0.9),
        new SpinnerProfile.Entry("bunch", "batch", 1, 0.5, 0.1)));
  }

  @Test
  void aListedPhraseTakesTheListsWordingOrStaysAsWritten() throws Exception {
    String text = "We set the bunch size to sixty-four in all runs of the model.";
    CandidateGenerator profile = new ProfileCandidates(List.of(groupProfile()));
    Restorer withoutList = Restorer.builder(DefaultModels.languageModel()).candidates(profile).build();
    RestoredText r = withoutList.restore(text);
    assertTrue(r.text().contains("group size"), "the general model prefers the profile's reading: " + r.text());
    List<CandidateGenerator> both = new ArrayList<>(List.of(profile, new FingerprintCandidates(list())));
    Restorer withList = Restorer.builder(DefaultModels.languageModel()).candidates(CandidateGenerator.union(both))
        .build();
    r = withList.restore(text);
    assertEquals("We set the batch size to sixty-four in all runs of the model.", r.text());
    assertEquals(1, r.edits().size(), r.edits()::toString);
    assertEquals("bunch size", r.edits().get(0).surface());
    // a listed phrase inside a longer one that says the same is one path, not two that split the posterior
    RestoredText nested = withList.restore("We trained a convolutional neural organization on the images.");
    assertEquals("We trained a convolutional neural network on the images.", nested.text());
    assertEquals(1, nested.edits().size(), nested.edits()::toString);
    assertEquals("convolutional neural organization", nested.edits().get(0).surface());
    assertTrue(nested.edits().get(0).confidence() > 0.9, nested.edits()::toString);
    // the article changes with the phrase, and keeps its case
    assertEquals("The model is a random forest.", withList.restore("The model is an irregular woodland.").text());
    assertEquals("A random forest was trained.", withList.restore("An irregular woodland was trained.").text());
    // a listed phrase of four words, longer than any other source's span
    RestoredText longer = withList.restore("The flag to commotion proportion of the sensor was high.");
    assertEquals("The signal to noise ratio of the sensor was high.", longer.text());
    assertEquals(1, longer.edits().size(), longer.edits()::toString);
    // elsewhere the profile's habits stay
    assertTrue(withList.restore("A bunch of them met.").text().contains("group"), "outside a listed phrase");
  }
}
