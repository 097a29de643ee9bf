package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.io.UncheckedIOException;
import org.unspin.api.InputException;
import org.unspin.api.Unspin;
import org.unspin.api.UnspinException;
import org.unspin.records.RecordOptions;
import org.unspin.records.Records;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.SubstitutionCounts;
import org.unspin.channel.PairJsonl;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.ProfileFormat;
import org.unspin.channel.ProfileInfo;
import org.unspin.channel.ProfileLearner;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.TextPair;
import org.unspin.channel.fingerprint.FingerprintList;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin profile}: spinner profiles (channel models). */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Learn and inspect spinner profiles (channel models: surface <- original).",
    subcommands = {ProfileCommand.Show.class, ProfileCommand.Learn.class})
public final class ProfileCommand extends CommandGroup {
  /** {@code unspin profile show [FILE]}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print a profile's metadata, counts and top entries (default: the shipped PPS-learned profile).")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Entries to list (default ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A profile file (TSV).")
    Path file;

    @Override
    public Integer call() {
      if (top < 0) {
        throw new InputException("--top must be >= 0 (got " + top + ")");
      }
      SpinnerProfile p = file == null ? ProfileFormat.loadDefault() : ProfileFormat.load(file);
      PrintWriter out = spec.commandLine().getOut();
      ProfileInfo i = p.info();
      out.println("profile           " + (file == null ? "(default) " + ProfileFormat.DEFAULT_RESOURCE : file));
      out.println("name              " + i.name());
      out.println("method            " + i.method());
      out.println("source            " + i.source());
      out.println("license           " + i.license());
      out.println("created           " + i.created());
      out.println("pairs             " + i.pairs());
      out.println("tokens            " + i.tokens() + " (eligible " + i.eligible() + ", changed " + i.changed() + ")");
      out.println("replacement rate  " + String.format(Locale.ROOT, "%.4f", i.replacementRate()));
      out.println("smoothing         " + i.smoothing());
      out.println("entries           " + p.size() + " (" + p.surfaceCount() + " surfaces, " + p.originalCount()
          + " originals)");
      List<SpinnerProfile.Entry> byCount = new ArrayList<>(p.entries());
      byCount.sort(Comparator.comparingDouble(SpinnerProfile.Entry::count).reversed()
          .thenComparing(SpinnerProfile.Entry::original).thenComparing(SpinnerProfile.Entry::surface));
      if (top > 0 && !byCount.isEmpty()) {
        out.println();
        out.println(String.format(Locale.ROOT, "%-28s %-28s %8s %8s %8s", "surface", "<- original", "count",
            "p(s|o)", "p(o|s)"));
        for (SpinnerProfile.Entry e : byCount.subList(0, Math.min(top, byCount.size()))) {
          out.println(String.format(Locale.ROOT, "%-28s %-28s %8.2f %8.4f %8.4f", e.surface(), e.original(),
              e.count(), e.pSurfaceGivenOriginal(), e.pOriginalGivenSurface()));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code unspin profile learn (--pairs DIR|FILE.jsonl | --pps CSV) --out FILE}. */
  @Command(
      name = "learn",
      mixinStandardHelpOptions = true,
      description = {"Learn a profile from aligned (spun, original) pairs by word alignment and counting, or from"
          + " a batch of one spinner's output alone.",
          "--pairs takes a JSONL file (one {\"spun\": ..., \"original\": ..., \"weight\": w?} per line) or a"
              + " directory of X.spun.txt / X.orig.txt files (UTF-8, matched by name X).",
          "--pps takes a tortured-phrase list (PPS CSV): tortured phrase vs expected phrase; with --holdout the"
              + " seeded random share is left out of learning and written to --heldout-out as JSONL pairs.",
          "--from-batch takes spun texts without their originals (directories, .txt, .html, .jsonl, .warc,"
              + " .warc.gz, as 'unspin scan' reads them): every text is restored, the confident restorations of"
              + " the whole batch are pooled and the batch is restored again with them (self-training); the"
              + " substitutions restored at least --min-count times in at least --min-documents texts make the"
              + " profile. Records that cannot be read or are not English are reported and skipped. The model"
              + " options (--lm, --profile, ...) set the restorer that learns (--from-batch only)."})
  static final class Learn implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Input {
      @Option(names = "--pairs", paramLabel = "DIR|FILE.jsonl", description = "Aligned pairs.")
      Path pairs;

      @Option(names = "--pps", paramLabel = "CSV", description = "A PPS tortured-phrase list ('default' for the shipped one).")
      String pps;

      @Option(names = "--from-batch", paramLabel = "PATH", arity = "1..*",
          description = "Spun texts of one spinner, without originals (files and directories).")
      List<Path> fromBatch;
    }

    @Mixin
    ModelOptions models;

    @Option(names = "--min-count", defaultValue = "2", paramLabel = "C",
        description = "--from-batch only: the least posterior-weighted count of a learned substitution"
            + " (default ${DEFAULT-VALUE}).")
    double minCount;

