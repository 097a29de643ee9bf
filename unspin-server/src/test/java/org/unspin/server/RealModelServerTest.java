package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.unspin.api.Unspin;
import org.unspin.report.RestoreJson;
import org.unspin.util.Json;

/** The server over the embedded models answers exactly what the library (and so the CLI) computes. */
class RealModelServerTest {
  static final String SPUN = "Analysts said the choice was expected after colossal information showed inflation "
      + "running above the target. The central financial institution kept its rates.";

  @Test
  void checkAndRestoreEqualTheLibraryAnswersUnderConcurrentLoad() throws Exception {
    Unspin unspin = SharedModels.unspin();
    String expectedCheck = unspin.check(SPUN).toJson();
    String expectedRestore = RestoreJson.of(unspin.restore(SPUN));
    HttpClient client = HttpClient.newHttpClient();
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(64 * 1024, Duration.ofSeconds(60), 2, 32);
    try (UnspinServer s = UnspinServer.start(config, Engine.of(unspin))) {
      List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String path = i % 2 == 0 ? "/api/check" : "/api/restore";
        checks.add(client.sendAsync(HttpRequest.newBuilder(s.uri().resolve(path)).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(SPUN)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < checks.size(); i++) {
        HttpResponse<String> r = checks.get(i).get();
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(i % 2 == 0 ? expectedCheck : expectedRestore, r.body());
      }
      Map<String, Object> check = Json.parseObject(expectedCheck);
      assertTrue(((List<?>) check.get("findings")).size() > 0, "the spun text has no findings: " + expectedCheck);
    }
  }
}
