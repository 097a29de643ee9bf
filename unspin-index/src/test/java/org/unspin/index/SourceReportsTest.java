package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    return new SourceMatch("src-1", null, 0.7, 1.0, 0.9, List.of(), List.of(), aligned, SOURCE);
  }

  static final String ARTICLE = "The city council approved plans on Tuesday for a new tram line that will link the "
      + "northern suburbs with the central railway station. The project is expected to cost about 240 million pounds "
      + "and to take four years to build. Supporters said the line would cut traffic on the ring road and give "
      + "thousands of residents a faster route to work. Opponents warned that the construction would close several "
      + "streets for months and hurt small shops along the route. The council leader said the scheme had been "
      + "changed after a public consultation and that most businesses now backed it. Work on the first section is "
      + "due to begin in the spring, and the line should carry its first passengers in 2029.";

  /**
   * Any long English sentence finds a fifth of its words, the small ones above all, equal to words
   * of a long enough source somewhere along a path with gaps, so a text on another subject was
   * "covered" by an unrelated article and got its alignment as findings. A source must also
   * explain most of what the alignment passes over; a spun copy does (its changes are synonyms).
   */
  @Test
  void anUnrelatedArticleIsNoSourceButASpunCopyFindsIt(@TempDir Path dir) {
    try (SourceIndexWriter w = SourceIndexWriter.create(dir, IndexOptions.defaults())) {
      w.add("tram", null, ARTICLE);
    }
    String unrelated = "The club announced on Friday that its manager had signed a new contract that will keep him "
        + "at the stadium until the end of the decade. The board said the decision had been taken after a long "
        + "review of the team's results and of its plans for the coming seasons. Several players welcomed the "
        + "news, and the captain told reporters that the squad was united behind the coach. Fans had feared that "
        + "he would leave for a rival after the disappointing defeat in the spring.";
    String spun = "The metropolis council accepted plans on Tuesday for a brand new tram line that will join the "
        + "northern suburbs with the central railway station. The venture is anticipated to price about 240 million "
        + "pounds and to take four years to construct. Supporters stated the line would reduce traffic on the ring "
        + "road and give thousands of residents a quicker path to work. Opponents cautioned that the development "
        + "would shut several streets for months and damage small shops along the route.";
    try (SourceIndex index = SourceIndex.open(dir)) {
      assertNull(SourceReports.bestSource(index, unrelated, 0.5));
      SourceMatch m = SourceReports.bestSource(index, spun, 0.5);
      assertNotNull(m);
      assertEquals("tram", m.id());
    }
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
