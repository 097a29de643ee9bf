package org.unspin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.Verdict;
import org.unspin.detect.CheckReport;
import org.unspin.util.Json;

class HtmlReportTest {
  static CheckReport report(String text, String spun, String original) {
    int s = text.indexOf(spun);
    Edit e = new Edit(s, s + spun.length(), spun, original, 0.8);
    Finding f = new Finding(s, s + spun.length(), spun, original, 0.9, "KNOWN_TORTURED_PHRASE");
    String restored = text.substring(0, s) + original + text.substring(s + spun.length());
    return new CheckReport(text, 0.93, Verdict.SPUN, List.of(f), Map.of("KNOWN_TORTURED_PHRASE", 1),
        Map.of("changed_share", 0.1), restored, List.of(e));
  }

  static String embeddedData(String html) {
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"unspin-report-data\">(.*?)</script>",
        Pattern.DOTALL).matcher(html);
    assertTrue(m.find(), "no embedded data");
    return m.group(1);
  }

  @Test
  void embedsTheViewAsJsonThatParsesBackToTheSameData() {
    ReportView view = ReportView.of("news.txt", report("Big data was colossal information.", "colossal information",
        "big data"));
    String html = HtmlReport.render(view);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
    assertEquals(Json.parse(view.toJson()), Json.parse(embeddedData(html)));
  }

  @Test
  void textThatLooksLikeMarkupCannotEndTheDataScript() {
    String text = "x </script><script>alert(1)</script> <!-- colossal information";
    String html = HtmlReport.render(ReportView.of("<b>evil</b>", report(text, "colossal information", "big data")));
    String data = embeddedData(html);
    assertFalse(data.contains("<"), data);
    assertEquals(text, Json.parseObject(data).get("text"));
    assertFalse(html.contains("<b>evil</b>"), "title not escaped");
    assertTrue(html.contains("&lt;b&gt;evil&lt;/b&gt;"));
  }

  @Test
  void isSelfContainedAndForbidsTheNetwork() {
    String html = HtmlReport.render(ReportView.of("t", report("A colossal information set.", "colossal information",
        "big data")));
    for (String s : List.of("src=\"", "href=\"", "<link", "@import", "url(")) {
      assertFalse(html.contains(s), "external reference " + s);
    }
    assertTrue(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    assertTrue(html.contains(HtmlReport.asset("report.js").trim().substring(0, 60)), "script not inlined");
    assertFalse(html.contains("{{"), "placeholder left");
  }

  @Test
  void viewWithATraceCarriesItAndTheSources() {
    String trace = "{\"matches\":[{\"id\":\"doc-1\",\"score\":2.5,\"coverage\":0.9,\"passages\":[{\"start\":0,\"end\":5,"
        + "\"source_start\":0,\"source_end\":5}],\"substitutions\":[]}]}";
    ReportView v = new ReportView("t", report("A colossal information set.", "colossal information", "big data"),
        trace, Map.of("doc-1", "A big data set."));
    Map<String, Object> m = Json.parseObject(v.toJson());
    assertEquals(Json.parse(trace), m.get("trace"));
    assertEquals(Map.of("doc-1", "A big data set."), m.get("sources"));
  }

  @Test
  void rejectsATraceThatIsNotJson() {
    CheckReport r = report("A colossal information set.", "colossal information", "big data");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReportView("t", r, "{\"matches\": [", Map.of()));
    assertTrue(e.getMessage().startsWith("traceJson"), e.getMessage());
  }
}
