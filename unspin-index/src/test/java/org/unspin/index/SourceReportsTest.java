package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.Verdict;
import org.unspin.detect.CheckReport;
import org.unspin.restore.RestoredText;
import org.unspin.util.Json;

class SourceReportsTest {
  static final String SPUN = "The central financial institution elevated its rate.";
  static final String SOURCE = "The central bank raised its rate.";

  static SourceMatch match() {
    List<AlignedSubstitution> aligned = List.of(
        new AlignedSubstitution(12, 33, 12, 16, "financial institution", "bank"),
        new AlignedSubstitution(34, 42, 17, 23, "elevated", "raised"));
    return new SourceMatch("src-1", null, 0.7, 1.0, List.of(), List.of(), aligned, SOURCE);
  }

  @Test
  void restorationAndEditsAreTheAlignments() {
    RestoredText r = SourceReports.restored(SPUN, match());
    assertEquals(SOURCE, r.text());
    assertEquals(List.of(new Edit(12, 33, "financial institution", "bank", 1.0),
        new Edit(34, 42, "elevated", "raised", 1.0)), r.edits());
  }

  @Test
  void checkReportGainsAFindingForEachReplacementNoFindingCovers() {
    Finding own = new Finding(34, 42, "elevated", "increased", 0.8, "RESTORATION_EDIT");
    CheckReport r = new CheckReport(SPUN, 0.4, Verdict.UNCERTAIN, List.of(own), Map.of(), Map.of(), SPUN, List.of());
    CheckReport s = SourceReports.withSource(r, match());
    assertEquals(SOURCE, s.restored());
    assertEquals(List.of(new Finding(12, 33, "financial institution", "bank", 1.0, SourceReports.RULE_ID), own),
        s.findings(), "the detector's own finding is kept, the uncovered replacement added, in text order");
    assertEquals(0.4, s.spunProbability(), "the score stays the detector's");
    assertEquals(Verdict.UNCERTAIN, s.verdict());
    assertEquals(2, s.edits().size());
  }

  @Test
  void appendedSourceIsValidJsonWithOrWithoutAMatch() {
    String with = SourceReports.appendSource("{\"a\": 1}", "source", "doc \"7\"", 0.5, 0.25);
    Map<String, Object> o = Json.parseObject(with);
    @SuppressWarnings("unchecked")
    Map<String, Object> src = (Map<String, Object>) o.get("source");
    assertEquals("doc \"7\"", src.get("id"));
    assertEquals(0.5, ((Number) src.get("coverage")).doubleValue());
    Map<String, Object> none = Json.parseObject(SourceReports.appendSource("{\"a\": 1}", "m", null, 0, 0));
    assertTrue(none.containsKey("m") && none.get("m") == null, none::toString);
    assertThrows(IllegalArgumentException.class, () -> SourceReports.appendSource("[1]", "m", null, 0, 0));
  }
}
