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
import org.unspin.api.Finding;
import org.unspin.api.ModelException;
import org.unspin.detect.ArticleSounds.Article;
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
