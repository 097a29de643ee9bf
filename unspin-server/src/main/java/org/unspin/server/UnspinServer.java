package org.unspin.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.InputException;
import org.unspin.records.EnglishGuess;
import org.unspin.detect.CheckReport;
import org.unspin.index.SourceReports;
import org.unspin.report.HtmlReport;
import org.unspin.report.ReportView;
import org.unspin.report.RestoreJson;
import org.unspin.report.SourceOffsets;
import org.unspin.util.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API under {@code /api/} and the web page at {@code /}.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><td>POST /api/check</td><td>{@link CheckReport#toJson()}, as {@code unspin check --json}</td></tr>
 *   <tr><td>POST /api/restore</td><td>{@link RestoreJson}</td></tr>
 *   <tr><td>POST /api/trace</td><td>the trace JSON (404 without a source index)</td></tr>
 *   <tr><td>POST /api/report</td><td>{@link ReportView#toJson()}: what the page renders</td></tr>
 *   <tr><td>GET /api/health</td><td>status, limits, load counters</td></tr>
 *   <tr><td>GET /api/openapi.json</td><td>the OpenAPI 3 description of all this</td></tr>
 *   <tr><td>GET /, /assets/*</td><td>the page and its scripts and styles</td></tr>
 * </table>
 *
 * <p>Created once from a {@link ServerConfig} and an {@link Engine}, then frozen. Errors are one
 * JSON object {@code {"error": "...", "status": N}}; internal failures are logged and answered
 * with a generic 500, never a stack trace. CORS headers are sent only to the configured origins.
 * Thread-safe.
 */
public final class UnspinServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UnspinServer.class);
  private static final String JSON = "application/json; charset=utf-8";
  private static final String ERROR_SENT = "unspin.errorSent";
  private static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
      + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /** One route the server answers, as described in the OpenAPI file. */
  public record Route(String method, String path) {
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
    }
  }

  private final ServerConfig config;
  private final Engine engine;
  private final WorkerPool pool;
  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, Asset> assets;
  private final byte[] openApi;
  private final long startedMillis = System.currentTimeMillis();

  private record Asset(byte[] bytes, String contentType) {}

  private UnspinServer(ServerConfig config, Engine engine) {
    this.config = Objects.requireNonNull(config, "config");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.assets = loadAssets();
    this.openApi = resource("/org/unspin/server/openapi.json");
    this.pool = new WorkerPool(config.threads(), config.queue(), config.timeout());
    Javalin created;
    try {
      created = Javalin.create(this::configure);
      created.start(config.host(), config.port());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    this.app = created;
    LOG.info("unspin server on {} ({} workers, queue {}, body limit {} bytes, time limit {} ms)", uri(),
        config.threads(), config.queue(), config.maxBytes(), config.timeout().toMillis());
  }

  /**
   * Starts a server; it listens when this returns.
   *
   * @throws RuntimeException when the port cannot be bound
   */
  public static UnspinServer start(ServerConfig config, Engine engine) {
    return new UnspinServer(config, engine);
  }

  /** The port listened on (the chosen one when the config said 0). */
  public int port() {
    return app.port();
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /** Every route registered, in registration order. */
  public List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }

  public WorkerPool pool() {
    return pool;
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      pool.close();
    }
  }

  private void configure(JavalinConfig c) {
    c.jetty.host = config.host();
    c.jetty.port = config.port();
    c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.http.prefer405over404 = true;
    // We read bodies ourselves with our own limit; this only has to be no smaller.
    c.http.maxRequestSize = Math.max(c.http.maxRequestSize, config.maxBytes() + 1L);
    c.routes.before(this::commonHeaders);
    post(c, "/api/check", this::check);
    post(c, "/api/restore", this::restore);
    post(c, "/api/trace", this::trace);
    post(c, "/api/report", this::report);
    get(c, "/api/health", this::health);
    get(c, "/api/openapi.json", ctx -> ctx.status(200).contentType(JSON).result(openApi));
    get(c, "/", ctx -> serveAsset(ctx, "index.html"));
    get(c, "/assets/{name}", ctx -> serveAsset(ctx, ctx.pathParam("name")));
    if (!config.corsOrigins().isEmpty()) {
      c.routes.options("/api/*", ctx -> ctx.status(204));
    }
    c.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.retryAfterSeconds()));
    c.routes.exception(InputException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), null));
    c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), httpMessage(e), null));
    c.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal error; the server log has the details", null);
    });
    c.routes.error(404, ctx -> {
      if (ctx.attribute(ERROR_SENT) == null) {
        error(ctx, 404, "no such resource: " + ctx.method() + " " + ctx.path(), null);
      }
    });
    c.routes.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path(), null));
  }

  private void get(JavalinConfig c, String path, Handler h) {
    c.routes.get(path, h);
    routes.add(new Route("GET", path));
  }

  private void post(JavalinConfig c, String path, Handler h) {
    c.routes.post(path, h);
    routes.add(new Route("POST", path));
  }

  private void commonHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
      String origin = ctx.header("Origin");
      if (origin != null && config.corsOrigins().contains(origin)) {
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
      }
    }
  }

  // ---- API handlers ----

  private void check(Context ctx) {
    RequestText in = requireEnglish(readText(ctx));
    Engine.Checked checked = pool.run(() -> engine.checkWithSource(in.text().text()));
    String json = SourceOffsets.toSource(checked.report(), in.text()).toJson();
    json(ctx, engine.canTrace() ? withSource(json, checked.source()) : json);
  }

  private void restore(Context ctx) {
    RequestText in = requireEnglish(readText(ctx));
    json(ctx, RestoreJson.of(pool.run(() -> engine.restore(in.text().text()))));
  }

  private void trace(Context ctx) {
    if (!engine.canTrace()) {
      throw new ApiException(404, "no source index configured: start the server with --index DIR");
    }
    RequestText in = readText(ctx);
    json(ctx, pool.run(() -> engine.trace(in.text().text(), in.top())).json());
  }

  /** Check (and trace, with an index) of the extracted text, as the page's renderer wants it. */
  private void report(Context ctx) {
    RequestText in = requireEnglish(readText(ctx));
    String text = in.text().text();
    ReportView view = pool.run(() -> {
      CheckReport r = engine.checkWithSource(text).report();
      if (!engine.canTrace()) {
        return ReportView.of(in.html() ? "HTML page" : "text", r);
      }
      Engine.Trace trace = engine.trace(text, in.top());
      return new ReportView(in.html() ? "HTML page" : "text", r, trace.json(), trace.sources());
    });
    json(ctx, view.toJson());
  }

  private void health(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ok");
    String v = UnspinServer.class.getPackage().getImplementationVersion();
    m.put("version", v == null ? "development build" : v);
    m.put("uptime_seconds", (System.currentTimeMillis() - startedMillis) / 1000);
    m.put("trace", engine.canTrace());
    if (engine.canTrace()) {
      m.put("indexed_documents", engine.indexedDocuments());
    }
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("max_bytes", config.maxBytes());
    limits.put("timeout_ms", config.timeout().toMillis());
    limits.put("threads", config.threads());
    limits.put("queue", config.queue());
    m.put("limits", limits);
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("active", pool.active());
    load.put("queued", pool.queued());
    load.put("completed", pool.completed());
    load.put("rejected", pool.rejected());
    load.put("timed_out", pool.timedOut());
    m.put("load", load);
    json(ctx, Json.write(m));
  }

  /**
   * The check JSON with {@code "source": {"id", "coverage", "score"}} or {@code null} added last, as
   * {@code unspin check --index DIR --json} prints it.
   */
  static String withSource(String checkJson, Engine.Source source) {
    return source == null ? SourceReports.appendSource(checkJson, "source", null, 0, 0)
        : SourceReports.appendSource(checkJson, "source", source.id(), source.coverage(), source.score());
  }

  /**
   * 422 for a text that does not look like English ({@link EnglishGuess}, as the CLI without
   * {@code --all-languages}): the models are English and would turn it into nonsense.
   */
  private static RequestText requireEnglish(RequestText in) {
    String why = EnglishGuess.problem(in.text().text());
    if (why != null) {
      throw new ApiException(422, "the text is " + why + "; Unspin's models are English");
    }
    return in;
  }

  /** Reads the body within the limit and decodes it; 413 past the limit. */
  private RequestText readText(Context ctx) {
    pool.admitOrThrow();
    long declared = ctx.req().getContentLengthLong();
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > config.maxBytes()) {
        throw tooLarge(ctx, in, declared);
      }
      body = in.readNBytes(config.maxBytes() + 1);
      if (body.length > config.maxBytes()) {
        throw tooLarge(ctx, in, -1);
      }
    } catch (IOException e) {
      throw new ApiException(400, "cannot read the request body: " + e.getMessage());
    }
    try {
      return RequestText.parse(body, ctx.header("Content-Type"));
    } catch (InputException e) {
      throw new ApiException(400, e.getMessage());
    }
  }

  /**
   * The 413 for a body over the limit. The rest of the body is read and dropped first (up to
   * {@link #drainLimit()} bytes), because a server that closes a connection with unread bytes makes
   * TCP reset it and the client may never see the answer; bigger bodies are cut off.
   */
  private ApiException tooLarge(Context ctx, InputStream in, long declared) throws IOException {
    long drained = 0;
    byte[] buf = new byte[8192];
    int n;
    while (drained <= drainLimit() && (n = in.read(buf)) > 0) {
      drained += n;
    }
    ctx.header("Connection", "close");
    return tooLarge(declared);
  }

  private long drainLimit() {
    return Math.max(4L << 20, 4L * config.maxBytes());
  }

  private ApiException tooLarge(long declared) {
    return new ApiException(413, "request body " + (declared >= 0 ? "of " + declared + " bytes " : "")
        + "is larger than the limit of " + config.maxBytes() + " bytes");
  }

  // ---- responses ----

  private static void json(Context ctx, String body) {
    ctx.status(200).contentType(JSON).result(body.getBytes(StandardCharsets.UTF_8));
  }

  private static void error(Context ctx, int status, String message, String retryAfter) {
    ctx.attribute(ERROR_SENT, Boolean.TRUE);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    m.put("status", status);
    if (retryAfter != null) {
      ctx.header("Retry-After", retryAfter);
    }
    ctx.status(status).contentType(JSON).result(Json.write(m).getBytes(StandardCharsets.UTF_8));
  }

  private static String httpMessage(HttpResponseException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "HTTP " + e.getStatus() : m.toLowerCase(Locale.ROOT);
  }

  private void serveAsset(Context ctx, String name) {
    Asset a = assets.get(name);
    if (a == null) {
      throw new ApiException(404, "no such asset: " + name);
    }
    if (name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", PAGE_CSP);
      ctx.header("X-Frame-Options", "DENY");
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.status(200).contentType(a.contentType()).result(a.bytes());
  }

  private static Map<String, Asset> loadAssets() {
    Map<String, Asset> m = new LinkedHashMap<>();
    m.put("index.html", new Asset(resource("/org/unspin/server/web/index.html"), "text/html; charset=utf-8"));
    m.put("app.js", new Asset(resource("/org/unspin/server/web/app.js"), "text/javascript; charset=utf-8"));
    m.put("app.css", new Asset(resource("/org/unspin/server/web/app.css"), "text/css; charset=utf-8"));
    m.put("report.js", new Asset(HtmlReport.asset("report.js").getBytes(StandardCharsets.UTF_8),
        "text/javascript; charset=utf-8"));
    m.put("report.css", new Asset(HtmlReport.asset("report.css").getBytes(StandardCharsets.UTF_8),
        "text/css; charset=utf-8"));
    return Collections.unmodifiableMap(m);
  }

  private static byte[] resource(String path) {
    try (InputStream in = UnspinServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource classpath:" + path + " in this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("classpath:" + path + ": cannot read: " + e.getMessage(), e);
    }
  }
}
