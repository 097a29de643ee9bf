package org.unspin.channel.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.unspin.api.ModelException;

class FingerprintListTest {

  private static FingerprintList read(String csv) throws IOException {
    return FingerprintList.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  @Test
  void readsQuotedFieldsCountsWithSeparatorsAndUncertainty() throws IOException {
    FingerprintList l = read("# comment line\ntortured_phrase,expected_phrase,num_papers\n"
        + "\"\"\"surface region\"\" AND \"\"surface area\"\"\",surface area,\"42,682\"\r\n"
        + "\"\"\"cadence design\"\"\",rythm pattern (?),\"11\"\n"
        + "\"\"\"multi\n line\"\"\",x,3\n");
    assertEquals(3, l.size());
    Fingerprint f = l.entries().get(0);
    assertEquals("\"surface region\" AND \"surface area\"", f.query());
    assertEquals(42682, f.papers());
    assertEquals(3, f.line());
    assertEquals("surface region", f.phrase());
    assertTrue(l.entries().get(1).uncertain());
    assertEquals("multi line", l.entries().get(2).phrase());
    assertEquals(5, l.entries().get(2).line());
  }

  @Test
  void malformedQueryNamesFileAndLine() {
    ModelException e = assertThrows(ModelException.class,
        () -> read("tortured_phrase,expected_phrase\n\"\"\"ok\"\"\",x\n\"\"\"broken\",y\n"));
    assertTrue(e.getMessage().startsWith("test.csv:3: malformed query"), e.getMessage());
    assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
  }

  @Test
  void missingColumnsAndBadCountsAreErrors() {
    ModelException e = assertThrows(ModelException.class, () -> read("phrase,expected\n\"a\",b\n"));
    assertTrue(e.getMessage().contains("tortured_phrase"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read("tortured_phrase,expected_phrase,num_papers\n\"x\",y,many\n"));
    assertTrue(e.getMessage().startsWith("test.csv:2: num_papers"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read("tortured_phrase,expected_phrase\n\"\"\"x\"\"\"\n"));
    assertTrue(e.getMessage().startsWith("test.csv:2: expected 2 columns"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read(""));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void invalidUtf8IsReported() {
    byte[] bad = {'t', 'o', 'r', 't', 'u', 'r', 'e', 'd', '_', 'p', 'h', 'r', 'a', 's', 'e', ',', 'e', 'x', 'p', 'e',
        'c', 't', 'e', 'd', '_', 'p', 'h', 'r', 'a', 's', 'e', '\n', '"', (byte) 0xC3, '"', ',', 'x', '\n'};
    ModelException e = assertThrows(ModelException.class,
        () -> FingerprintList.read(new ByteArrayInputStream(bad), "bad.csv"));
    assertTrue(e.getMessage().contains("bad.csv: not valid UTF-8"), e.getMessage());
  }

  @Test
  void shippedListLoadsCompletely() {
    FingerprintList l = FingerprintList.loadDefault();
    assertTrue(l.size() > 7600, "size " + l.size());
    assertEquals("surface region", l.entries().get(0).phrase());
    assertEquals("surface area", l.entries().get(0).expected());
  }
}
