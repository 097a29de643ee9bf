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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.unspin.util.Json;

/** Load shedding: a full pool answers 429, a slow request 503, and the server keeps answering. */
class OverloadTest {
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static CompletableFuture<HttpResponse<String>> postAsync(UnspinServer s, String text) {
    HttpRequest req = HttpRequest.newBuilder(s.uri().resolve("/api/check")).header("Content-Type", "text/plain")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(text)).build();
    return CLIENT.sendAsync(req, HttpResponse.BodyHandlers.ofString());
  }

  static void awaitStarted(PhraseEngine engine, int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (engine.started.get() < n && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(n, engine.started.get(), "tasks started");
  }

  @Test
  void fullPoolAnswers429AndServesAgainAfterwards() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    PhraseEngine engine = new PhraseEngine(gate);
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(4096, Duration.ofSeconds(20), 1, 1);
    try (UnspinServer s = UnspinServer.start(config, engine)) {
      CompletableFuture<HttpResponse<String>> running = postAsync(s, "the financial institution one");
      awaitStarted(engine, 1);
      CompletableFuture<HttpResponse<String>> queued = postAsync(s, "the financial institution two");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (s.pool().queued() < 1 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      List<HttpResponse<String>> shed = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        shed.add(postAsync(s, "the financial institution " + i).get(10, TimeUnit.SECONDS));
      }
      for (HttpResponse<String> r : shed) {
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
        assertEquals(429L, Json.parseObject(r.body()).get("status"));
      }
      gate.countDown();
      assertEquals(200, running.get(10, TimeUnit.SECONDS).statusCode());
      assertEquals(200, queued.get(10, TimeUnit.SECONDS).statusCode());
      HttpResponse<String> after = postAsync(s, "the inventory market after").get(10, TimeUnit.SECONDS);
      assertEquals(200, after.statusCode(), after.body());
      assertEquals(5, s.pool().rejected());
      Map<String, Object> health = Json.parseObject(CLIENT.send(HttpRequest.newBuilder(s.uri().resolve("/api/health"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(5L, ((Map<?, ?>) health.get("load")).get("rejected"));
    }
  }

  @Test
  void requestOverTheTimeLimitIs503AndTheWorkerIsFreedForTheNext() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    PhraseEngine engine = new PhraseEngine(gate);
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(4096, Duration.ofMillis(300), 1, 2);
    try (UnspinServer s = UnspinServer.start(config, engine)) {
      HttpResponse<String> slow = postAsync(s, "a slow financial institution").get(10, TimeUnit.SECONDS);
      assertEquals(503, slow.statusCode(), slow.body());
      assertTrue(Json.parseObject(slow.body()).get("error").toString().contains("300 ms"), slow.body());
      // The worker was interrupted: PhraseEngine's wait ends on interrupt, so the next request runs.
      gate.countDown();
      HttpResponse<String> next = postAsync(s, "a quick financial institution").get(10, TimeUnit.SECONDS);
      assertEquals(200, next.statusCode(), next.body());
      assertEquals(1, s.pool().timedOut());
    }
  }

  @Test
  void queuedRequestPastItsDeadlineNeverRuns() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    PhraseEngine engine = new PhraseEngine(gate, false);
    ServerConfig config = ServerConfig.defaults().withPort(0).withLimits(4096, Duration.ofMillis(400), 1, 4);
    try (UnspinServer s = UnspinServer.start(config, engine)) {
      CompletableFuture<HttpResponse<String>> first = postAsync(s, "first financial institution");
      awaitStarted(engine, 1);
      CompletableFuture<HttpResponse<String>> second = postAsync(s, "second financial institution");
      assertEquals(503, first.get(10, TimeUnit.SECONDS).statusCode());
      assertEquals(503, second.get(10, TimeUnit.SECONDS).statusCode());
      gate.countDown();
      assertEquals(200, postAsync(s, "third").get(10, TimeUnit.SECONDS).statusCode());
      // first ran to its end after its 503 (it ignores interrupts, as the core does), second was
      // dropped from the queue unrun, third ran.
      assertEquals(2, engine.started.get());
    }
  }
}
