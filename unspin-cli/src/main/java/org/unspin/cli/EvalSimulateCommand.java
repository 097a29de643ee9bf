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
import java.util.stream.Stream;
import org.unspin.api.InputException;
import org.unspin.channel.PairJsonl;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.TsvSynonymDictionary;
import org.unspin.lexicon.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin eval simulate}: spin clean text with a simulated spinner, writing aligned pairs. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {"Evaluation tool: spin clean text with a simulated dictionary-driven spinner and write JSONL"
        + " pairs with the ground truth of every substitution.",
        "Each INPUT file (UTF-8 text; directories are searched for *.txt, - is standard input) is one document.",
        "Output, one object per document: {\"id\", \"spun\", \"original\", \"eligible\", \"substitutions\":"
            + " [{\"original_start\", \"original_end\", \"spun_start\", \"spun_end\", \"original\", \"spun\","
            + " \"kind\"}]} with UTF-16 offsets.",
        "--dictionary: UTF-8 TSV, 'original<TAB>syn1|syn2', first synonym first, '#' comments."})
public final class EvalSimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--rate", paramLabel = "R", description = "Share of eligible words replaced, 0..1 (default: drawn"
      + " from the seed, uniform in 0.1..0.8).")
  Double rate;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--synonym", paramLabel = "first|random", description = "Which synonym to use (default: drawn from"
      + " the seed).")
  String synonym;

  @Option(names = "--morphology-errors", paramLabel = "P", defaultValue = "0.5",
      description = "Share of irregular participles re-inflected as past tense (default ${DEFAULT-VALUE}).")
  double morphologyErrors;

  @Option(names = "--keep-names", description = "Do not replace capitalized words inside sentences.")
  boolean keepNames;

  @Option(names = "--protect-function-words", description = "Never replace a word or phrase made only of"
      + " closed-class words (prepositions, articles, conjunctions, forms of 'be' and 'have', modals), as spinners"
      + " with a stop list do.")
  boolean protectFunctionWords;

  @Option(names = "--consistent", description = "Decide once per dictionary entry and document and repeat that"
      + " decision at every occurrence, as a spinner with a fixed dictionary does.")
  boolean consistent;

  @Option(names = "--dictionary", paramLabel = "FILE",
      description = "Synonym dictionary (TSV); default: the embedded lexicon.")
  Path dictionary;

  @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Where to write the pairs.")
  Path out;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Text files, directories, or - for standard input.")
  List<String> inputs;

  @Override
  public Integer call() throws IOException {
    if (rate != null && !(rate >= 0 && rate <= 1)) {
      throw new InputException("--rate must be in [0, 1] (got " + rate + ")");
    }
    if (!(morphologyErrors >= 0 && morphologyErrors <= 1)) {
      throw new InputException("--morphology-errors must be in [0, 1] (got " + morphologyErrors + ")");
    }
    SimulatorConfig drawn = SimulatorConfig.random(seed);
    SimulatorConfig.Choice choice = drawn.choice();
    if (synonym != null) {
      choice = switch (synonym.toLowerCase(Locale.ROOT)) {
        case "first" -> SimulatorConfig.Choice.FIRST;
        case "random" -> SimulatorConfig.Choice.RANDOM;
        default -> throw new InputException("--synonym must be 'first' or 'random' (got '" + synonym + "')");
      };
    }
    SimulatorConfig config = new SimulatorConfig(rate == null ? drawn.rate() : rate, choice, morphologyErrors,
        !keepNames, 3).withConsistent(consistent).withProtectClosedClasses(protectFunctionWords);
    SpinSimulator sim = new SpinSimulator(dictionary == null ? Lexicon.loadDefault().dictionary()
        : TsvSynonymDictionary.load(dictionary), config);
    List<String> docs = new ArrayList<>();
    for (String in : inputs) {
      if (in.equals("-")) {
        docs.add(in);
        continue;
      }
      Path p = Path.of(in);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt")).sorted()
              .forEach(f -> docs.add(f.toString()));
        }
      } else {
        docs.add(in);
      }
    }
    long subs = 0;
    long eligible = 0;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < docs.size(); i++) {
        String doc = docs.get(i);
        String text = InputText.readPlain(doc, System.in);
        // one independent stream of choices per document, so that documents can be added or dropped
        SpunText t = sim.spin(doc.equals("-") ? "stdin" : doc, text, seed * 0x9E3779B97F4A7C15L + i);
        subs += t.substitutions().size();
        eligible += t.eligible();
        w.write(PairJsonl.toJson(t));
        w.write('\n');
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(String.format(Locale.ROOT, "spun %d documents: rate %.3f, %s synonym, %d of %d eligible sites"
        + " replaced -> %s", docs.size(), config.rate(), config.choice().name().toLowerCase(Locale.ROOT), subs,
        eligible, out));
    err.flush();
    return 0;
  }
}
