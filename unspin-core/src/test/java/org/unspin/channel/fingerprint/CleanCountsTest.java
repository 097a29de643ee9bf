package org.unspin.channel.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.api.ModelException;

class CleanCountsTest {

  private static CleanCounts read(String text) throws IOException {
    return CleanCounts.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "counts.tsv");
  }

  @Test
  void writesTheMatchedEntriesInListOrderAndReadsThemBack() throws IOException {
    FingerprintList list = FingerprintList.read(new ByteArrayInputStream(("tortured_phrase,expected_phrase,num_papers\n"
        + "\"\"\"counterfeit consciousness\"\"\",artificial intelligence,10\n"
        + "\"\"\"bosom\"\" AND \"\"breast\"\"\",breast,5\n"
        + "\"\"\"profound learning\"\"\",deep learning,7\n"
        + "\"\"\"profound learning\"\"\",deep learning (again),1\n").getBytes(StandardCharsets.UTF_8)), "list.csv");
    Map<Fingerprint, Integer> docs = new LinkedHashMap<>();
    docs.put(list.entries().get(2), 3);
    docs.put(list.entries().get(1), 1);
    docs.put(list.entries().get(3), 3); // the same query as entry 2: written once
    StringWriter w = new StringWriter();
    CleanCounts.write(w, list, 1000, 20, docs, Map.of("clean-text", "a test"));
    String text = w.toString();
    assertTrue(text.indexOf("\"bosom\" AND") < text.indexOf("\"profound learning\""), text);
    assertTrue(!text.contains("counterfeit"), "an entry that matched nothing is left out: " + text);
    CleanCounts c = read(text);
    assertEquals(1000, c.words());
    assertEquals(20, c.documents());
    assertEquals(3, c.documentsMatched("\"profound learning\""));
    assertEquals(1, c.documentsMatched("\"bosom\" AND \"breast\""));
    assertEquals(0, c.documentsMatched("\"counterfeit consciousness\""));
    assertEquals(Map.of("clean-text", "a test"), c.provenance());
  }

  @Test
  void theShippedCountsAreOfTheShippedList() {
    CleanCounts c = CleanCounts.loadDefault();
    assertTrue(c.words() > 80_000_000, "the permissive corpora: " + c.words());
    java.util.Set<String> queries = new java.util.HashSet<>();
    for (Fingerprint f : FingerprintList.loadDefault().entries()) {
      queries.add(f.query());
    }
    assertTrue(!c.counts().isEmpty());
    for (String q : c.counts().keySet()) {
      assertTrue(queries.contains(q), "not a query of the shipped list: " + q);
    }
  }

  @Test
  void malformedFilesNameTheLine() {
    String head = "format\tunspin-clean-counts\t1\n";
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("words\t100\n", "missing 'documents'");
    bad.put("words\t100\ndocuments\t2\nentry\t3\t0\t\"a b\"\n", "counts.tsv:4: want a number >= 1");
    bad.put("words\t100\ndocuments\t2\nentry\t3\t2\n", "counts.tsv:4: want 'entry");
    bad.put("words\t100\nwords\t100\n", "counts.tsv:3: repeated 'words'");
    bad.put("words\tmany\n", "counts.tsv:2: not a whole number");
    bad.put("words\t100\ndocuments\t2\nentry\t3\t2\t\"a b\"\nentry\t4\t1\t\"a b\"\n", "counts.tsv:5: repeated entry");
    bad.put("words\t100\ndocuments\t2\ncount\t1\n", "counts.tsv:4: unknown line type 'count'");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      ModelException x = assertThrows(ModelException.class, () -> read(head + e.getKey()), e.getKey());
      assertTrue(x.getMessage().contains(e.getValue()), x.getMessage());
    }
    ModelException x = assertThrows(ModelException.class, () -> read("words\t100\n"));
    assertTrue(x.getMessage().startsWith("counts.tsv: not an unspin clean-counts file"), x.getMessage());
  }
}
