package org.unspin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Resource;
import org.unspin.lexicon.ReverseLexicon;
import org.unspin.text.LmText;

/**
 * Candidates per token on real text: for every word token, the candidate originals of the spans of
 * 1-3 tokens that start there, for several views of the shipped lexicon. Usage: {@code java -cp
 * unspin-bench.jar org.unspin.bench.LexiconStats MAX_TOKENS FILE_OR_DIR...} (.txt, .txt.gz, one
 * document per line, or any text file).
 */
public final class LexiconStats {
  private LexiconStats() {}

  /**
   * A first look at candidate recall before the simulator exists: every one-word token that the
   * spinner's view lists is replaced by a random replacement of that view (seeded), and we ask
   * whether the generator's reverse index proposes the token back (unlimited, and in the top 30).
   */
  static void recall(List<String[]> sentences, String name, LexiconDictionary spinner, LexiconDictionary generator) {
    java.util.Random r = new java.util.Random(42);
    ReverseLexicon all = generator.reverse();
    ReverseLexicon top = generator.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30));
    long subs = 0;
    long found = 0;
    long foundTop = 0;
    for (String[] s : sentences) {
      for (int i = 0; i < s.length; i++) {
        List<String> syn = spinner.synonyms(s[i]);
        if (syn.isEmpty()) {
          continue;
        }
        String surface = syn.get(r.nextInt(syn.size()));
        String original = s[i];
        subs++;
        boolean[] hit = {false, false};
        all.candidates(surface, c -> hit[0] |= c.original().equals(original));
        top.candidates(surface, c -> hit[1] |= c.original().equals(original));
        found += hit[0] ? 1 : 0;
        foundTop += hit[1] ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "recall %-28s substitutions %d, original among candidates %.1f%%, in top 30 %.1f%%%n",
        name, subs, 100.0 * found / subs, 100.0 * foundTop / subs);
  }

  public static void main(String[] args) throws IOException {
    long max = Long.parseLong(args[0]);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    Lexicon lex = Lexicon.loadDefault();
    LexiconDictionary all = lex.dictionary();
    ReverseLexicon first = all.reverse();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    long loadCpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "load + view + reverse index: %d ms wall, %d ms main-thread CPU; heap used after GC "
        + "%d MB (%s)%n", loadMs, loadCpuMs, (rt.totalMemory() - rt.freeMemory()) >> 20, first.options());
    Map<String, ReverseLexicon> views = new LinkedHashMap<>();
    views.put("all, morphology", all.reverse());
    views.put("all, exact", all.reverse(ReverseLexicon.Options.EXACT));
    views.put("wordnet+numbers+spelling, morphology",
        all.withResources(EnumSet.of(Resource.WORDNET, Resource.NUMBERS, Resource.SPELLING)).reverse());
    views.put("moby, morphology", all.withResources(EnumSet.of(Resource.MOBY)).reverse());
    views.put("all minus 25% held out, morphology", all.holdingOut(0.25, 42).reverse());
    views.put("all, morphology, at most 30", all.reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30)));
    views.put("wordnet+numbers+spelling, morphology, at most 30",
        all.withResources(EnumSet.of(Resource.WORDNET, Resource.NUMBERS, Resource.SPELLING))
            .reverse(ReverseLexicon.Options.DEFAULT.withMaxCandidates(30)));
    List<String[]> sentences = new ArrayList<>();
    long[] tokens = {0};
    for (Path f : files) {
      if (tokens[0] >= max) {
        break;
      }
      InputStream in = Files.newInputStream(f);
      if (f.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, dec))) {
        String line;
        while ((line = r.readLine()) != null && tokens[0] < max) {
          LmText.forEachSentence(line, (t, n) -> {
            sentences.add(java.util.Arrays.copyOf(t, n));
            tokens[0] += n;
          });
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d phrases, %d edges; %d tokens from %d files%n",
        lex.phraseCount(), lex.edgeCount(), tokens[0], files.size());
    recall(sentences, "(a) spinner = lexicon", all, all);
    LexiconDictionary kept = all.holdingOut(0.25, 42);
    recall(sentences, "(b) spinner = 25% held out", kept.heldOut(), kept);
    for (int pass = 0; pass < 2; pass++) {
      System.out.println(pass == 0 ? "warm-up pass:" : "measured pass:");
    for (Map.Entry<String, ReverseLexicon> v : views.entrySet()) {
      long words = 0;
      long withAny = 0;
      long cands1 = 0;
      long cands123 = 0;
      long lookups = 0;
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long t1 = System.nanoTime();
      long cpu1 = mx.getCurrentThreadCpuTime();
      for (String[] s : sentences) {
        for (int i = 0; i < s.length; i++) {
          if (!Character.isLetterOrDigit(s[i].charAt(0))) {
            continue;
          }
          words++;
          int c1 = 0;
          int c = 0;
          for (int len = 1; len <= 3 && i + len <= s.length; len++) {
            int n = v.getValue().candidates(s, i, len, x -> { });
            lookups++;
            if (len == 1) {
              c1 = n;
            }
            c += n;
          }
          cands1 += c1;
          cands123 += c;
          if (c > 0) {
            withAny++;
          }
        }
      }
      double secs = (System.nanoTime() - t1) / 1e9;
      double cpuSecs = (mx.getCurrentThreadCpuTime() - cpu1) / 1e9;
      System.out.printf(Locale.ROOT,
          "%-40s words %d, with candidates %.1f%%, mean candidates/word: 1-word span %.1f, spans 1-3 %.1f; "
              + "%.0f look-ups/s wall, %.0f per CPU-second%n", v.getKey(), words, 100.0 * withAny / words,
          cands1 / (double) words, cands123 / (double) words, lookups / secs, lookups / cpuSecs);
    }
    }
  }
}
