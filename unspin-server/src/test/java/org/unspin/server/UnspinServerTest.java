package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.util.Json;

class UnspinServerTest {
  static final String SPUN = "The financial institution raised rates as the inventory market fell.";
  static final int MAX_BYTES = 4096;

  static UnspinServer server;
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(MAX_BYTES, Duration.ofSeconds(10), 2, 4);
    server = UnspinServer.start(config, new PhraseEngine());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Asserts a JSON error object with this status and no trace of Java internals. */
  static Map<String, Object> assertJsonError(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
    Map<String, Object> m = Json.parseObject(r.body());
    assertEquals((long) status, m.get("status"), r.body());
    assertTrue(m.get("error") instanceof String s && !s.isBlank(), r.body());
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("org.unspin."),
        "leaks internals: " + r.body());
    return m;
  }

  @Test
  void checkAnswersTheCliJsonForPlainText() throws Exception {
    HttpResponse<String> r = post("/api/check", "text/plain; charset=utf-8", SPUN);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(new PhraseEngine().check(SPUN).toJson(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void checkAcceptsJsonWithTheSameAnswer() throws Exception {
    HttpResponse<String> r = post("/api/check", "application/json", "{\"text\": " + Json.quote(SPUN) + "}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(new PhraseEngine().check(SPUN).toJson(), r.body());
  }

  @Test
  void checkOfHtmlPointsIntoTheHtmlSource() throws Exception {
    String html = "<html><body><p>The <b>financial institution</b> &amp; the inventory market.</p></body></html>";
    HttpResponse<String> r = post("/api/check", "text/html", html);
    assertEquals(200, r.statusCode(), r.body());
    List<?> findings = (List<?>) Json.parseObject(r.body()).get("findings");
    assertEquals(2, findings.size(), r.body());
    for (Object o : findings) {
      Map<?, ?> f = (Map<?, ?>) o;
      int start = ((Long) f.get("start")).intValue();
      int end = ((Long) f.get("end")).intValue();
      assertEquals(html.substring(start, end), f.get("text"), r.body());
    }
  }

  @Test
  void restoreAnswersRestoredTextAndEdits() throws Exception {
    HttpResponse<String> r = post("/api/restore", "text/plain", SPUN);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> m = Json.parseObject(r.body());
    assertEquals("The bank raised rates as the stock market fell.", m.get("restored"));
    assertEquals(2, ((List<?>) m.get("edits")).size());
  }

  @Test
  void reportGivesTheViewThePageRenders() throws Exception {
    String html = "<html><body><p>The financial institution is closed.</p></body></html>";
    HttpResponse<String> r = post("/api/report", "application/json",
        "{\"text\": " + Json.quote(html) + ", \"html\": true}");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> m = Json.parseObject(r.body());
    String text = (String) m.get("text");
    assertFalse(text.contains("<p>"), text);
    Map<?, ?> f = (Map<?, ?>) ((List<?>) ((Map<?, ?>) m.get("check")).get("findings")).get(0);
    assertEquals("financial institution",
        text.substring(((Long) f.get("start")).intValue(), ((Long) f.get("end")).intValue()));
    assertNull(m.get("trace"));
  }

  @Test
  void traceWithoutAnIndexIsA404ThatSaysWhy() throws Exception {
    Map<String, Object> m = assertJsonError(post("/api/trace", "text/plain", SPUN), 404);
    assertTrue(((String) m.get("error")).contains("--index"), m.toString());
  }

  @Test
  void healthReportsLimitsAndLoad() throws Exception {
    HttpResponse<String> r = get("/api/health");
    assertEquals(200, r.statusCode());
    Map<String, Object> m = Json.parseObject(r.body());
    assertEquals("ok", m.get("status"));
    assertEquals((long) MAX_BYTES, ((Map<?, ?>) m.get("limits")).get("max_bytes"));
    assertEquals(Boolean.FALSE, m.get("trace"));
  }

  @Test
  void oversizeBodyIs413WithContentLength() throws Exception {
    byte[] big = "word ".repeat(MAX_BYTES).getBytes(StandardCharsets.US_ASCII);
    Map<String, Object> m = assertJsonError(post("/api/check", "text/plain", big), 413);
    assertTrue(((String) m.get("error")).contains(String.valueOf(MAX_BYTES)), m.toString());
  }

  @Test
  void oversizeChunkedBodyIs413() throws Exception {
    byte[] big = "word ".repeat(MAX_BYTES).getBytes(StandardCharsets.US_ASCII);
    HttpRequest req = HttpRequest.newBuilder(server.uri().resolve("/api/check")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
    assertJsonError(CLIENT.send(req, HttpResponse.BodyHandlers.ofString()), 413);
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws Exception {
    String text = "x".repeat(MAX_BYTES - 1) + ".";
    assertEquals(200, post("/api/check", "text/plain", text).statusCode());
  }

  @Test
  void emptyAndBlankBodiesAre400() throws Exception {
    assertJsonError(post("/api/check", "text/plain", ""), 400);
    assertJsonError(post("/api/check", "text/plain", "  \n\t "), 400);
    assertJsonError(post("/api/check", "application/json", "{\"text\": \"   \"}"), 400);
  }

  @Test
  void binaryAndInvalidUtf8Are400() throws Exception {
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4};
    assertJsonError(post("/api/check", "text/plain", gzip), 400);
    byte[] nul = "abc\0def".getBytes(StandardCharsets.US_ASCII);
    assertJsonError(post("/api/check", "text/plain", nul), 400);
    byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Object> m = assertJsonError(post("/api/check", "text/plain", latin1), 400);
    assertTrue(((String) m.get("error")).contains("UTF-8"), m.toString());
  }

  @Test
  void aTextThatIsNotEnglishIs422ThatSaysWhy() throws Exception {
    String german = "Die Regierung hat am Dienstag beschlossen, dass die Steuern im kommenden Jahr nicht erhöht werden, und der Minister sagte, dass die Wirtschaft trotz der schwierigen Lage in Europa wachsen werde und die Arbeitslosigkeit sinke.";
    for (String path : new String[] {"/api/check", "/api/restore", "/api/report"}) {
      Map<String, Object> m = assertJsonError(post(path, "text/plain", german), 422);
      assertTrue(String.valueOf(m.get("error")).contains("not English"), m::toString);
    }
  }

  @Test
  void malformedJsonIs400WithThePosition() throws Exception {
    Map<String, Object> m = assertJsonError(post("/api/check", "application/json", "{\"text\": \"abc\""), 400);
    assertTrue(((String) m.get("error")).startsWith("malformed JSON"), m.toString());
    assertJsonError(post("/api/check", "application/json", "[\"text\"]"), 400);
    assertJsonError(post("/api/check", "application/json", "{\"text\": 42}"), 400);
    assertJsonError(post("/api/check", "application/json", "{\"txt\": \"a spun text\"}"), 400);
    assertJsonError(post("/api/check", "application/json", "{\"text\": \"a\", \"top\": 0}"), 400);
    assertJsonError(post("/api/check", "application/json", "{\"text\": \"a\", \"html\": \"yes\"}"), 400);
  }

  @Test
  void otherMediaTypesAre415() throws Exception {
    assertJsonError(post("/api/check", "application/pdf", "%PDF-1.4"), 415);
    assertJsonError(post("/api/check", "text/plain; charset=x-no-such-charset", "cafe"), 415);
    // JSON is UTF-8 (RFC 8259)
    assertJsonError(post("/api/check", "application/json; charset=iso-8859-1", "{\"text\": \"cafe\"}"), 415);
  }

  @Test
  void aTextBodyInAnotherCharsetIsReadInIt() throws Exception {
    String text = "The caf\u00e9 on the corner raised its prices, and the regulars said the coffee was no better.";
    HttpResponse<String> r = post("/api/restore", "text/plain; charset=ISO-8859-1",
        text.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("caf\u00e9 on the corner"), r.body());
    // bytes that are not that charset either: 400 naming it (0x81 is unassigned in windows-1252)
    byte[] bad = "caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
    bad[3] = (byte) 0x81;
    Map<String, Object> e = assertJsonError(post("/api/check", "text/plain; charset=windows-1252", bad), 400);
    assertTrue(String.valueOf(e.get("error")).contains("invalid windows-1252 at byte offset 3"), e.toString());
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() throws Exception {
    assertJsonError(get("/api/nothing-here"), 404);
    assertJsonError(get("/assets/nothing.js"), 404);
    assertJsonError(get("/assets/../../etc/passwd"), 400); // refused by Jetty as an ambiguous path
    assertJsonError(get("/api/check"), 405);
  }

  @Test
  void corsIsOffByDefault() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(server.uri().resolve("/api/check")).header("Origin", "https://evil.example")
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(SPUN)).build();
    HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), r.headers().toString());
  }

  @Test
  void corsAnswersOnlyTheConfiguredOrigin() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withCorsOrigins(List.of("https://app.example"));
    try (UnspinServer s = UnspinServer.start(config, new PhraseEngine())) {
      HttpRequest ok = HttpRequest.newBuilder(s.uri().resolve("/api/check")).header("Origin", "https://app.example")
          .header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> r = CLIENT.send(ok, HttpResponse.BodyHandlers.ofString());
      assertEquals(204, r.statusCode());
      assertEquals("https://app.example", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      HttpRequest other = HttpRequest.newBuilder(s.uri().resolve("/api/health")).header("Origin", "https://evil.example")
          .GET().build();
      assertTrue(CLIENT.send(other, HttpResponse.BodyHandlers.ofString()).headers()
          .firstValue("Access-Control-Allow-Origin").isEmpty());
    }
  }

  @Test
  void bindsToLoopbackByDefault() {
    assertEquals("127.0.0.1", ServerConfig.defaults().host());
    assertEquals("127.0.0.1", server.uri().getHost());
  }

  @Test
  void pageAndAssetsAreServedWithoutExternalReferences() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    for (String asset : List.of("report.js", "report.css", "app.js", "app.css")) {
      HttpResponse<String> r = get("/assets/" + asset);
      assertEquals(200, r.statusCode(), asset);
      assertTrue(page.body().contains("/assets/" + asset), asset + " not linked from the page");
    }
    for (String s : List.of("src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import")) {
      assertFalse(page.body().contains(s), "external reference " + s);
    }
  }

  @Test
  void serverStillAnswersAfterAMalformedRequest() throws Exception {
    assertJsonError(post("/api/check", "application/json", "{{{"), 400);
    assertEquals(200, post("/api/check", "text/plain", SPUN).statusCode());
  }

  @Test
  void engineFailureIsAGeneric500AndBadInputFromTheEngineA400() throws Exception {
    Engine failing = new Engine() {
      @Override
      public org.unspin.detect.CheckReport check(String text) {
        if (text.contains("input")) {
          throw new org.unspin.api.InputException("request: text has no words");
        }
        throw new IllegalStateException("secret internal detail at org.unspin.Foo");
      }

      @Override
      public org.unspin.restore.RestoredText restore(String text) {
        throw new IllegalStateException("not used");
      }
    };
    try (UnspinServer s = UnspinServer.start(ServerConfig.defaults().withPort(0), failing)) {
      HttpRequest req = HttpRequest.newBuilder(s.uri().resolve("/api/check")).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("boom")).build();
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
      Map<String, Object> m = assertJsonError(r, 500);
      assertFalse(r.body().contains("secret"), r.body());
      assertTrue(((String) m.get("error")).contains("internal error"), r.body());
      HttpRequest bad = HttpRequest.newBuilder(s.uri().resolve("/api/check")).header("Content-Type", "text/plain")
          .POST(HttpRequest.BodyPublishers.ofString("bad input")).build();
      assertJsonError(CLIENT.send(bad, HttpResponse.BodyHandlers.ofString()), 400);
      HttpRequest ok = HttpRequest.newBuilder(s.uri().resolve("/api/health")).GET().build();
      assertEquals(200, CLIENT.send(ok, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }

  static URI base() {
    return server.uri();
  }
}
