package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgNewsReaderTest {

  private static List<Document> fixture() throws IOException {
    return Fixtures.readAll(new AgNewsReader(Fixtures.corpora().resolve("agnews/test.csv")));
  }

  @Test
  void idIsTheLineWhereTheRecordStarts() throws IOException {
    assertEquals(List.of("agnews/1", "agnews/2", "agnews/3", "agnews/4", "agnews/5"),
        fixture().stream().map(Document::id).toList());
  }

  @Test
  void titleThenDescription() throws IOException {
    assertEquals("Fears for T N pension after talks\nUnions representing workers at Turner Newall say they are "
        + "'disappointed' after talks with stricken parent firm Federal Mogul.", fixture().get(0).text());
  }

  @Test
  void crawlEscapesAreDecoded() throws IOException {
    assertEquals("Rocket team sets launch date (SPACE.com)\nSPACE.com - TORONTO -- A second team of rocketeers "
        + "competing for the $10 million prize, a contest for privately funded flight, has announced the first "
        + "launch date; it doesn't say $5 more.", fixture().get(1).text());
    assertEquals("Chip makers <TXN.N> rally\nTexas Instruments Inc. <TXN.N> and others said on Thursday that "
        + "\"demand\" was strong \u2014 stronger than analysts had expected for the quarter.", fixture().get(2).text());
  }

  @Test
  void quotedFieldMaySpanLines() throws IOException {
    Document d = fixture().get(4);
    assertTrue(d.text().contains("quoted field continues here"), d.text());
  }

  @Test
  void unescapeLeavesPlainHashesAlone() {
    assertEquals("ranked #1 today", AgNewsReader.unescape("ranked #1 today"));
    assertEquals("a & b", AgNewsReader.unescape("a &amp; b"));
  }

  @Test
  void unclosedQuoteIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("test.csv");
    Files.writeString(f, "\"1\",\"ok\",\"fine\"\n\"2\",\"broken,\"never closed\n");
    IOException e = assertThrows(IOException.class, () -> Fixtures.readAll(new AgNewsReader(f)));
    assertTrue(e.getMessage().contains("test.csv:2"), e.getMessage());
  }

  @Test
  void recordWithTooFewFieldsIsAnError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("test.csv");
    Files.writeString(f, "\"1\",\"only a title\"\n");
    IOException e = assertThrows(IOException.class, () -> Fixtures.readAll(new AgNewsReader(f)));
    assertTrue(e.getMessage().contains("found 2 field(s)"), e.getMessage());
  }

  @Test
  void invalidUtf8IsAnError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("test.csv");
    Files.write(f, new byte[] {'"', '1', '"', ',', '"', (byte) 0xff, '"', ',', '"', 'x', '"', '\n'});
    assertThrows(IOException.class, () -> Fixtures.readAll(new AgNewsReader(f)));
  }
}
