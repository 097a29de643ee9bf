package org.unspin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.detect.CheckReport;
import org.unspin.detect.KnownTorturedPhraseRule;

/** A list of one's own (a newer export) in place of the shipped one: found, restored and weighed. */
class UnspinFingerprintListTest {
  static final String TEXT = "In this study we describe a lucid hallucination of the patients, and the second section"
      + " reviews earlier work on the glimmering inquiry of the field. The results were shared with the other groups"
      + " of the department.";

  static FingerprintList list() throws IOException {
    String csv = "tortured_phrase,expected_phrase,num_papers\n\"\"\"lucid hallucination\"\"\",vivid dream,3\n"
        + "\"\"\"glimmering inquiry\"\"\",bright question,2\n";
    return FingerprintList.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "mine.csv");
  }

  @Test
  void aGivenListReplacesTheShippedOne() throws IOException {
    try (Unspin shipped = Unspin.withDefaults()) {
      CheckReport r = shipped.check(TEXT);
      assertEquals(0, r.signals().getOrDefault(KnownTorturedPhraseRule.ID, 0), r.signals()::toString);
      assertTrue(!shipped.restore(TEXT).text().contains("vivid dream"));
      assertEquals(1, shipped.check("We trained a model of counterfeit consciousness on the data of the first"
          + " experiment, and the results were shared with the other groups.").signals()
          .get(KnownTorturedPhraseRule.ID));
    }
    try (Unspin mine = Unspin.builder().fingerprintList(list()).build()) {
      CheckReport r = mine.check(TEXT);
      assertEquals(2, r.signals().get(KnownTorturedPhraseRule.ID), r.signals()::toString);
      assertEquals("In this study we describe a vivid dream of the patients, and the second section reviews earlier"
          + " work on the bright question of the field. The results were shared with the other groups of the"
          + " department.", mine.restore(TEXT).text(), "the list's wordings, as candidates for the whole span");
      assertEquals(Verdict.SPUN, r.verdict(), () -> "p=" + r.spunProbability() + " " + r.note());
      assertEquals(0, mine.check("We trained a model of counterfeit consciousness on the data of the first"
          + " experiment, and the results were shared with the other groups.").signals()
          .getOrDefault(KnownTorturedPhraseRule.ID, 0), "the shipped list's phrases are not the given list's");
    }
  }
}
