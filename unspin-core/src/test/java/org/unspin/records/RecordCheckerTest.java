package org.unspin.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.api.Unspin;
import org.unspin.util.Json;

class RecordCheckerTest {
  static Unspin unspin;
  static RecordChecker checker;

  static final String CLEAN = "The central bank raised interest rates on Tuesday, saying that inflation had stayed "
      + "above its target for most of the year. Markets fell after the announcement.";
  static final String SPUN = "The focal bank raised intrigue rates on Tuesday, saying that expansion had stayed over "
      + "its objective for most of the year. Markets fell after the declaration. We used colossal information and "
      + "counterfeit consciousness to study the irregular woodland.";

  @BeforeAll
  static void load() {
    unspin = Unspin.withDefaults();
    checker = new RecordChecker(unspin);
  }

  @AfterAll
  static void close() {
    unspin.close();
  }

  @Test
  void aVerdictThatIsNotTheProbabilitysCarriesItsNote() {
    // two phrases of the list that the model cannot weigh (p about 0.49 in the shipped model, under its 0.6)
    String listed = "In this paper, we propose a new method based on speech samples and evaluate it on two public data"
        + " sets. The second section reviews earlier work on at ease shell and its applications in industry. The"
        + " results of the experiments show that the method improves the performance of the system in all test cases."
        + " The last section reviews earlier work on validation assault and its applications in industry.";
    RecordChecker.Checked c = checker.check(InputRecord.ofText("p", null, "p.txt", listed, false));
    Map<String, Object> m = Json.parseObject(c.json());
    assertEquals(List.of("id", "uri", "source", "verdict", "spun_probability", "note", "findings"),
        List.copyOf(m.keySet()));
    assertEquals("spun", m.get("verdict"));
    assertEquals(c.report().note(), m.get("note"));
    assertTrue(((String) m.get("note")).startsWith("called spun: 2 phrases of the tortured-phrase list"), c.json());
  }

  @Test
  void documentLineHasIdUriSourceVerdictProbabilityAndFindings() {
    InputRecord r = InputRecord.ofText("http://a.example/p", "http://a.example/p", "w.warc@0", SPUN, true);
    RecordChecker.Checked c = checker.check(r);
    assertNotNull(c.report());
    assertNull(c.error());
    Map<String, Object> m = Json.parseObject(c.json());
    assertEquals(List.of("id", "uri", "source", "verdict", "spun_probability", "findings"), List.copyOf(m.keySet()));
    assertEquals("http://a.example/p", m.get("id"));
    assertEquals("w.warc@0", m.get("source"));
    assertEquals(c.report().verdict().jsonName(), m.get("verdict"));
    double p = ((Number) m.get("spun_probability")).doubleValue();
    assertEquals(c.report().spunProbability(), p, 1e-4);
    List<?> findings = (List<?>) m.get("findings");
    assertEquals(c.report().findings().size(), findings.size());
    assertFalse(findings.isEmpty(), c.json());
    for (Object o : findings) {
      Map<?, ?> f = (Map<?, ?>) o;
      int start = ((Number) f.get("start")).intValue();
      int end = ((Number) f.get("end")).intValue();
      assertEquals(SPUN.substring(start, end), f.get("text"), "offsets index the record's text");
    }
    assertFalse(c.json().contains("\n"));
  }

  @Test
  void errorRecordsAndNonEnglishTextGiveErrorLines() {
    RecordChecker.Checked bad = checker.check(InputRecord.ofError("f.jsonl#3", null, "f.jsonl#3", "empty text"));
    assertEquals("{\"id\":\"f.jsonl#3\",\"uri\":null,\"source\":\"f.jsonl#3\",\"error\":\"empty text\"}", bad.json());
    String french = "Le gouvernement a annonc\u00e9 mardi une nouvelle r\u00e9forme des retraites qui sera "
        + "pr\u00e9sent\u00e9e au conseil des ministres la semaine prochaine, selon le porte-parole du gouvernement, "
        + "qui a pr\u00e9cis\u00e9 que les syndicats seront re\u00e7us avant la fin du mois pour discuter des "
        + "d\u00e9tails de la loi.";
    RecordChecker.Checked fr = checker.check(InputRecord.ofText("fr", null, "fr", french, false));
    assertTrue(fr.error().startsWith("not English"), fr.json());
    assertNull(fr.report());
    RecordChecker.Checked any = new RecordChecker(unspin, false).check(InputRecord.ofText("fr", null, "fr", french,
        false));
    assertNotNull(any.report(), "englishOnly=false checks every text");
  }

  @Test
  void linesAreTheSameFromManyThreadsAsFromOne() throws Exception {
    List<InputRecord> records = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(InputRecord.ofText("d" + i, null, "s" + i, i % 2 == 0 ? CLEAN : SPUN + " Case " + i + ".", false));
    }
    List<String> sequential = new ArrayList<>();
    for (InputRecord r : records) {
      sequential.add(checker.toJson(r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> fs = new ArrayList<>();
      for (InputRecord r : records) {
        fs.add(pool.submit(() -> checker.toJson(r)));
      }
      for (int i = 0; i < records.size(); i++) {
        assertEquals(sequential.get(i), fs.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void summaryCountsVerdictsErrorsAndSubstitutions() {
    ScanSummary s = new ScanSummary();
    s.add(checker.toJson(InputRecord.ofText("a", null, "a", CLEAN, false)));
    s.add(checker.toJson(InputRecord.ofText("b", null, "b", SPUN, false)));
    s.add(checker.toJson(InputRecord.ofError("c", null, "c", "invalid UTF-8 at byte offset 7")));
    assertEquals(2, s.documents());
    assertEquals(1, s.errors());
    assertEquals(2, s.spun() + s.clean() + s.uncertain());
    assertEquals(2, java.util.Arrays.stream(s.histogram()).sum());
    assertEquals("invalid UTF-8 at byte offset", s.errorKinds().get(0).getKey());
    assertFalse(s.topSubstitutions(5).isEmpty());
  }
}
