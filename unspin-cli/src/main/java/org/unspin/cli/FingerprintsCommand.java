package org.unspin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.detect.SignalAnalyzer;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.util.Json;
import org.unspin.util.TsvModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin fingerprints}: known tortured-phrase fingerprints. */
@Command(
    name = "fingerprints",
    mixinStandardHelpOptions = true,
    description = "Match known tortured-phrase fingerprints (Problematic Paper Screener lists).",
    subcommands = {FingerprintsCommand.Match.class, FingerprintsCommand.CleanCountsCommand.class})
public final class FingerprintsCommand extends CommandGroup {
  /** {@code unspin fingerprints match [--list CSV] [--json] FILE|-}. */
  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = {"Find every fingerprint of a list in a text, in one pass, with offsets.",
          "Default list: the shipped Problematic Paper Screener export (CC BY 4.0).",
          "Output: one line per match, 'start-end<TAB>text<TAB>expected<TAB>query'; with --json one JSON object"
              + " {\"matches\": [{\"start\", \"end\", \"text\", \"phrase\", \"expected\", \"uncertain\", \"query\"}]}."
              + " Offsets are UTF-16 code units into the input."})
  static final class Match implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", paramLabel = "CSV", description = "A fingerprint list in the PPS CSV format.")
    Path list;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "Text file to scan, or - for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
      FingerprintList l = list == null ? FingerprintList.loadDefault() : FingerprintList.load(list);
      FingerprintMatcher matcher = new FingerprintMatcher(l);
      String text = InputText.readPlain(file, System.in);
      List<FingerprintMatch> matches = matcher.match(text);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Object> arr = new ArrayList<>();
        for (FingerprintMatch m : matches) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("start", m.start());
          o.put("end", m.end());
          o.put("text", m.text());
          o.put("phrase", m.phrase());
          o.put("expected", m.expected());
          o.put("uncertain", m.fingerprint().uncertain());
          o.put("query", m.query());
          arr.add(o);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("list", l.source());
        doc.put("matches", arr);
        out.println(Json.write(doc));
      } else {
        for (FingerprintMatch m : matches) {
          out.println(m.start() + "-" + m.end() + "\t" + oneLine(m.text()) + "\t" + m.expected() + "\t" + m.query());
        }
      }
      out.flush();
      return 0;
    }

    private static String oneLine(String s) {
      return s.replaceAll("\\s+", " ");
    }
  }

  /** {@code unspin fingerprints clean-counts --out FILE [--list CSV] DIR|FILE...}. */
  @Command(
      name = "clean-counts",
      mixinStandardHelpOptions = true,
      description = {"Count how many documents of clean text each entry of a fingerprint list matches, and the"
          + " words and documents counted: the file the detector reads to tell the list's phrases that clean"
          + " writing also uses from those it seldom does (docs/detect.md, 'The list's evidence').",
          "Input: files with one document per line (.txt, or .txt.gz decompressed); directories are searched"
              + " for *.txt and *.txt.gz in name order. Words are counted as the detector counts them.",
          "The shipped counts: the shipped list over ../shared/corpora-permissive (MODEL_CARD.md)."})
  static final class CleanCountsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--list", paramLabel = "CSV", description = "A fingerprint list in the PPS CSV format"
        + " (default: the shipped one).")
    Path list;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The counts file to write.")
    Path out;

    @Option(names = "--source", paramLabel = "TEXT",
        description = "Where the clean text comes from and its licence, recorded in the file's provenance.")
    String source;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Clean text, one document per line.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
      FingerprintList l = list == null ? FingerprintList.loadDefault() : FingerprintList.load(list);
      FingerprintMatcher matcher = new FingerprintMatcher(l);
      List<Path> files = DetectDocuments.files(inputs);
      if (files.isEmpty()) {
        throw new InputException("no .txt or .txt.gz files in " + inputs);
      }
      PrintWriter err = spec.commandLine().getErr();
      Map<Fingerprint, Integer> docs = new HashMap<>();
      long[] n = new long[3]; // documents, words, entry matches (once a document)
      Set<Fingerprint> seen = new HashSet<>();
      for (Path f : files) {
        DetectDocuments.eachLine(f, t -> {
          n[0]++;
          n[1] += SignalAnalyzer.wordCount(AnalyzedTokens.of(t));
          seen.clear();
          for (FingerprintMatch m : matcher.match(t)) {
            if (seen.add(m.fingerprint())) {
              docs.merge(m.fingerprint(), 1, Integer::sum);
              n[2]++;
            }
          }
          return true;
        });
        err.printf(Locale.ROOT, "%s: %,d documents, %,d words, %,d entry matches so far%n", f, n[0], n[1], n[2]);
        err.flush();
      }
      long documents = n[0];
      long words = n[1];
      long matched = n[2];
      if (words == 0) {
        throw new InputException("no words in " + inputs);
      }
      Map<String, String> provenance = new LinkedHashMap<>();
      provenance.put("list", l.source() + " (" + l.size() + " entries)");
      provenance.put("clean-text", source != null ? source : inputs.toString());
      provenance.put("build-command", "unspin fingerprints clean-counts --out " + out.getFileName()
          + (list == null ? "" : " --list " + list.getFileName()) + " " + String.join(" ",
              DetectDocuments.fileNames(inputs)));
      TsvModelFile.save(out, "clean-counts",
          writer -> CleanCounts.write(writer, l, words, documents, docs, provenance));
      err.printf(Locale.ROOT, "wrote %s: %,d entries matched %,d times (once a document at most) in %,d"
          + " documents of %,d words%n", out, docs.size(), matched, documents, words);
      err.flush();
      return 0;
    }
  }
}
