package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.api.TextSpan;

class HtmlExtractorTest {
  private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();

  /**
   * The offset map contract: in bounds, and each char is the source char at its offset, unless it
   * came from an entity (source char '&') or is whitespace the extractor inserted or collapsed.
   */
  static void checkOffsetMap(String html, ExtractedText x, String context) {
    String text = x.text();
    for (int i = 0; i < text.length(); i++) {
      int o = x.sourceOffset(i);
      if (o < 0 || o >= Math.max(1, html.length())) {
        fail("offset " + o + " out of bounds at " + i + "; " + context);
      }
      char c = text.charAt(i);
      if (html.isEmpty() || Character.isWhitespace(c)) {
        continue;
      }
      char h = html.charAt(o);
      if (h != c && h != '&' && !(c == '\uFFFD' && h == '\0')) {
        fail("text char " + AnalysisAssertions.escape(String.valueOf(c)) + " at " + i + " maps to source char "
            + AnalysisAssertions.escape(String.valueOf(h)) + " at " + o + "; " + context);
      }
    }
  }

  @Test
  void aNulInsideCdataOfForeignContentMapsToItself() {
    // Found by randomMalformedHtmlNeverThrowsAndKeepsOffsetMap (seed=19911839184308 iter=342): the parser turns
    // the NUL into U+FFFD, which the resynchronisation did not take for the NUL it stands for.
    String html = "<br>\u17FC\u0747\uD83D\uDE00<math></article>\"</article>\u09E5\"<!DOCTYPE html><footer><svg>"
        + "<template>\"<pre><svg>\u1CB7<article>--><![CDATA[<![CDATA[\u0000\u29EB</script></div>Word</div>"
        + "<table><tr><td><h1>";
    ExtractedText x = EXTRACTOR.extract(html);
    checkOffsetMap(html, x, "cdata nul");
    int fffd = x.text().indexOf('\uFFFD');
    assertTrue(fffd >= 0, x.text());
    assertEquals(html.indexOf('\u0000'), x.sourceOffset(fffd));
  }

  @Test
  void keepsParagraphStructureAndMapsOffsets() {
    String html = "<html><head><title>T</title><style>p{}</style></head><body>"
        + "<h1>The  Title</h1><p>First <b>bold</b>\n   para.</p><ul><li>one</li><li>two</li></ul>"
        + "<script>var x = 1;</script><p>Last<br>line</p></body></html>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("The Title\nFirst bold para.\none\ntwo\nLast\nline", x.text());
    checkOffsetMap(html, x, "golden");
    int first = x.text().indexOf("First");
    assertEquals(html.indexOf("First"), x.sourceOffset(first));
    assertEquals(html.indexOf("bold"), x.sourceOffset(x.text().indexOf("bold")));
  }

  @Test
  void entitiesMapToTheirSourceStart() {
    String html = "<p>Tom &amp; Jerry &eacute;t&#233; &#x1F600; &copy 2020 AT&T&nbsp;x</p>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("Tom & Jerry \u00E9t\u00E9 \uD83D\uDE00 \u00A9 2020 AT&T\u00A0x", x.text());
    checkOffsetMap(html, x, "entities");
    int amp = x.text().indexOf('&');
    assertEquals(html.indexOf("&amp;"), x.sourceOffset(amp));
    assertEquals(new TextSpan(html.indexOf("&amp;"), html.indexOf("&amp;") + 5), x.sourceSpan(amp, amp + 1));
    int emoji = x.text().indexOf('\uD83D');
    assertEquals(html.indexOf("&#x1F600;"), x.sourceOffset(emoji));
    assertEquals(html.indexOf("&#x1F600;"), x.sourceOffset(emoji + 1));
    int jerry = x.text().indexOf("Jerry");
    assertEquals(new TextSpan(html.indexOf("Jerry"), html.indexOf("Jerry") + 5), x.sourceSpan(jerry, jerry + 5));
  }

