package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.bench.CandidateRecall;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.Split;
import org.unspin.lexicon.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin eval candidates}: candidate recall of the restorer's lexicon generator on simulated spins. */
@Command(
    name = "candidates",
    mixinStandardHelpOptions = true,
    description = {"Candidate recall: spin held-out news with a randomized simulated spinner and report the share of"
        + " true substitutions whose original the restorer's lexicon generator proposes for the spun span (with the"
        + " facade's per-look-up limit and without), and the mean number of candidates per token.",
        "Settings: known (spinner dictionary = the whole lexicon) and unknown (the spinner draws only from a seeded"
            + " --holdout share of the lexicon's entries, the generator is given the rest).",
        "Prints a TSV table on stdout, then counts per substitution kind; progress and --misses examples go to"
            + " stderr. See docs/evaluation-lexicon.md."})
public final class EvalCandidatesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--corpora", paramLabel = "DIR", description = "Corpora directory (default: $UNSPIN_CORPORA,"
      + " ../shared/corpora beside the repository, or /work/shared/corpora).")
  Path corpora;

  @Option(names = "--split", defaultValue = "test", paramLabel = "train|dev|test",
      description = "Which split to spin (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--source", paramLabel = "LIST", defaultValue = "bbc,reuters,agnews",
      description = "Comma-separated sources, taken in turn (default ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--docs", paramLabel = "N", defaultValue = "200", description = "Documents (default ${DEFAULT-VALUE}).")
  int docs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the spinners and of the held-out entries"
      + " (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--setting", paramLabel = "known|unknown|both", defaultValue = "both",
      description = "Which setting to run (default ${DEFAULT-VALUE}).")
  String setting;

  @Option(names = "--holdout", paramLabel = "SHARE", defaultValue = "0.25",
      description = "Unknown setting: share of entries held out from the generator (default ${DEFAULT-VALUE}).")
  double holdout;

  @Option(names = "--limit", paramLabel = "K", description = "Candidate budget per look-up: the adaptive limit"
      + " around K (at least K/2, at most 5K/3, in between those within 7.5 bits of the best prior; default: the"
      + " facade's, " + Unspin.MAX_LEXICON_CANDIDATES + ").")
  Integer limit;

  @Option(names = "--misses", paramLabel = "N", defaultValue = "0",
      description = "Print up to N substitutions the unlimited generator missed, per setting, to stderr.")
  int missExamples;

  @Override
  public Integer call() throws IOException {
    if (docs < 1) {
      throw new UsageException("--docs must be >= 1 (got " + docs + ")");
    }
    if (!(holdout > 0 && holdout < 1)) {
      throw new UsageException("--holdout must be in (0, 1) (got " + holdout + ")");
    }
    int k = limit == null ? Unspin.MAX_LEXICON_CANDIDATES : limit;
    if (k < 1) {
      throw new UsageException("--limit must be >= 1 (got " + k + ")");
    }
    if (missExamples < 0) {
      throw new UsageException("--misses must be >= 0 (got " + missExamples + ")");
    }
    String which = setting.toLowerCase(Locale.ROOT);
    if (!which.equals("known") && !which.equals("unknown") && !which.equals("both")) {
      throw new UsageException("--setting must be known, unknown or both (got '" + setting + "')");
    }
    Split s;
    Set<CorpusSource> sources;
    try {
      s = Split.parse(split);
      sources = CorpusSource.parseList(source);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path dir = CorporaDirectory.resolve(corpora, sources);
    PrintWriter err = spec.commandLine().getErr();
    List<Document> sample = CandidateRecall.sample(dir, sources, s, docs);
    err.printf(Locale.ROOT, "eval candidates: %d %s documents%n", sample.size(), s.label());
    err.flush();
    Lexicon lex = Lexicon.loadDefault();
    List<CandidateRecall.Setting> settings = new ArrayList<>();
    if (!which.equals("unknown")) {
      settings.add(CandidateRecall.known(lex));
    }
    if (!which.equals("known")) {
      settings.add(CandidateRecall.unknown(lex, holdout, seed));
    }
    List<CandidateRecall.Result> results = new ArrayList<>();
    for (CandidateRecall.Setting st : settings) {
      CandidateRecall cr = new CandidateRecall(st, k);
      for (int i = 0; i < sample.size(); i++) {
        Document d = sample.get(i);
        // one independent spinner per document, as in 'eval simulate'
        cr.add(d.id(), d.text(), seed * 0x9E3779B97F4A7C15L + i);
      }
      CandidateRecall.Result r = cr.result();
      results.add(r);
      err.printf(Locale.ROOT, "eval candidates: %s done, %d substitutions%n", r.setting(), r.substitutions());
      for (CandidateRecall.Miss m : r.misses().subList(0, Math.min(missExamples, r.misses().size()))) {
        err.printf(Locale.ROOT, "miss\t%s\t%s\t%s <- %s%s%n", r.setting(), m.kind(), m.spun(), m.original(),
            m.unaligned() ? " (unaligned)" : "");
      }
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("setting\tdocuments\ttokens\tsubstitutions\tunaligned\trecall_at_" + k + "\trecall_unlimited"
        + "\tcandidates_per_token_at_" + k + "\tcandidates_per_token_unlimited");
    for (CandidateRecall.Result r : results) {
      out.printf(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.2f\t%.2f%n", r.setting(), r.documents(), r.tokens(),
          r.substitutions(), r.unaligned(), r.recallLimited(), r.recallUnlimited(), r.perTokenLimited(),
          r.perTokenUnlimited());
    }
    out.println();
    out.println("setting\tkind\tsubstitutions\trecall_at_" + k + "\trecall_unlimited");
    for (CandidateRecall.Result r : results) {
      for (Map.Entry<String, CandidateRecall.KindCounts> e : r.byKind().entrySet()) {
        CandidateRecall.KindCounts c = e.getValue();
        out.printf(Locale.ROOT, "%s\t%s\t%d\t%.4f\t%.4f%n", r.setting(), e.getKey(), c.substitutions(),
            (double) c.foundLimited() / c.substitutions(), (double) c.foundUnlimited() / c.substitutions());
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
