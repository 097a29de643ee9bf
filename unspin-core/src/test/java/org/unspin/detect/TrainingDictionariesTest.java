package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.TsvSynonymDictionary;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.lexicon.SynonymDictionary;

class TrainingDictionariesTest {
  static final String CSV = "tortured_phrase,expected_phrase,num_papers\n"
      + "\"\"\"counterfeit consciousness\"\"\",artificial intelligence,99\n"
      + "\"\"\"fake intelligence\"\"\",artificial intelligence,400\n"
      + "\"\"\"profound learning\"\" AND \"\"deep learning\"\"\",deep learning,4353\n"
      + "\"\"\"irregular woodland\"\"\",random forest?,7\n"
      + "\"\"\"bosom peril\"\"\",breast cancer (medicine),12\n"
      + "\"\"\"a very long tortured phrase here\"\"\",something,3\n";

  static FingerprintList list() throws Exception {
    return FingerprintList.read(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  @Test
  void fingerprintEntriesBecomeExpectedToTorturedMostPapersFirst() throws Exception {
    SynonymDictionary d = TrainingDictionaries.fromFingerprints(list());
    assertEquals(List.of("fake intelligence", "counterfeit consciousness"), d.synonyms("artificial intelligence"));
    assertEquals(List.of("profound learning"), d.synonyms("deep learning"));
    assertEquals(List.of("bosom peril"), d.synonyms("breast cancer"), "notes are cleaned from the expected phrase");
    assertTrue(d.synonyms("random forest").isEmpty(), "uncertain entries are left out");
    assertTrue(d.synonyms("something").isEmpty(), "phrases over 3 words are left out");
  }

  @Test
  void mergePutsTheFirstDictionarysSynonymsFirst() throws Exception {
    SynonymDictionary thesaurus = new TsvSynonymDictionary(Map.of("deep learning", List.of("deep study"),
        "large", List.of("big")));
    SynonymDictionary m = TrainingDictionaries.merge(TrainingDictionaries.fromFingerprints(list()), thesaurus);
    assertEquals(List.of("profound learning", "deep study"), m.synonyms("deep learning"));
    assertEquals(List.of("big"), m.synonyms("large"));
    String spun = new SpinSimulator(m, SimulatorConfig.of(1.0, SimulatorConfig.Choice.FIRST))
        .spin("t", "We used deep learning and artificial intelligence.", 1).spun();
    assertEquals("We used profound learning and fake intelligence.", spun);
  }
}
