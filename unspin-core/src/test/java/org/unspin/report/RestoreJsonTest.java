package org.unspin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.restore.RestoredText;
import org.unspin.util.Json;

class RestoreJsonTest {
  @Test
  void writesRestoredTextEditsAndScores() {
    String in = "A colossal information set.";
    Edit e = new Edit(2, 22, "colossal information", "big data", 0.75);
    RestoredText r = new RestoredText(in, "A big data set.", List.of(), List.of(e), new float[0], -12.5, -9.25, -9.25);
    Map<String, Object> m = Json.parseObject(RestoreJson.of(r));
    assertEquals("A big data set.", m.get("restored"));
    assertEquals(List.of(Map.of("start", 2L, "end", 22L, "text", "colossal information", "suggestion", "big data",
        "confidence", 0.75)), m.get("edits"));
    assertEquals(-12.5, m.get("input_log10_prob"));
    assertEquals(-9.25, m.get("restored_log10_prob"));
  }

  @Test
  void nonFiniteScoresBecomeNull() {
    RestoredText r = new RestoredText("x", "x", List.of(), List.of(), new float[0], Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
    Map<String, Object> m = Json.parseObject(RestoreJson.of(r));
    assertNull(m.get("input_log10_prob"));
    assertNull(m.get("restored_log10_prob"));
  }
}
