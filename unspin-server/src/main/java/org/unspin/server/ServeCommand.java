package org.unspin.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.unspin.api.InputException;
import org.unspin.api.ModelException;
import org.unspin.api.Unspin;
import org.unspin.api.UnspinException;
import org.unspin.index.SourceIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unspin serve}: the HTTP API and the web page. Loads the models once, then serves until
 * stopped (Ctrl-C). Exit codes as the CLI's: 0 stopped cleanly, 1 failure (port taken, broken
 * model), 2 bad usage.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = ServeCommand.Version.class,
    description = {"Serve the JSON API (POST /api/check, /api/restore, /api/trace with --index; GET /api/health, "
        + "/api/openapi.json) and the web page at / on one port.",
        "Binds to 127.0.0.1 unless --host says otherwise. Requests past the limits get 413 (too large), "
            + "429 (workers and queue full) or 503 (over the time limit), always as JSON."})
public final class ServeCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  @Option(names = "--port", paramLabel = "N", description = "TCP port (0: any free port; default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(names = "--host", paramLabel = "H",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 listens on every interface).")
  String host = "127.0.0.1";

  @Option(names = "--index", paramLabel = "DIR", description = "A source index (from 'unspin index build') for /api/trace.")
  Path index;

  @Option(names = "--max-bytes", paramLabel = "N",
      description = "Largest request body in bytes (default: ${DEFAULT-VALUE}); larger ones get 413.")
  int maxBytes = ServerConfig.DEFAULT_MAX_BYTES;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Time limit of one request, queue wait included (default: ${DEFAULT-VALUE}); then 503.")
  double timeoutSeconds = ServerConfig.DEFAULT_TIMEOUT.toMillis() / 1000.0;

  @Option(names = "--threads", paramLabel = "N", description = "Workers for check/restore/trace (default: cores).")
  Integer threads;

  @Option(names = "--queue", paramLabel = "N",
      description = "Requests that may wait for a worker (default: ${DEFAULT-VALUE}); one more gets 429.")
  int queue = ServerConfig.DEFAULT_QUEUE;

  @Option(names = "--cors", paramLabel = "ORIGIN",
      description = "Allow browser pages from this origin (e.g. https://example.org) to call the API; repeatable. "
          + "Default: CORS off.")
  List<String> cors = new ArrayList<>();

  @Option(names = "--lm", paramLabel = "FILE",
      description = "A binary language model, interpolated with the default; repeatable.")
  List<Path> lms = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "FILE", description = "A spinner profile (TSV); repeatable.")
  List<Path> profiles = new ArrayList<>();

  @Option(names = "--profile-gate", paramLabel = "P",
      description = "Give the --profile files only to texts the detector finds at least P likely spun without"
          + " them (default: every text).")
  Double profileGate;

  @Option(names = "--fingerprints", paramLabel = "CSV",
      description = "A tortured-phrase list in the Problematic Paper Screener's CSV format (e.g. a newer export)"
          + " instead of the shipped one.")
  Path fingerprints;

  @Option(names = "--threshold", paramLabel = "P",
      description = "Spun probability from which the verdict is 'spun' (default: the detector's).")
  Double threshold;

  @Option(names = "--verbose", description = "Log each start-up step and print stack traces with errors.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stop;

  /** A command that serves until the JVM stops. */
  public ServeCommand() {
    this(new CountDownLatch(1));
  }

  /** A command that serves until {@code stop} is released (tests). */
  ServeCommand(CountDownLatch stop) {
    this.stop = stop;
  }

  /** The server configuration these options describe. */
  ServerConfig serverConfig() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--timeout must be in (0, 3600] seconds (got " + timeoutSeconds + ")");
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    try {
      return new ServerConfig(host, port, maxBytes, Duration.ofMillis(Math.round(timeoutSeconds * 1000)), t, queue,
          cors);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config = serverConfig();
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threshold must be in (0, 1) (got " + threshold + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    // A server runs long: the n-gram hash index pays for its heap and its second of start-up.
    Unspin.Builder b = Unspin.builder().lmHashIndex(true).preloadDetector(true);
    lms.forEach(b::languageModel);
    profiles.forEach(b::profile);
    if (profileGate != null) {
      if (!(profileGate > 0 && profileGate <= 1)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--profile-gate must be in (0, 1] (got " + profileGate + ")");
      }
      b.profileGate(profileGate);
    }
    if (fingerprints != null) {
      b.fingerprintList(org.unspin.channel.fingerprint.FingerprintList.load(fingerprints));
    }
    if (threshold != null) {
      b.spunThreshold(threshold);
    }
    SourceIndex idx = index == null ? null : SourceIndex.open(index);
    try {
      if (idx != null) {
        idx.domainLm().ifPresent(b::languageModel);
      }
      try (Unspin unspin = b.build()) {
        unspin.detector(); // load everything now, not on the first request
        Engine engine = Engines.create(unspin, idx);
        try (UnspinServer server = UnspinServer.start(config, engine)) {
          err.printf(java.util.Locale.ROOT, "unspin: serving on %s (models loaded in %.1f s%s; Ctrl-C stops)%n",
              server.uri(), (System.nanoTime() - t0) / 1e9,
              idx == null ? "" : ", " + idx.documentCount() + " indexed documents");
          err.flush();
          Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "unspin-serve-stop"));
          stop.await();
        }
      }
    } finally {
      if (idx != null) {
        idx.close();
      }
    }
    return EXIT_OK;
  }

  public static void main(String[] args) {
    for (String a : args) {
      if (a.equals("--verbose")) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      }
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), new ServeCommand()));
  }

  /** Runs the command in-process with the given streams (used by {@link #main} and by tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err, ServeCommand command) {
    CommandLine cl = new CommandLine(command);
    cl.setCommandName("unspin serve");
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("unspin: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'unspin serve --help' for usage.");
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("unspin: " + message(ex));
      if (command.verbose) {
        ex.printStackTrace(c.getErr());
      }
      c.getErr().flush();
      return ex instanceof InputException ? EXIT_USAGE : EXIT_FAILURE;
    });
    return cl.execute(args);
  }

  static String message(Throwable ex) {
    if (ex instanceof UnspinException || ex instanceof ModelException) {
      return ex.getMessage();
    }
    if (ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.net.BindException) {
      return "cannot listen on the port: " + root.getMessage();
    }
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ServeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"unspin serve " + (v == null ? "(development build)" : v)};
    }
  }
}
