package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BbcReaderTest {

  @Test
  void readsArticlesInCategoryAndFileOrderWithStableIds() throws IOException {
    List<Document> docs = Fixtures.readAll(new BbcReader(Fixtures.corpora().resolve("bbc")));
    assertEquals(List.of("bbc/business/003", "bbc/sport/002", "bbc/tech/001"),
        docs.stream().map(Document::id).toList());
  }

  @Test
  void headlineFirstThenOneParagraphPerLineWithSpacesCollapsedAndReferencesDecoded() throws IOException {
    List<Document> docs = Fixtures.readAll(new BbcReader(Fixtures.corpora().resolve("bbc")));
    Document tech = docs.get(2);
    assertEquals("Robots learn to sort the post\n"
        + "Engineers at a depot in Leeds have taught a fleet of small robots to sort letters by postcode, "
        + "saving the firm £2m a year.\n"
        + "The machines read each envelope with a camera and place it in one of forty bins. "
        + "Staff say the work is quieter now, a communiqué said <sic>.", tech.text());
    assertEquals("bbc", tech.source());
  }

  @Test
  void fileThatIsNotUtf8IsReadAsLatin1() throws IOException {
    List<Document> docs = Fixtures.readAll(new BbcReader(Fixtures.corpora().resolve("bbc")));
    Document sport = docs.get(1);
    assertEquals("bbc/sport/002", sport.id());
    assertEquals(true, sport.text().contains("tickets costing £15 sold out"), sport.text());
  }

  @Test
  void exhaustedStreamKeepsReturningNull() throws IOException {
    BbcReader r = new BbcReader(Fixtures.corpora().resolve("bbc"));
    Fixtures.readAll(r);
    assertNull(r.read());
  }

  @Test
  void missingDirectoryIsReportedWithItsPath() {
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> new BbcReader(Fixtures.corpora().resolve("no-such-dir")));
    assertEquals(true, e.getMessage().contains("no-such-dir"), e.getMessage());
  }
}
