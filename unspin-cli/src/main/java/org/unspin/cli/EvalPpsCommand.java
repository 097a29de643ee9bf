package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.api.Unspin;
import org.unspin.api.Verdict;
import org.unspin.bench.PpsRestoration;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.ProfileFormat;
import org.unspin.channel.ProfileLearner;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.TextPair;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.detect.CheckReport;
import org.unspin.lm.TermsModel;
import org.unspin.restore.ChannelWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unspin eval pps}: exact restorations of held-out tortured phrases, without and with a learned profile. */
@Command(
    name = "pps",
    mixinStandardHelpOptions = true,
    description = {"The held-out figure of the profile learned from the tortured-phrase list: learn a profile from a"
        + " seeded share of the list (as 'profile learn --pps --holdout'), then restore each held-out tortured phrase"
        + " with the facade (shipped default profile left out) (i) without any profile and (ii) with the learned"
        + " profile, and count restorations equal to the expected phrase (case and spacing ignored).",
        "The phrase is restored alone unless --carrier gives a sentence with {} where it goes; the whole restored"
            + " sentence must then match. A {a} in it is the indefinite article the phrase after it takes (the"
            + " tortured phrase's in the input, the expected phrase's in the expectation).",
        "Prints the two figures on stdout; --rows writes one TSV line per held-out pair.",
        "--listed restores the shipped list's own phrases (every usable pair, nothing held out) with the default model"
            + " (the shipped profile and the list's phrases, as check and restore use them) against the same without"
            + " the shipped profile (--conditions: an AND entry's conditions on a line after its phrase, so that its"
            + " query matches). --clean restores the list's expected wordings (clean text, each once) with the"
            + " shipped profile at full strength in every text and counts the edits: how often clean technical"
            + " wording is changed.",
        "--terms-lm (held-out measurement only): both restorers also read a small language model of the training"
            + " pairs' expected wordings (the field's terms, none of the held-out pairs' own), interpolated with the"
            + " others at --terms-weight.",
        "--documents checks paper-like documents of --sentences sentences, each holding one of the list's phrases,"
            + " k of them tortured and the others in the list's wording (for each k of --tortured; --docs documents"
            + " each, seeded by --seed), with the default model, and counts the verdicts: how a text with k of the"
            + " list's phrases is judged. With --unlisted the phrases are those of the pairs held out by --holdout"
            + " and --seed, checked with the list less their entries and a profile learned from the other pairs"
            + " instead of the shipped one: how phrases that are not on the list are judged."})