  @Test
  void dropsNavigationFooterAsideAndFormsButKeepsArticleHeader() {
    String html = "<body><header><a href=/>Home</a> Site name</header>"
        + "<nav><a href=a>Politics</a><a href=b>Sport</a></nav>"
        + "<article><header><h1>Headline here</h1></header><p>The article text is long enough to be the main"
        + " content of this page, and it has a <a href=x>link</a> inside.</p><p>Second paragraph.</p></article>"
        + "<aside>Related stories</aside><form>Search <input></form>"
        + "<div class='cookie-banner'>We use cookies</div><footer>Copyright</footer></body>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("Headline here\nThe article text is long enough to be the main content of this page, and it has a"
        + " link inside.\nSecond paragraph.", x.text());
    checkOffsetMap(html, x, "boilerplate");
  }

  @Test
  void dropsLinkDenseBlocksAndHiddenElements() {
    String html = "<body><div class=content><p>Real text of the story, which says something about banks.</p>"
        + "<ul><li><a href=1>Link one</a></li><li><a href=2>Link two</a></li></ul>"
        + "<p><a href=3>Read more about this</a></p>"
        + "<p style='display: none'>hidden</p><p hidden>also hidden</p><p aria-hidden=true>aria</p></div></body>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("Real text of the story, which says something about banks.", x.text());
  }

  @Test
  void withoutBoilerplateRemovalKeepsNavigationText() {
    String html = "<body><nav><a href=a>Menu</a></nav><p>Body</p><script>x</script></body>";
    ExtractedText x = new HtmlExtractor(new HtmlExtractor.Config(false, 0.5, 0.4)).extract(html);
    assertEquals("Menu\nBody", x.text());
  }

  @Test
  void preservesWhitespaceInPre() {
    String html = "<p>a</p><pre>line 1\n  line 2</pre>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("a\nline 1\n  line 2", x.text());
    checkOffsetMap(html, x, "pre");
  }

  @Test
  void tableCellsAreSeparatedAndRowsAreLines() {
    String html = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>";
    assertEquals("a b\nc d", EXTRACTOR.extract(html).text());
  }

  @Test
  void crlfSourceMapsCorrectly() {
    String html = "<p>one\r\ntwo &amp;\r\nthree</p>\r\n<p>four</p>";
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("one two &\nthree\nfour".replace("&\n", "& "), x.text());
    checkOffsetMap(html, x, "crlf");
  }

  @Test
  void recognisesHtmlDocuments() {
    assertTrue(HtmlExtractor.looksLikeHtml("\n<!-- x --><!DOCTYPE html><html>"));
    assertTrue(HtmlExtractor.looksLikeHtml("<HTML><BODY>x"));
    assertTrue(HtmlExtractor.looksLikeHtml("Intro <p>one</p><p>two</p><br>"));
    assertFalse(HtmlExtractor.looksLikeHtml("The bank said 3 < 4 and <b> is bold."));
    assertFalse(HtmlExtractor.looksLikeHtml(""));
  }

  @Test
  void plainTextIsItsOwnSource() {
    ExtractedText x = ExtractedText.plain("abc");
    assertEquals(2, x.sourceOffset(2));
    assertEquals(new TextSpan(1, 3), x.sourceSpan(1, 3));
    assertEquals(3, x.sourceOffsets().length);
  }

  @Test
  void cdataTextKeepsLiteralEntitiesAligned() {
    // regression (random test seed=1057660451747): "&amp;" inside CDATA is text, not an entity
    String html = "<table><tr><td><![CDATA[<p>a &amp; b</p>]]></td></tr></table>";
    ExtractedText x = EXTRACTOR.extract(html);
    checkOffsetMap(html, x, "cdata");
    assertTrue(x.text().contains("&amp;"), x.text());
    int amp = x.text().indexOf("&amp;");
    assertEquals(html.indexOf("&amp;") + 1, x.sourceOffset(amp + 1));
  }

  @Test
  void droppedNulCharsDoNotShiftOffsets() {
    // regression (random test seed=1093666176670): the parser drops NUL, the map must skip it
    String html = "<p>ab\u0000&copy;c\u0000&#x1F600;d</p>";
    ExtractedText x = EXTRACTOR.extract(html);
    checkOffsetMap(html, x, "nul");
    assertEquals(html.indexOf("&copy;"), x.sourceOffset(x.text().indexOf('\u00A9')));
    assertEquals(html.indexOf("&#x1F600;"), x.sourceOffset(x.text().indexOf('\uD83D')));
    assertEquals(html.lastIndexOf('d'), x.sourceOffset(x.text().indexOf('d')));
  }

  @Test
  void emptyAndTextOnlyInputs() {
    assertEquals("", EXTRACTOR.extract("").text());
    assertEquals("", EXTRACTOR.extract("<html><body><script>x</script></body></html>").text());
    ExtractedText x = EXTRACTOR.extract("just text, no tags");
    assertEquals("just text, no tags", x.text());
    checkOffsetMap("just text, no tags", x, "plain");
  }

  @Test
  void typicalNewsPageKeepsOnlyTheStory() throws IOException {
    String html;
    try (InputStream in = getClass().getResourceAsStream("news-page.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ExtractedText x = EXTRACTOR.extract(html);
    assertEquals("Central bank raises rates to 4.5%\n"
        + "By Jane Doe \u00B7 3 March 2024\n"
        + "The central bank raised its main interest rate on Thursday, the fourth increase this year, as inflation"
        + " stayed well above its target of 2%.\n"
        + "\u201CWe will do what is needed,\u201D the governor told reporters in London. Markets had expected the"
        + " move, and the pound rose by 0.3% against the dollar.\n"
        + "Economists said further rises were likely in the coming months, although growth remained weak.", x.text());
    checkOffsetMap(html, x, "news-page");
    int quote = x.text().indexOf('\u201C');
    assertEquals(html.indexOf("&ldquo;"), x.sourceOffset(quote));
  }

  @Test
  void malformedFixturesNeverThrow() throws IOException {
    for (String name : new String[] {"unclosed.html", "nested-tables.html"}) {
      String html;
      try (InputStream in = getClass().getResourceAsStream(name)) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      ExtractedText x = EXTRACTOR.extract(html);
      assertFalse(x.text().isEmpty(), name);
      checkOffsetMap(html, x, name);
    }
  }

  @Test
  void randomMalformedHtmlNeverThrowsAndKeepsOffsetMap() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    String[] pieces = {"<p>", "</p>", "<div class=nav>", "</div>", "<a href='x'>", "</a>", "<b>", "</i>", "<br>",
        "<!--", "-->", "<script>", "</script>", "<table><tr><td>", "</td>", "&amp;", "&copy", "&#", "&#x1F600;",
        "&bogus;", "&", "<", ">", "\"", "'", "<![CDATA[", "]]>", "\r\n", "\n", " ", "<pre>", "</pre>", "<li>",
        "<article>", "</article>", "<title>", "<textarea>", "<svg>", "<?xml?>", "<!DOCTYPE html>", "\0",
        "text", "Word", "bank", "\uD83D\uDE00", "\uD800", "<h1", "=", "<p hidden>", "<nav>", "<footer>",
        "<main>", "<frameset>", "<template>", "<math>", "<select><option>"};
    for (int iter = 0; iter < 1000 * AnalysisAssertions.MULTIPLIER; iter++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) {
        if (r.nextInt(4) == 0) {
          sb.append((char) r.nextInt(0x3000));
        } else {
          sb.append(pieces[r.nextInt(pieces.length)]);
        }
      }
      String html = sb.toString();
      String context = "seed=" + seed + " iter=" + iter + " html=" + AnalysisAssertions.escape(html);
      ExtractedText x;
      try {
        x = EXTRACTOR.extract(html);
      } catch (RuntimeException e) {
        throw new AssertionError("extract threw; " + context, e);
      }
      checkOffsetMap(html, x, context);
      if (!x.text().isEmpty()) {
        TextSpan span = x.sourceSpan(0, x.text().length());
        assertTrue(span.end() <= html.length(), context);
      }
    }
  }
}
