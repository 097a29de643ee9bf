package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.ModelException;
import org.unspin.text.ArticleSounds;
import org.unspin.text.ArticleSounds.Article;
import org.unspin.restore.RestoredText;

class ArticleAgreementRuleTest {
  static final ArticleSounds SOUNDS = ArticleSounds.loadDefault();

  static List<Finding> check(String text) {
    RestoredText r = DetectFixtures.RESTORER.restore(text);
    List<Finding> out = new ArrayList<>();
    new ArticleAgreementRule().check(new RuleContext(text, r, DetectFixtures.LM, DetectorConfig.DEFAULTS), out);
    return out;
  }

  @Test
  void spellingHeuristicWithListedExceptions() {
    assertEquals(Article.AN, SOUNDS.articleFor("apple"));
    assertEquals(Article.A, SOUNDS.articleFor("banana"));
    assertEquals(Article.AN, SOUNDS.articleFor("hour"));
    assertEquals(Article.AN, SOUNDS.articleFor("Honorable"));
    assertEquals(Article.A, SOUNDS.articleFor("university"));
    assertEquals(Article.AN, SOUNDS.articleFor("unidentified"), "un- negation beats uni-");
    assertEquals(Article.A, SOUNDS.articleFor("European"));
    assertEquals(Article.A, SOUNDS.articleFor("one-time"));
    assertEquals(Article.AN, SOUNDS.articleFor("onerous"), "longest prefix wins");
    assertEquals(Article.AN, SOUNDS.articleFor("umbrella"));
    assertEquals(Article.A, SOUNDS.articleFor("useful"));
    assertEquals(Article.EITHER, SOUNDS.articleFor("historic"));
  }

  @Test
  void abstainsOnAbbreviationsSingleLettersAndNonWords() {
    assertNull(SOUNDS.articleFor("FBI"));
    assertNull(SOUNDS.articleFor("NATO"));
    assertNull(SOUNDS.articleFor("x"));
    assertNull(SOUNDS.articleFor("80"));
    assertNull(SOUNDS.articleFor(""));
    // an abbreviation or a letter before a hyphen is read as letters too: "a US-sponsored plan", "an X-ray"
    assertNull(SOUNDS.articleFor("US-sponsored"));
    assertNull(SOUNDS.articleFor("UN-backed"));
    assertNull(SOUNDS.articleFor("X-ray"));
    assertNull(SOUNDS.articleFor("x-ray"));
    assertEquals(Article.A, SOUNDS.articleFor("Euro-zone"));
    assertEquals(Article.AN, SOUNDS.articleFor("all-out"));
  }

  @Test
  void findingCoversTheArticleAndSuggestsTheOtherInTheSameCase() {
    String text = "An big crowd saw an manager and a elephant.";
    List<Finding> f = check(text);
    assertEquals(3, f.size(), f::toString);
    assertEquals(0, f.get(0).start());
    assertEquals(2, f.get(0).end());
    assertEquals("A", f.get(0).suggestion());
    assertEquals("an", f.get(1).text());
    assertEquals("a", f.get(1).suggestion());
    assertEquals("a", f.get(2).text());
    assertEquals("an", f.get(2).suggestion());
    for (Finding x : f) {
      assertEquals(text.substring(x.start(), x.end()), x.text());
    }
  }

  /** {@code text} as if restored with the given edits: the rule reads only the tokens and the edits. */
  static List<Finding> checkWithEdits(String text, Edit... edits) {
    RestoredText r = DetectFixtures.RESTORER.restore(text);
    RestoredText withEdits = new RestoredText(text, text, r.tokens(), List.of(edits), r.tokenGain(), 0, 0, 0);
    List<Finding> out = new ArrayList<>();
    new ArticleAgreementRule().check(new RuleContext(text, withEdits, DetectFixtures.LM, DetectorConfig.DEFAULTS),
        out);
    return out;
  }

