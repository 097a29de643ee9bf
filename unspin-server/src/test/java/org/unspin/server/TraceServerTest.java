package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.index.IndexOptions;
import org.unspin.index.SourceIndex;
import org.unspin.index.SourceIndexWriter;
import org.unspin.util.Json;

/** /api/trace and the report's trace over a small source index built in the test. */
class TraceServerTest {
  static final String SOURCE = "The central bank raised its key interest rate on Tuesday. The stock market fell "
      + "sharply in early trading after the decision.";
  static final String SPUN = "The central financial institution raised its key interest rate on Tuesday. The "
      + "inventory market fell sharply in early trading after the choice.";

  @Test
  void traceFindsTheSourceAndTheReportCarriesItsText(@TempDir Path dir) throws Exception {
    try (SourceIndexWriter w = SourceIndexWriter.create(dir, IndexOptions.defaults())) {
      w.add("rates-1", null, SOURCE);
      w.add("sport-1", null, "Liverpool drew with Arsenal at Anfield on Saturday evening in a dull match.");
      w.add("ice-1", null, "Antarctic ice shelves have retreated since 1990, satellite images show.");
    }
    HttpClient client = HttpClient.newHttpClient();
    try (SourceIndex index = SourceIndex.open(dir);
        UnspinServer s = UnspinServer.start(ServerConfig.defaults().withPort(0),
            Engines.create(SharedModels.unspin(), index))) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(s.uri().resolve("/api/trace"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"text\": " + Json.quote(SPUN) + ", \"top\": 2}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      List<?> matches = (List<?>) Json.parseObject(r.body()).get("matches");
      assertFalse(matches.isEmpty(), r.body());
      assertTrue(matches.size() <= 2, r.body());
      assertEquals("rates-1", ((Map<?, ?>) matches.get(0)).get("id"), r.body());

      HttpResponse<String> check = client.send(HttpRequest.newBuilder(s.uri().resolve("/api/check"))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(SPUN)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, check.statusCode(), check.body());
      Map<String, Object> checked = Json.parseObject(check.body());
      assertEquals("rates-1", ((Map<?, ?>) checked.get("source")).get("id"), check.body());
      assertEquals(SOURCE, checked.get("restored"), "restoration by the source's alignment: " + check.body());

      HttpResponse<String> restore = client.send(HttpRequest.newBuilder(s.uri().resolve("/api/restore"))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(SPUN)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, restore.statusCode(), restore.body());
      assertEquals(SOURCE, Json.parseObject(restore.body()).get("restored"), restore.body());

      HttpResponse<String> report = client.send(HttpRequest.newBuilder(s.uri().resolve("/api/report"))
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(SPUN)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, report.statusCode(), report.body());
      Map<String, Object> view = Json.parseObject(report.body());
      assertEquals(SOURCE, ((Map<?, ?>) view.get("sources")).get("rates-1"));
      assertFalse(((List<?>) ((Map<?, ?>) view.get("trace")).get("matches")).isEmpty());
      assertEquals(SOURCE, ((Map<?, ?>) view.get("check")).get("restored"));

      Map<String, Object> health = Json.parseObject(client.send(HttpRequest.newBuilder(s.uri().resolve("/api/health"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(Boolean.TRUE, health.get("trace"));
      assertEquals(3L, health.get("indexed_documents"));
    }
  }
}