    @Option(names = "--min-documents", defaultValue = "2", paramLabel = "D",
        description = "--from-batch only: the least number of texts a learned substitution was restored in"
            + " (default ${DEFAULT-VALUE}: a spinner's habit recurs from page to page, a mistake on one story's word"
            + " within the story).")
    int minDocuments;

    @Option(names = "--max-docs", paramLabel = "N",
        description = "--from-batch only: learn from the first N readable English texts (default: all).")
    Integer maxDocs;

    @Option(names = "--threads", paramLabel = "N",
        description = "--from-batch only: threads that restore the texts (default: the number of cores; the"
            + " profile is the same for any number).")
    Integer threads;

    @Option(names = "--field", paramLabel = "F", defaultValue = "text",
        description = "--from-batch only: JSONL field that holds the text (default: ${DEFAULT-VALUE}).")
    String field;

    @Option(names = "--all-languages",
        description = "--from-batch only: learn from texts that do not look English too.")
    boolean allLanguages;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The profile to write (TSV).")
    Path out;

    @Option(names = "--name", defaultValue = "learned", description = "Profile name (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--license", defaultValue = "unknown", description = "Licence of the pairs (default ${DEFAULT-VALUE}; PPS: CC BY 4.0).")
    String license;

    @Option(names = "--created", paramLabel = "YYYY-MM-DD", description = "Creation date to record (default today, UTC).")
    String created;