  @Test
  void aRestoredWordAfterTheArticleIsWhatTheArticleIsJudgedAgainst() {
    // the spinner wrote "automobile" for "car" and left "a": the report must not ask for "an car"
    String text = "He parked a automobile outside and an pachyderm followed.";
    int auto = text.indexOf("automobile");
    int pach = text.indexOf("pachyderm");
    List<Finding> f = checkWithEdits(text, new Edit(auto, auto + "automobile".length(), "automobile", "car", 0.95),
        new Edit(pach, pach + "pachyderm".length(), "pachyderm", "elephant", 0.8));
    assertEquals(2, f.size(), f::toString);
    assertEquals("a automobile", f.get(0).text());
    assertEquals(text.indexOf("a automobile"), f.get(0).start());
    assertEquals(auto + "automobile".length(), f.get(0).end());
    assertEquals("a car", f.get(0).suggestion());
    assertEquals(0.9, f.get(0).confidence(), 1e-9);
    // "an pachyderm" -> "an elephant": the article fits the restored word; the mismatch is as sure as ever
    assertEquals("an pachyderm", f.get(1).text());
    assertEquals("an elephant", f.get(1).suggestion());
    assertEquals(0.9, f.get(1).confidence(), 1e-9);
    // a restored word that needs the other article gets it
    String t2 = "She met a elk.";
    int elk = t2.indexOf("elk");
    List<Finding> g = checkWithEdits(t2, new Edit(elk, elk + 3, "elk", "moose", 0.9));
    assertEquals(1, g.size(), g::toString);
    assertEquals("a elk", g.get(0).text());
    assertEquals("a moose", g.get(0).suggestion());
    List<Finding> h = checkWithEdits("She met a elk.", new Edit(elk, elk + 3, "elk", "owl", 0.9));
    assertEquals("an owl", h.get(0).suggestion());
    // an edit of the article itself speaks for it; an edit elsewhere changes nothing
    assertTrue(checkWithEdits(t2, new Edit(8, 9, "a", "the", 0.9)).isEmpty());
    List<Finding> k = checkWithEdits(t2, new Edit(0, 3, "She", "He", 0.9));
    assertEquals(1, k.size());
    assertEquals("a", k.get(0).text());
    assertEquals("an", k.get(0).suggestion());
  }

  @Test
  void staysSilentOnLettersLabelsAndAcrossPunctuation() {
    assertTrue(check("Plan A is better than plan B, and type A is rare.").isEmpty());
    assertTrue(check("Options a, b and c; choose a or b.").isEmpty());
    assertTrue(check("It costs a\u2011ounce? No: a (elephant) list.").isEmpty());
    assertTrue(check("AN ELEPHANT AND A HOUR").isEmpty(), "all-caps text is skipped");
  }

  @Test
  void malformedExceptionListsFailWithFileAndLine() throws Exception {
    ModelException e = assertThrows(ModelException.class,
        () -> ArticleSounds.read(new StringReader("# c\nhour\tan\nuni\tthe\n"), "x.tsv"));
    assertTrue(e.getMessage().startsWith("x.tsv:3: "), e.getMessage());
    e = assertThrows(ModelException.class, () -> ArticleSounds.read(new StringReader("hour an\n"), "x.tsv"));
    assertTrue(e.getMessage().startsWith("x.tsv:1: "), e.getMessage());
    e = assertThrows(ModelException.class, () -> ArticleSounds.read(new StringReader("Hour\tan\n"), "x.tsv"));
    assertTrue(e.getMessage().contains("lower case"), e.getMessage());
    e = assertThrows(ModelException.class, () -> ArticleSounds.read(new StringReader("a\tan\na\ta\n"), "x.tsv"));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    e = assertThrows(ModelException.class,
        () -> ArticleSounds.read(new ByteArrayInputStream(new byte[] {'h', '\t', 'a', 'n', '\n', (byte) 0xC3}), "b.tsv"));
    assertTrue(e.getMessage().contains("b.tsv") && e.getMessage().contains("UTF-8"), e.getMessage());
  }
}
