package org.unspin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.util.Json;
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
    subcommands = {FingerprintsCommand.Match.class})
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
        List<Object> arr = new java.util.ArrayList<>();
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
}
