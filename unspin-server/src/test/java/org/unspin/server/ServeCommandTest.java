package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unspin.util.Json;

class ServeCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ServeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new ServeCommand());
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheLimitsAndExitsZero() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String o : new String[] {"--port", "--host", "--index", "--max-bytes", "--timeout", "--threads", "--queue",
        "--cors"}) {
      assertTrue(r.out().contains(o), o + " missing from help: " + r.out());
    }
  }

  @Test
  void badLimitsAreUsageErrorsWithOneLine() {
    Result r = run("--timeout", "0");
    assertEquals(ServeCommand.EXIT_USAGE, r.code());
    assertTrue(r.err().startsWith("unspin: --timeout must be in (0, 3600]"), r.err());
    r = run("--threads", "0");
    assertEquals(ServeCommand.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("threads must be >= 1 (got 0)"), r.err());
    r = run("--cors", "*");
    assertEquals(ServeCommand.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("CORS origin"), r.err());
    r = run("--port", "70000");
    assertEquals(ServeCommand.EXIT_USAGE, r.code());
  }

  @Test
  void servesUntilStoppedAndExitsZero() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    StringWriter err = new StringWriter();
    ServeCommand command = new ServeCommand(stop);
    CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> ServeCommand.run(
        new String[] {"--port", "0", "--threads", "1", "--queue", "2"}, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), command));
    Pattern serving = Pattern.compile("serving on (http://127\\.0\\.0\\.1:\\d+/)");
    String url = null;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (url == null && System.nanoTime() < end && !code.isDone()) {
      Matcher m = serving.matcher(err.toString());
      if (m.find()) {
        url = m.group(1);
      } else {
        Thread.sleep(20);
      }
    }
    assertNotNull(url, "no 'serving on' line: " + err);
    URI base = URI.create(url);
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/health"))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertEquals(1L, ((java.util.Map<?, ?>) Json.parseObject(health.body()).get("limits")).get("threads"));
    stop.countDown();
    assertEquals(0, code.get(30, TimeUnit.SECONDS), err.toString());
  }

  @Test
  void missingIndexIsAOneLineFailure() {
    Result r = run("--port", "0", "--index", "/nonexistent/index");
    assertEquals(ServeCommand.EXIT_FAILURE, r.code(), r.err());
    assertTrue(r.err().startsWith("unspin: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
