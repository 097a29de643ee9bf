package org.unspin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

class ScanWarcTest {
  @TempDir
  Path tmp;

  static final SynonymDictionary DICT = new SynonymDictionary() {
    final java.util.Map<String, List<String>> m = java.util.Map.of("big", List.of("large", "huge"), "bank",
        List.of("financial institution"), "rates", List.of("charges"), "said", List.of("stated", "declared"));

    @Override
    public List<String> synonyms(String phrase) {
      return m.getOrDefault(phrase, List.of());
    }

    @Override
    public List<String> headwords() {
      return List.of("bank", "big", "rates", "said");
    }
  };

  static List<String[]> docs() {
    List<String[]> d = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      d.add(new String[] {"doc" + i, "The big bank raised rates, the minister said on day " + i
          + ".\nA second paragraph & more < text."});
    }
    return d;
  }

  static List<InputRecord> read(Path f) throws IOException {
    List<InputRecord> l = new ArrayList<>();
    try (RecordStream s = Records.open(List.of(f), RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
        l.add(r);
      }
    }
    return l;
  }

  @Test
  void smallerSizeGivesAPrefixOfTheSameRecordsAndTruthMatchesHosts() throws IOException {
    ScanWarc.Config big = new ScanWarc.Config(40_000, 0.5, 3, 4, 2, 9, true);
    ScanWarc.Config small = new ScanWarc.Config(10_000, 0.5, 3, 4, 2, 9, true);
    StringWriter truth = new StringWriter();
    new ScanWarc(DICT, big).write(tmp.resolve("big.warc.gz"), docs(), truth);
    new ScanWarc(DICT, small).write(tmp.resolve("small.warc.gz"), docs(), null);
    assertTrue(Files.size(tmp.resolve("big.warc.gz")) >= 40_000);
    List<InputRecord> b = read(tmp.resolve("big.warc.gz"));
    List<InputRecord> s = read(tmp.resolve("small.warc.gz"));
    assertTrue(s.size() < b.size() && !s.isEmpty());
    for (int i = 0; i < s.size(); i++) {
      assertEquals(b.get(i).id(), s.get(i).id());
      assertEquals(b.get(i).text(), s.get(i).text());
    }
    String[] lines = truth.toString().split("\n");
    assertEquals(b.size(), lines.length);
    boolean spunSeen = false;
    for (int i = 0; i < b.size(); i++) {
      String[] t = lines[i].split("\t");
      assertEquals(b.get(i).id(), t[0]);
      assertEquals(b.get(i).host(), t[1]);
      assertFalse(b.get(i).isError(), b.get(i).toString());
      assertTrue(b.get(i).html());
      assertFalse(b.get(i).text().contains("Privacy"), "footer dropped: " + b.get(i).text());
      if (t[2].equals("spun")) {
        spunSeen = true;
        assertTrue(t[1].startsWith("farm-"));
      } else {
        assertTrue(t[1].startsWith("news-"));
      }
    }
    assertTrue(spunSeen);
    assertEquals(List.of("farm-00.example", "farm-02.example"), new ScanWarc(DICT, big).farmsOf(0));
  }
}