    @Option(names = "--uncertain-weight", defaultValue = "0.5", paramLabel = "W",
        description = "PPS only: weight of entries marked '?' (0 skips them; default ${DEFAULT-VALUE}).")
    double uncertainWeight;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "SHARE",
        description = "PPS only: share of pairs held out from learning, e.g. 0.2 (default ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the held-out split (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--heldout-out", paramLabel = "FILE.jsonl", description = "Where to write the held-out pairs.")
    Path heldoutOut;

    @Override
    public Integer call() throws IOException {
      String date = created == null ? LocalDate.now(ZoneOffset.UTC).toString() : created;
      if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new InputException("--created must be YYYY-MM-DD (got '" + date + "')");
      }
      if (input.fromBatch != null) {
        return learnFromBatch(date);
      }
      if (minCount != 2 || minDocuments != 2 || maxDocs != null || threads != null || !field.equals("text")
          || allLanguages) {
        throw new UsageException("--min-count, --min-documents, --max-docs, --threads, --field and --all-languages"
            + " work with --from-batch only");
      }
      List<String> modelOptions = modelOptionsGiven();
      if (!modelOptions.isEmpty()) {
        throw new UsageException("the model options (here " + String.join(", ", modelOptions) + ") set the restorer"
            + " that learns and work with --from-batch only");
      }
      List<TextPair> pairs;
      String source;
      if (input.pps != null) {
        if (!(uncertainWeight >= 0 && uncertainWeight <= 1)) {
          throw new InputException("--uncertain-weight must be in [0, 1] (got " + uncertainWeight + ")");
        }
        if (!(holdout >= 0 && holdout < 1)) {
          throw new InputException("--holdout must be in [0, 1) (got " + holdout + ")");
        }
        FingerprintList list = input.pps.equals("default") ? FingerprintList.loadDefault()
            : FingerprintList.load(Path.of(input.pps));
        pairs = PpsPairs.pairs(list, uncertainWeight);
        String listName = input.pps.equals("default") ? "pps-tortured-phrases.csv (Problematic Paper Screener, 2025-11)"
            : Path.of(input.pps).getFileName().toString();
        source = listName + ", " + pairs.size() + " usable entries, uncertain weight " + uncertainWeight;
        if (holdout > 0) {
          PpsPairs.Split split = PpsPairs.split(pairs, holdout, seed);
          pairs = split.train();
          source += ", trained on " + split.train().size() + " after holding out " + split.heldOut().size()
              + " (seed " + seed + ")";
          if (heldoutOut != null) {
            try (Writer w = Files.newBufferedWriter(heldoutOut, StandardCharsets.UTF_8)) {
              for (TextPair p : split.heldOut()) {
                w.write(PairJsonl.toJson(p));
                w.write('\n');
              }
            }
          }
        } else if (heldoutOut != null) {
          throw new InputException("--heldout-out needs --holdout > 0");
        }
      } else {
        if (holdout != 0 || heldoutOut != null) {
          throw new InputException("--holdout and --heldout-out work with --pps only");
        }
        pairs = readPairs(input.pairs);
        source = input.pairs.getFileName() + ", " + pairs.size() + " pairs";
      }
      ProfileLearner learner = new ProfileLearner();
      for (TextPair p : pairs) {
        learner.add(p);
      }
      SpinnerProfile profile = learner.build(name, source, license, date);
      ProfileFormat.save(profile, out);
      PrintWriter o = spec.commandLine().getOut();
      o.println("learned " + profile.size() + " entries from " + pairs.size() + " pairs (replacement rate "
          + String.format(Locale.ROOT, "%.4f", profile.replacementRate()) + ", " + learner.unalignedGaps()
          + " gaps too long to learn) -> " + out);
      o.flush();
      return 0;
    }

    /** The options of the {@code models} mixin given on the command line, by name, sorted. */
    private List<String> modelOptionsGiven() {
      ParseResult parsed = spec.commandLine().getParseResult();
      return spec.mixins().get("models").options().stream().filter(parsed::hasMatchedOption)
          .map(OptionSpec::longestName).sorted().toList();
    }

    /** {@code --from-batch}: the unaligned learner over the batch's texts, read again for each pass. */
    private int learnFromBatch(String date) throws IOException {
      if (!(minCount > 0) || Double.isInfinite(minCount)) {
        throw new UsageException("--min-count must be > 0 (got " + minCount + ")");
      }
      if (minDocuments < 1) {
        throw new UsageException("--min-documents must be >= 1 (got " + minDocuments + ")");
      }
      if (maxDocs != null && maxDocs < 1) {
        throw new UsageException("--max-docs must be >= 1 (got " + maxDocs + ")");
      }
      int n = Threads.resolve(threads);
      if (holdout != 0 || heldoutOut != null || uncertainWeight != 0.5) {
        throw new UsageException("--holdout, --heldout-out and --uncertain-weight work with --pps only");
      }
      RecordOptions options;
      try {
        options = RecordOptions.defaults().withTextField(field);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      List<Path> files = Records.files(input.fromBatch);
      if (files.isEmpty()) {
        throw new InputException(input.fromBatch + ": no readable input files (.txt, .html, .jsonl, .warc, .warc.gz)");
      }
      PrintWriter err = spec.commandLine().getErr();
      BatchTexts texts = new BatchTexts(files, options, !allLanguages, maxDocs == null ? Integer.MAX_VALUE : maxDocs,
          err);
      SubstitutionCounts counts;
      long start = System.nanoTime();
      try (Unspin unspin = models.build()) {
        long[] lastReport = {System.nanoTime()};
        counts = unspin.restorer().learnFromBatch(texts, AnalyzedTokens::of, (round, rounds, done) -> {
          long now = System.nanoTime();
          if (now - lastReport[0] >= PROGRESS_NANOS) {
            lastReport[0] = now;
            err.printf(Locale.ROOT, "profile learn: %s: %d documents (%.0f s)%n", pass(round, rounds), done,
                (now - start) / 1e9);
            err.flush();
          }
        }, n);
      } catch (UncheckedIOException e) {
        throw new UnspinException("profile learn: the input cannot be read further (" + e.getCause().getMessage()
            + ")", e.getCause());
      } finally {
        texts.close();
      }
      if (texts.documents() == 0) {
        throw new InputException(input.fromBatch + ": no text to learn from (" + texts.skipped()
            + " records skipped)");
      }
      String source = String.join(" ", input.fromBatch.stream().map(p -> p.getFileName() == null ? p.toString()
          : p.getFileName().toString()).toList()) + ", " + texts.documents() + " documents" + (texts.skipped() > 0
          ? " (" + texts.skipped() + " records skipped)" : "");
      SpinnerProfile profile = counts.toProfile(name, source, license, date, minCount, minDocuments);
      if (profile.size() == 0) {
        throw new InputException(input.fromBatch + ": no substitution was restored at least " + minCount
            + " times in " + minDocuments + " or more of the " + texts.documents() + " documents; give more text of"
            + " the spinner, or a lower --min-count or --min-documents");
      }
      ProfileFormat.save(profile, out);
      PrintWriter o = spec.commandLine().getOut();
      o.println("learned " + profile.size() + " entries from " + texts.documents() + " documents (" + counts.entries()
          .size() + " substitutions restored, " + texts.skipped() + " records skipped; replacement rate "
          + String.format(Locale.ROOT, "%.4f", profile.replacementRate()) + ", "
          + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9) + " s) -> " + out);
      o.flush();
      return 0;
    }

    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private static String pass(int round, int rounds) {
      return round > rounds ? "counting the learned phrases" : "round " + (round + 1) + " of " + (rounds + 1);
    }

    static List<TextPair> readPairs(Path path) throws IOException {
      if (!Files.exists(path)) {
        throw new InputException("no such file or directory: " + path);
      }
      if (!Files.isDirectory(path)) {
        return PairJsonl.readPairs(path);
      }
      List<TextPair> out = new ArrayList<>();
      List<Path> spunFiles;
      try (Stream<Path> s = Files.list(path)) {
        spunFiles = s.filter(p -> p.getFileName().toString().endsWith(".spun.txt")).sorted().toList();
      }
      if (spunFiles.isEmpty()) {
        throw new InputException(path + ": no X.spun.txt files in the directory");
      }
      for (Path spun : spunFiles) {
        String base = spun.getFileName().toString();
        base = base.substring(0, base.length() - ".spun.txt".length());
        Path orig = spun.resolveSibling(base + ".orig.txt");
        if (!Files.exists(orig)) {
          throw new InputException(spun + ": no matching " + orig.getFileName());
        }
        out.add(new TextPair(base, InputText.readPlain(spun.toString(), null), InputText.readPlain(orig.toString(), null)));
      }
      return out;
    }
  }
}
