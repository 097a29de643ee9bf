package org.unspin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unspin.bench.ScanWarc;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.DocumentStream;
import org.unspin.lexicon.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin eval warc}: a synthetic crawl of clean and spun pages for the scan benchmark. */
@Command(name = "warc", mixinStandardHelpOptions = true,
    description = {"Benchmark tool: write a WARC of HTML pages made from the research news corpora (all splits), "
        + "served by clean news hosts and by content farms that publish copies spun by simulated spinners.",
        "Farms f and f+SPINNERS share a spinner (the answer for 'scan --group-by host'). Deterministic: a smaller "
            + "--size gives a prefix of a bigger file's records. Research-only data: never commit the output."})
public final class EvalWarcCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpora", paramLabel = "DIR",
      description = "Corpora directory (default: $UNSPIN_CORPORA, ../shared/corpora, or /work/shared/corpora).")
  Path corpora;

  @Option(names = "--source", paramLabel = "LIST", defaultValue = "bbc,reuters,agnews",
      description = "Comma-separated sources (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--out", required = true, paramLabel = "FILE.warc[.gz]",
      description = "Output; gzip (one member per record) when the name ends in .gz.")
  Path out;

  @Option(names = "--size", required = true, paramLabel = "N[K|M|G]",
      description = "Stop once the file holds at least this many bytes (K, M, G: powers of 1000).")
  String size;

  @Option(names = "--spun-share", defaultValue = "0.3", paramLabel = "S",
      description = "Share of pages from content farms (default: ${DEFAULT-VALUE}).")
  double spunShare;

  @Option(names = "--news-hosts", defaultValue = "12", description = "Clean hosts (default: ${DEFAULT-VALUE}).")
  int newsHosts;

  @Option(names = "--farms", defaultValue = "6", description = "Content-farm hosts (default: ${DEFAULT-VALUE}).")
  int farms;

  @Option(names = "--spinners", defaultValue = "3", description = "Distinct spinners (default: ${DEFAULT-VALUE}).")
  int spinners;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--truth", paramLabel = "FILE.tsv",
      description = "Also write uri, host, spun|clean, spinner for every page.")
  Path truth;

  @Override
  public Integer call() throws IOException {
    Set<CorpusSource> sources;
    ScanWarc.Config config;
    try {
      sources = CorpusSource.parseList(source);
      config = new ScanWarc.Config(parseSize(size), spunShare, newsHosts, farms, spinners, seed,
          out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path dir = CorporaDirectory.resolve(corpora, sources);
    List<String[]> docs = new ArrayList<>();
    try (DocumentStream s = Corpora.open(dir, sources, null, null)) {
      for (Document d = s.read(); d != null; d = s.read()) {
        docs.add(new String[] {d.id(), d.text()});
      }
    }
    ScanWarc warc = new ScanWarc(Lexicon.loadDefault().dictionary(), config);
    long t0 = System.nanoTime();
    ScanWarc.Stats stats;
    if (truth != null) {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(truth, StandardCharsets.UTF_8), 1 << 16)) {
        stats = warc.write(out, docs, w);
      }
    } else {
      stats = warc.write(out, docs, null);
    }
    StringBuilder shared = new StringBuilder();
    for (int s = 0; s < spinners; s++) {
      shared.append(s == 0 ? "" : "; ").append(String.join(" ", warc.farmsOf(s)));
    }
    spec.commandLine().getErr().printf(Locale.ROOT, "eval warc: %d pages (%d spun) from %d documents, %.1f MB of "
            + "text, %d bytes -> %s in %.1f s; farms sharing a spinner: %s%n", stats.records(), stats.spun(),
        docs.size(), stats.textChars() / 1e6, stats.bytes(), out, (System.nanoTime() - t0) / 1e9, shared);
    spec.commandLine().getErr().flush();
    return Main.EXIT_OK;
  }

  static long parseSize(String s) {
    String t = s.strip().toUpperCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
      mult = switch (t.charAt(t.length() - 1)) {
        case 'K' -> 1_000L;
        case 'M' -> 1_000_000L;
        default -> 1_000_000_000L;
      };
      t = t.substring(0, t.length() - 1);
    }
    try {
      double v = Double.parseDouble(t);
      if (!(v > 0)) {
        throw new NumberFormatException();
      }
      return (long) Math.ceil(v * mult);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--size must be a positive number with an optional K, M or G (got \"" + s
          + "\")");
    }
  }
}
