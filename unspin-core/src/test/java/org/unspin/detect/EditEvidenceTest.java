package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.api.ModelException;

class EditEvidenceTest {
  /** 99 confident edits in 1,000,000 clean words: a rate of 100 / 1,000,000 a word. */
  private static final EditEvidence COUNTS = new EditEvidence(1_000_000, 500, 99, 0.9, Map.of("clean-text", "test"));

  private static Edit edit(String surface, String suggestion, double confidence) {
    return new Edit(0, surface.length(), surface, suggestion, confidence);
  }

  @Test
  void countsDistinctConfidentSubstitutionsButNotAbbreviationsWrittenOut() {
    List<Edit> edits = List.of(edit("inventory", "stock", 0.95), edit("Inventory", "Stock", 0.99),
        edit("oral cavity", "mouth", 0.9), edit("lustrum", "years", 0.89), edit("pct", "percent", 1.0),
        edit("millisecond", "year", 1.0));
    assertEquals(3, EditEvidence.confidentEdits(edits, 0.9), "a repeat (case ignored) once, 0.89 and 'pct' not");
    assertEquals(4, EditEvidence.confidentEdits(edits, 0.5));
    assertEquals(0, EditEvidence.confidentEdits(List.of(), 0.9));
  }

  @Test
  void threeConfidentEditsAreTooManyForCleanTextOfTheirLengthButNotForABook() {
    assertEquals(1e-4, COUNTS.rate(), 1e-15, "the clean edits and one more");
    List<Edit> three = List.of(edit("a", "b", 1), edit("c", "d", 1), edit("e", "f", 1));
    EditEvidence.Assessment a = COUNTS.assess(three, 700);
    assertEquals(3, a.edits());
    assertEquals(ListEvidence.poissonTail(3, 700 * 1e-4), a.chance(), 1e-20);
    assertTrue(a.spun(), a::toString);
    EditEvidence.Assessment book = COUNTS.assess(three, 60_000);
    assertTrue(book.chance() > EditEvidence.MAX_CHANCE && !book.spun(), "in a long text three are chance: " + book);
    EditEvidence.Assessment two = COUNTS.assess(three.subList(0, 2), 20);
    assertTrue(two.chance() < 1e-4 && !two.spun(), "two are never enough: " + two);
    List<Edit> more = new ArrayList<>(three);
    more.add(edit("g", "h", 1));
    assertFalse(COUNTS.assess(three, 3_000).spun(), "three in 3,000 words are chance");
    assertTrue(COUNTS.assess(more, 3_000).spun(), "four are not");
    assertThrows(IllegalArgumentException.class, () -> COUNTS.assess(three, -1));
  }

  @Test
  void fileRoundTripsAndBadFilesNameTheLine() throws IOException {
    StringWriter w = new StringWriter();
    COUNTS.write(w);
    EditEvidence back = EditEvidence.read(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)),
        "t.tsv");
    assertEquals(COUNTS.words(), back.words());
    assertEquals(COUNTS.documents(), back.documents());
    assertEquals(COUNTS.edits(), back.edits());
    assertEquals(0.9, back.minConfidence());
    assertEquals(Map.of("clean-text", "test"), back.provenance());
    String head = "format\tunspin-clean-edits\t1\n";
    assertBad("not an unspin clean-edits file", "format\tunspin-clean-counts\t1\n");
    assertBad("t.tsv:3: repeated 'words'", head + "words\t5\nwords\t6\n");
    assertBad("t.tsv:2: want a number >= 1 (got 0)", head + "words\t0\n");
    assertBad("t.tsv:2: not a whole number: 'x'", head + "edits\tx\n");
    assertBad("t.tsv:2: min_confidence must be in (0, 1]", head + "min_confidence\t1.5\n");
    assertBad("t.tsv:2: unknown line type 'rate'", head + "rate\t0.1\n");
    assertBad("missing 'edits' line", head + "words\t5\ndocuments\t1\nmin_confidence\t0.9\n");
    assertBad("missing 'min_confidence' line", head + "words\t5\ndocuments\t1\nedits\t0\n");
  }

  @Test
  void shippedCountsAreTheDefaultModelsOverBrown() {
    EditEvidence d = EditEvidence.loadDefault();
    assertEquals(500, d.documents());
    assertTrue(d.words() > 900_000 && d.edits() > 0, () -> d.provenance().toString());
    assertEquals(EditEvidence.DEFAULT_MIN_CONFIDENCE, d.minConfidence());
    assertTrue(d.provenance().get("clean-text").startsWith("Brown corpus"), d.provenance()::toString);
  }

  private static void assertBad(String message, String file) {
    ModelException e = assertThrows(ModelException.class,
        () -> EditEvidence.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "t.tsv"));
    assertTrue(e.getMessage().contains(message), e::getMessage);
  }
}
