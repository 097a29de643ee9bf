package org.unspin.cli;

import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import org.unspin.api.InputException;
import org.unspin.api.ModelException;
import org.unspin.api.UnspinException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code unspin} command. Exit codes: 0 done, 1 the run failed, 2 bad usage or bad input.
 * Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(
    name = "unspin",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Detects machine-spun text, restores its original wording and traces it to its source.",
    footer = {"", "The HTTP API and web page run from their own module: ./unspin serve --help"},
    subcommands = {
        CheckCommand.class,
        RestoreCommand.class,
        LmCommand.class,
        ProfileCommand.class,
        FingerprintsCommand.class,
        LexiconCommand.class,
        DetectCommand.class,
        TuneCommand.class,
        EvalCommand.class,
        IndexCommand.class,
        TraceCommand.class,
        ScanCommand.class,
    })
public final class Main implements Runnable {

  /** Exit code for a finished run. */
  public static final int EXIT_OK = 0;
  /** Exit code for a run that failed (I/O error, broken model, internal error). */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for bad usage or bad input. */
  public static final int EXIT_USAGE = 2;

  @Option(names = "--verbose", description = "Print stack traces with errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    for (String a : args) {
      if (a.equals("--verbose")) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      }
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command in-process with the given streams; used by {@link #main} and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = newCommandLine(out, err);
    return cl.execute(args);
  }

  static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(Main::handleException);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("unspin: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for usage.");
      return EXIT_USAGE;
    });
    cl.setExitCodeExceptionMapper(ex -> ex instanceof InputException ? EXIT_USAGE : EXIT_FAILURE);
    return cl;
  }

  private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    boolean verbose = parseResult != null && parseResult.matchedOptionValue("--verbose", false);
    CommandLine root = cl;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    if (root.getCommand() instanceof Main m) {
      verbose |= m.verbose;
    }
    err.println("unspin: " + message(ex));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    if (ex instanceof InputException || ex instanceof UsageException) {
      return EXIT_USAGE;
    }
    return EXIT_FAILURE;
  }

  static String message(Throwable ex) {
    if (ex instanceof UnspinException || ex instanceof UsageException) {
      return ex.getMessage();
    }
    if (ex instanceof java.nio.file.NoSuchFileException nsf) {
      return "no such file: " + nsf.getFile();
    }
    if (ex instanceof java.nio.file.AccessDeniedException ade) {
      return "permission denied: " + ade.getFile();
    }
    if (ex instanceof java.io.UncheckedIOException uio) {
      return message(uio.getCause());
    }
    if (ex instanceof ModelException || ex instanceof UnsupportedEncodingException) {
      return ex.getMessage();
    }
    if (ex instanceof OutOfMemoryError) {
      return "out of memory; give the JVM more with JAVA_OPTS=-Xmx...";
    }
    String m = ex.getMessage();
    return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"unspin " + (v == null ? "(development build)" : v)};
    }
  }
}