public final class EvalPpsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--pps", paramLabel = "CSV", defaultValue = "default",
      description = "A PPS tortured-phrase list (default: the shipped one).")
  String pps;

  @Option(names = "--holdout", paramLabel = "SHARE", defaultValue = "0.2",
      description = "Share of pairs held out from learning (default ${DEFAULT-VALUE}).")
  double holdout;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the held-out split (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--uncertain-weight", defaultValue = "0.5", paramLabel = "W",
      description = "Weight of entries marked '?' (0 skips them; default ${DEFAULT-VALUE}).")
  double uncertainWeight;

  @Option(names = "--lm", paramLabel = "FILE", description = "A binary language model, interpolated with the"
      + " default; repeatable.")
  List<Path> lms = new ArrayList<>();

  @Option(names = "--channel-weights", paramLabel = "FILE", description = "Channel cost settings (properties file;"
      + " keys left out keep the shipped value; see docs/restore.md).")
  Path channelWeights;

  @Option(names = "--no-reranker", description = "Keep edits by their posterior alone (no edit reranker).")
  boolean noReranker;

  @Option(names = "--no-default-lm", description = "Leave the embedded language model out (needs --lm).")
  boolean noDefaultLm;

  @Option(names = "--carrier", paramLabel = "TEMPLATE",
      description = "A sentence with {} where the phrase goes, and optionally {a} for the article the phrase takes"
          + " (default: the phrase alone).")
  String carrier;

  @Option(names = "--rows", paramLabel = "FILE.tsv", description = "Write id, tortured, expected, restored without,"
      + " restored with, exact without, exact with, covered by the profile ('-' with --listed).")
  Path rows;

  @Option(names = "--listed", description = "Restore the shipped list's own phrases with the default model (nothing"
      + " held out, no profile learned).")
  boolean listed;

  @Option(names = "--conditions", description = "With --listed: after an entry whose query has an AND condition,"
      + " a line with what the condition asks for, so that the query matches (default: the phrase alone, where"
      + " such an entry does not match).")
  boolean conditions;

  @Option(names = "--clean", description = "Restore the shipped list's expected wordings (clean text) with the"
      + " shipped profile at full strength everywhere, and count the edits.")
  boolean clean;

  @Option(names = "--terms-lm", description = "Held-out measurement: interpolate a language model of the training"
      + " pairs' expected wordings (built in a temporary directory).")
  boolean termsLm;

  @Option(names = "--terms-weight", paramLabel = "W", defaultValue = "0.5",
      description = "With --terms-lm: its interpolation weight, in (0, 1) (default ${DEFAULT-VALUE}).")
  double termsWeight;

  @Option(names = "--documents", description = "Check paper-like documents holding k of the list's phrases and count"
      + " the verdicts (see above).")
  boolean documents;

  @Option(names = "--unlisted", description = "With --documents: the documents' pairs are held out (--holdout, --seed)"
      + " of the list the checker reads and of a profile learned from the rest, which replaces the"
      + " shipped one: how phrases that are not on the list are judged.")
  boolean unlisted;

  @Option(names = "--tortured", split = ",", paramLabel = "K", defaultValue = "0,1,2,4",
      description = "With --documents: the numbers of tortured phrases per document (default ${DEFAULT-VALUE}).")
  List<Integer> tortured;

  @Option(names = "--sentences", paramLabel = "N", defaultValue = "8",
      description = "With --documents: sentences per document (default ${DEFAULT-VALUE}).")
  int sentences;

  @Option(names = "--docs", paramLabel = "N", defaultValue = "300",
      description = "With --documents: documents for each k (default ${DEFAULT-VALUE}).")
  int docs;

  @Override
  public Integer call() throws IOException {
    if (documents && (listed || clean)) {
      throw new UsageException("--documents, --listed and --clean are separate measurements: give one");
    }
    if (documents && (rows != null || carrier != null || conditions)) {
      throw new UsageException("--documents writes its own sentences: leave out --rows, --carrier and --conditions");
    }
    if (documents && !pps.equals("default")) {
      throw new UsageException("--documents measures the shipped list, which the default model reads: leave out --pps");
    }
    if (documents) {
      if (sentences < 1 || docs < 1) {
        throw new UsageException("--sentences and --docs must be at least 1 (got " + sentences + ", " + docs + ")");
      }
      for (int k : tortured) {
        if (k < 0 || k > sentences) {
          throw new UsageException("--tortured: each k must be in [0, " + sentences + "] (got " + k + ")");
        }
      }
    }
    if (termsLm && (listed || clean || documents)) {
      throw new UsageException("--terms-lm is for the held-out measurement");
    }
    if (termsLm && !(termsWeight > 0 && termsWeight < 1)) {
      throw new UsageException("--terms-weight must be in (0, 1) (got " + termsWeight + ")");
    }
    if (conditions && !listed) {
      throw new UsageException("--conditions is for --listed");
    }
    if (listed && clean) {
      throw new UsageException("--listed and --clean are separate measurements: give one");
    }
    if ((listed || clean) && !pps.equals("default")) {
      throw new UsageException((listed ? "--listed" : "--clean") + " measures the shipped list, which the default"
          + " model reads: leave out --pps");
    }
    if (clean && rows != null) {
      throw new UsageException("--rows is for the held-out and --listed measurements");
    }
    if (!(holdout > 0 && holdout < 1)) {
      throw new UsageException("--holdout must be in (0, 1) (got " + holdout + ")");
    }
    if (!(uncertainWeight >= 0 && uncertainWeight <= 1)) {
      throw new UsageException("--uncertain-weight must be in [0, 1] (got " + uncertainWeight + ")");
    }
    if (noDefaultLm && lms.isEmpty()) {
      throw new UsageException("--no-default-lm needs at least one --lm FILE");
    }
    if (carrier != null) {
      try {
        PpsRestoration.text(carrier, "");
      } catch (IllegalArgumentException e) {
        throw new UsageException("--carrier: " + e.getMessage());
      }
    }
    FingerprintList list = pps.equals("default") ? FingerprintList.loadDefault() : FingerprintList.load(Path.of(pps));
    List<TextPair> pairs = PpsPairs.pairs(list, uncertainWeight);
    if (listed) {
      java.util.Map<String, String> after = new java.util.HashMap<>();
      if (conditions) {
        for (org.unspin.channel.fingerprint.Fingerprint f : list.entries()) {
          after.put("line" + f.line(), PpsRestoration.conditions(f));
        }
      }
      return listed(pairs, p -> after.getOrDefault(p.id(), ""));
    }
    if (clean) {
      return clean(pairs);
    }
    if (unlisted && !documents) {
      throw new UsageException("--unlisted goes with --documents");
    }
    if (documents) {
      return unlisted ? unlistedDocuments(list, pairs) : documents(pairs);
    }
    PpsPairs.Split split = PpsPairs.split(pairs, holdout, seed);
    SpinnerProfile profile = learnedProfile(split);
    Path tmp = Files.createTempFile("unspin-pps-profile", ".tsv");
    Path termsDir = termsLm ? Files.createTempDirectory("unspin-pps-terms") : null;
    PrintWriter err = spec.commandLine().getErr();
    PpsRestoration.Result r;
    try {
      ProfileFormat.save(profile, tmp);
      if (termsLm) {
        terms = termsModel(split.train(), termsDir);
        err.printf(Locale.ROOT, "eval pps: a language model of the %d training pairs' wordings at weight %s%n",
            split.train().size(), termsWeight);
      }
      err.printf(Locale.ROOT, "eval pps: %d usable pairs, learned %d entries from %d, restoring %d held out%n",
          pairs.size(), profile.size(), split.train().size(), split.heldOut().size());
      err.flush();
      try (Unspin without = build(null); Unspin with = build(tmp)) {
        r = PpsRestoration.evaluate(split.heldOut(), carrier, t -> without.restore(t).text(),
            t -> with.restore(t).text());
        heldOutClean = PpsRestoration.clean(split.heldOut(), carrier, t -> with.restore(t).edits().size());
        java.util.Set<String> trained = new java.util.HashSet<>();
        split.train().forEach(p -> trained.add(p.original().trim().toLowerCase(Locale.ROOT)));
        unseenClean = PpsRestoration.clean(split.heldOut().stream()
            .filter(p -> !trained.contains(p.original().trim().toLowerCase(Locale.ROOT))).toList(), carrier,
            t -> with.restore(t).edits().size());
      }
    } finally {
      Files.deleteIfExists(tmp);
      if (termsDir != null) {
        try (var files = Files.walk(termsDir)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
    writeRows(r, profile);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "held-out pairs: %d (holdout %s, seed %d; %s%s)%n", r.pairs(), holdout, seed,
        carrier == null ? "phrase alone" : "carrier '" + carrier + "'",
        termsLm ? "; the training pairs' wordings as a language model at " + termsWeight : "");
    out.printf(Locale.ROOT, "exact without profile:      %d (%.1f%%), changed %d%n", r.exactWithout(),
        100.0 * r.exactWithout() / Math.max(1, r.pairs()), r.changedWithout());
    out.printf(Locale.ROOT, "exact with learned profile: %d (%.1f%%), changed %d%n", r.exactWith(),
        100.0 * r.exactWith() / Math.max(1, r.pairs()), r.changedWith());
    int covered = PpsRestoration.coverage(profile, split.heldOut());
    out.printf(Locale.ROOT, "covered word for word by the learned profile: %d (%.1f%%)%n", covered,
        100.0 * covered / Math.max(1, r.pairs()));
    out.printf(Locale.ROOT, "held-out wordings (clean) changed with the learned profile: %d of %d (%.1f%%), %.2f edits"
        + " per 100 words%n", heldOutClean.changed(), heldOutClean.texts(),
        100.0 * heldOutClean.changed() / Math.max(1, heldOutClean.texts()), heldOutClean.editsPer100Words());
    out.printf(Locale.ROOT, "  of them no training pair's wording: %d of %d (%.1f%%), %.2f edits per 100 words%n",
        unseenClean.changed(), unseenClean.texts(), 100.0 * unseenClean.changed() / Math.max(1, unseenClean.texts()),
        unseenClean.editsPer100Words());
    out.flush();
    return Main.EXIT_OK;
  }

  /** The shipped list's own phrases, restored with the default model and with it less the shipped profile. */
  private int listed(List<TextPair> pairs, java.util.function.Function<TextPair, String> after) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "eval pps --listed: restoring the list's %d usable pairs%n", pairs.size());
    err.flush();
    PpsRestoration.Result r;
    try (Unspin without = build(null); Unspin with = make(builder())) {
      r = PpsRestoration.evaluate(pairs, carrier, after, t -> without.restore(t).text(),
          t -> with.restore(t).text());
    }
    writeRows(r, null);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "listed pairs: %d (the shipped list, nothing held out; %s%s)%n", r.pairs(), where(),
        conditions ? "; an AND entry's conditions on a line after it" : "");
    out.printf(Locale.ROOT, "exact without the shipped profile: %d (%.1f%%), changed %d%n", r.exactWithout(),
        100.0 * r.exactWithout() / Math.max(1, r.pairs()), r.changedWithout());
    out.printf(Locale.ROOT, "exact with the default model:      %d (%.1f%%), changed %d%n", r.exactWith(),
        100.0 * r.exactWith() / Math.max(1, r.pairs()), r.changedWith());
    out.flush();
    return Main.EXIT_OK;
  }

  /** The list's clean wordings, restored with the shipped profile at full strength in every text. */
  private int clean(List<TextPair> pairs) {
    PpsRestoration.CleanResult r;
    try (Unspin u = make(builder().defaultProfileEverywhere(true))) {
      r = PpsRestoration.clean(pairs, carrier, t -> u.restore(t).edits().size());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "clean wordings: %d (the shipped list's expected phrases, each once; %s)%n", r.texts(),
        where());
    out.printf(Locale.ROOT, "changed with the shipped profile everywhere: %d (%.1f%%), %.2f edits per 100 words%n",
        r.changed(), 100.0 * r.changed() / Math.max(1, r.texts()), r.editsPer100Words());
    out.flush();
    return Main.EXIT_OK;
  }

  /** Paper-like documents with k of the list's phrases, checked with the default model: the verdicts. */
  private int documents(List<TextPair> pairs) {
    spec.commandLine().getOut().printf(Locale.ROOT, "paper-like documents of %d sentences, %d for each k (seed %d;"
        + " the shipped list's phrases, nothing held out)%n", sentences, docs, seed);
    try (Unspin u = make(builder())) {
      return verdicts(u, pairs);
    }
  }

  /**
   * Paper-like documents of held-out pairs, checked with the list less those pairs' entries and a
   * profile learned from the other pairs in place of the shipped one.
   */
  private int unlistedDocuments(FingerprintList list, List<TextPair> pairs) throws IOException {
    PpsPairs.Split split = PpsPairs.split(pairs, holdout, seed);
    java.util.Set<String> held = new java.util.HashSet<>();
    split.heldOut().forEach(p -> held.add(p.id()));
    List<org.unspin.channel.fingerprint.Fingerprint> kept = list.entries().stream()
        .filter(f -> !held.contains("line" + f.line())).toList();
    SpinnerProfile profile = learnedProfile(split);
    Path tmp = Files.createTempFile("unspin-pps-profile", ".tsv");
    try {
      ProfileFormat.save(profile, tmp);
      spec.commandLine().getOut().printf(Locale.ROOT, "paper-like documents of %d sentences, %d for each k (seed %d;"
          + " the %d held-out pairs' phrases (holdout %s), checked with the list less their %d entries and a profile"
          + " learned from the other %d pairs)%n", sentences, docs, seed, split.heldOut().size(), holdout,
          list.size() - kept.size(), split.train().size());
      try (Unspin u = make(builder().defaultProfile(false).profile(tmp)
          .fingerprintList(new FingerprintList(kept, list.source() + " less " + held.size() + " entries")))) {
        return verdicts(u, split.heldOut());
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The profile learned from the split's training pairs, as 'profile learn --pps --holdout' learns it. */
  private SpinnerProfile learnedProfile(PpsPairs.Split split) {
    ProfileLearner learner = new ProfileLearner();
    split.train().forEach(learner::add);
    return learner.build("pps-" + (1 - holdout), "PPS list, " + split.train().size() + " pairs after holding out "
        + split.heldOut().size() + " (seed " + seed + ")", "CC BY 4.0",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
  }

  /** Checks the documents of {@code pairs} for each k and prints the verdicts. */
  private int verdicts(Unspin u, List<TextPair> pairs) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf(Locale.ROOT, "%-3s %6s %6s %9s %6s %9s%n", "k", "docs", "clean", "uncertain", "spun", "mean p");
    for (int k : tortured) {
      List<String> texts;
      try {
        texts = PpsRestoration.documents(pairs, k, docs, sentences, seed);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      int[] verdicts = new int[3];
      double sum = 0;
      for (int d = 0; d < texts.size(); d++) {
        CheckReport r = u.check(texts.get(d));
        verdicts[r.verdict().ordinal()]++;
        sum += r.spunProbability();
        if ((d + 1) % 100 == 0 || d + 1 == texts.size()) {
          err.printf(Locale.ROOT, "eval pps --documents: k=%d, %d/%d documents%n", k, d + 1, texts.size());
          err.flush();
        }
      }
      out.printf(Locale.ROOT, "%-3d %6d %6d %9d %6d %9.3f%n", k, texts.size(), verdicts[Verdict.CLEAN.ordinal()],
          verdicts[Verdict.UNCERTAIN.ordinal()], verdicts[Verdict.SPUN.ordinal()], sum / texts.size());
      out.flush();
    }
    return Main.EXIT_OK;
  }

  private String where() {
    return carrier == null ? "phrase alone" : "carrier '" + carrier + "'";
  }

  private void writeRows(PpsRestoration.Result r, SpinnerProfile profile) throws IOException {
    if (rows == null) {
      return;
    }
    try (Writer w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
      w.write("id\ttortured\texpected\twithout_profile\twith_profile\texact_without\texact_with\tcovered\n");
      for (PpsRestoration.Row row : r.rows()) {
        w.write(String.join("\t", row.id(), tsv(row.spun()), tsv(row.expected()), tsv(row.without()),
            tsv(row.with()), Boolean.toString(row.exactWithout()), Boolean.toString(row.exactWith()),
            profile == null ? "-" : Boolean.toString(PpsRestoration.covered(profile,
                new TextPair(row.id(), row.spun(), row.expected())))));
        w.write('\n');
      }
    }
  }

  /** With --terms-lm: the model of the training pairs' wordings, once built. */
  private Path terms;

  /**
   * The held-out pairs' expected wordings (clean text) restored with the learned profile, all of
   * them and those that are no training pair's wording.
   */
  private PpsRestoration.CleanResult heldOutClean;
  private PpsRestoration.CleanResult unseenClean;

  /** The model of the expected wordings of {@code train} ({@link TermsModel}), written in {@code dir}. */
  private static Path termsModel(List<TextPair> train, Path dir) {
    List<String> lines = new ArrayList<>();
    for (TextPair p : train) {
      lines.add(p.original());
    }
    return TermsModel.file(lines, dir);
  }

  /** The facade with this command's models and settings (the shipped profile included). */
  private Unspin.Builder builder() {
    Unspin.Builder b = Unspin.builder().defaultLanguageModel(!noDefaultLm);
    lms.forEach(b::languageModel);
    if (terms != null) {
      b.languageModel(terms);
      int n = lms.size() + (noDefaultLm ? 0 : 1);
      double[] w = new double[n + 1];
      java.util.Arrays.fill(w, 0, n, (1 - termsWeight) / n);
      w[n] = termsWeight;
      b.interpolationWeights(w);
    }
    if (channelWeights != null) {
      b.channelWeights(ChannelWeights.load(channelWeights, ChannelWeights.shipped()));
    }
    b.defaultEditReranker(!noReranker);
    return b;
  }

  private Unspin build(Path profile) {
    Unspin.Builder b = builder().defaultProfile(false);
    if (profile != null) {
      b.profile(profile);
    }
    return make(b);
  }

  private static Unspin make(Unspin.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String tsv(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
