package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.text.LmText;

class DumpFormatTest {
  private static final Document DOC =
      new Document("bbc/tech/001", "Robots \"sort\" post\nThey earned £2m in 2004. Staff\\unions agreed!");

  private static String write(DumpFormat f, Document d) throws IOException {
    StringWriter w = new StringWriter();
    f.write(d, w);
    return w.toString();
  }

  @Test
  void textWritesOneDocumentPerLine() throws IOException {
    assertEquals("Robots \"sort\" post They earned £2m in 2004. Staff\\unions agreed!\n", write(DumpFormat.TEXT, DOC));
  }

  @Test
  void jsonlEscapesQuotesBackslashesAndLineBreaks() throws IOException {
    assertEquals("{\"id\":\"bbc/tech/001\",\"text\":\"Robots \\\"sort\\\" post\\nThey earned £2m in 2004. "
        + "Staff\\\\unions agreed!\"}\n", write(DumpFormat.JSONL, DOC));
    assertEquals("{\"id\":\"x/1\",\"text\":\"a\\u0001b\\tc\"}\n", write(DumpFormat.JSONL, new Document("x/1", "a\u0001b\tc")));
  }

  @Test
  void lmtokensWritesEachSentenceOfEachParagraphAsLmForms() throws IOException {
    List<String> expected = new ArrayList<>();
    for (String p : DOC.text().split("\n")) {
      LmText.forEachSentence(p, (forms, n) -> expected.add(String.join(" ", java.util.Arrays.asList(forms).subList(0, n))));
    }
    String got = write(DumpFormat.LMTOKENS, DOC);
    assertEquals(String.join("\n", expected) + "\n", got);
    assertEquals("robots \" sort \" post", got.lines().findFirst().orElseThrow());
  }

  @Test
  void parseNamesTheBadValue() {
    assertEquals(DumpFormat.LMTOKENS, DumpFormat.parse("LMTokens"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DumpFormat.parse("csv"));
    assertEquals("format must be text, jsonl or lmtokens (got 'csv')", e.getMessage());
  }
}
