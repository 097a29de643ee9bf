package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersReaderTest {

  private static List<Document> fixture() throws IOException {
    return Fixtures.readAll(new ReutersReader(Fixtures.corpora().resolve("reuters21578")));
  }

  @Test
  void oneDocumentPerReutersElementAcrossFilesIdFromNewid() throws IOException {
    assertEquals(List.of("reuters/1", "reuters/2", "reuters/3", "reuters/1001"),
        fixture().stream().map(Document::id).toList());
  }

  @Test
  void titleAndUnwrappedBodyParagraphsWithEntitiesDecodedAndSignOffDropped() throws IOException {
    Document d = fixture().get(0);
    assertEquals("COCOA GROWERS <CGA> SEE LATE CROP\n"
        + "Showers continued throughout the week in the cocoa zone, alleviating the drought since early "
        + "January, growers & traders said.\n"
        + "The dry period means the harvest will be late this year, and arrivals for the week were "
        + "155,221 bags of 60 kilos.", d.text());
  }

  @Test
  void briefHasOnlyItsTitleAndUnprocessedTableIsEmpty() throws IOException {
    List<Document> docs = fixture();
    assertEquals("STANDARD OIL TO FORM FINANCIAL UNIT", docs.get(1).text());
    assertEquals("", docs.get(2).text());
    assertTrue(!Corpora.isUsable(docs.get(1)) && !Corpora.isUsable(docs.get(2)));
  }

  @Test
  void strayLatin1ByteIsDecodedAndUpperCaseSignOffDropped() throws IOException {
    Document d = fixture().get(3);
    assertTrue(d.text().startsWith("FIRM SAYS MüLLER JOINS BOARD\nThe company said Hans Müller"), d.text());
    assertTrue(d.text().endsWith("twenty years with the group."), d.text());
  }

  @Test
  void unclosedElementIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("reut2-000.sgm"), "<REUTERS NEWID=\"5\"><TEXT><BODY>cut off",
        StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> Fixtures.readAll(new ReutersReader(dir)));
    assertTrue(e.getMessage().contains("reut2-000.sgm") && e.getMessage().contains("not closed"), e.getMessage());
  }

  @Test
  void elementWithoutNewidIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("reut2-000.sgm"), "<REUTERS OLDID=\"5\"><BODY>x</BODY></REUTERS>",
        StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> Fixtures.readAll(new ReutersReader(dir)));
    assertTrue(e.getMessage().contains("without NEWID"), e.getMessage());
  }
}
