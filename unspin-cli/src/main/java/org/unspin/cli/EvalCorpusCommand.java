package org.unspin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.DocumentStream;
import org.unspin.bench.corpus.DumpFormat;
import org.unspin.bench.corpus.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unspin eval corpus}: writes one split of the research news corpora (BBC, Reuters-21578,
 * AG News) as plain text, JSONL or LM tokens. The corpora are read in place and never copied into
 * the repository; see {@link org.unspin.bench.corpus} for the ids, the split and the keep rule.
 */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = {
        "Dump one split of the research news corpora (BBC, Reuters-21578, AG News).",
        "Split by a seeded hash of the document id: train 80%%, dev 10%%, test 10%%.",
        "Documents with fewer than " + Corpora.MIN_WORDS + " words are left out.",
        "Formats: text (one document per line), jsonl ({\"id\",\"text\"} per line),",
        "lmtokens (one sentence per line as space-joined LM word forms)."})
public final class EvalCorpusCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpora", paramLabel = "DIR",
      description = "Corpora directory holding bbc/, reuters21578/, agnews/ (default: $UNSPIN_CORPORA, "
          + "../shared/corpora beside the repository, or /work/shared/corpora).")
  Path corpora;

  @Option(names = "--split", required = true, paramLabel = "train|dev|test", description = "Which split to write.")
  String split;

  @Option(names = "--source", paramLabel = "LIST", defaultValue = "bbc,reuters,agnews",
      description = "Comma-separated sources (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--format", paramLabel = "text|jsonl|lmtokens", defaultValue = "text",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "-",
      description = "Output file, '-' for stdout (default). A regular file is written whole or not at all.")
  String out;

  @Override
  public Integer call() throws IOException {
    Split s;
    Set<CorpusSource> sources;
    DumpFormat f;
    try {
      s = Split.parse(split);
      sources = CorpusSource.parseList(source);
      f = DumpFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path dir = CorporaDirectory.resolve(corpora, sources);
    Corpora.Counts counts = new Corpora.Counts();
    if ("-".equals(out)) {
      Writer w = spec.commandLine().getOut();
      dump(dir, sources, s, f, counts, w);
      w.flush();
    } else {
      writeFile(Path.of(out), w -> dump(dir, sources, s, f, counts, w));
    }
    spec.commandLine().getErr().printf(Locale.ROOT,
        "eval corpus: wrote %d %s documents from %s to %s (read %d, %d too short, %d in other splits)%n",
        counts.returned(), s.label(), sources.stream().map(CorpusSource::label).collect(Collectors.joining(",")),
        out, counts.read(), counts.tooShort(), counts.otherSplit());
    spec.commandLine().getErr().flush();
    return Main.EXIT_OK;
  }

  /** Writes the dump; throws what the body throws. */
  @FunctionalInterface
  interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes {@code path} through a temporary sibling renamed into place, so that a failed run leaves
   * no half file. A path that exists and is not a regular file ({@code /dev/null}, a pipe) is written
   * directly: renaming over it would replace the device. Symbolic links are followed.
   */
  static void writeFile(Path path, Body body) throws IOException {
    Path target = path.toAbsolutePath();
    if (Files.exists(target)) {
      target = target.toRealPath();
      if (!Files.isRegularFile(target)) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target),
            StandardCharsets.UTF_8), 1 << 16)) {
          body.write(w);
        }
        return;
      }
    }
    Path parent = target.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
        1 << 16)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void dump(Path dir, Set<CorpusSource> sources, Split s, DumpFormat f, Corpora.Counts counts,
      Writer w) throws IOException {
    try (DocumentStream docs = Corpora.open(dir, sources, s, counts)) {
      Document d;
      while ((d = docs.read()) != null) {
        f.write(d, w);
      }
    }
  }
}
