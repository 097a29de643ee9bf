package org.unspin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.unspin.api.Unspin;
import org.unspin.bench.corpus.Corpora;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.DocumentStream;
import org.unspin.bench.corpus.Split;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.Candidate;
import org.unspin.restore.CandidateGenerator;
import org.unspin.restore.InputToken;
import org.unspin.restore.LexiconCandidates;
import org.unspin.restore.TokenKind;

/**
 * Candidate recall of the restorer's lexicon generator on simulated spins (issue 3, "Measured"):
 * each document is spun by a {@link SpinSimulator} drawing from the setting's spinner dictionary
 * with a randomized spinner ({@link SimulatorConfig#random}: rate 10-80%, first or random synonym,
 * morphology errors, names mangled or not), the spun text is analyzed as the facade analyzes it
 * ({@link AnalyzedTokens}), and for every true substitution we ask whether the generator proposes
 * the original (LM forms, i.e. lower case) for exactly the span of tokens the spinner wrote.
 *
 * <p>Two generators are asked: the facade's ({@link LexiconCandidates} over the reverse index with
 * the adaptive limit around {@link Unspin#MAX_LEXICON_CANDIDATES} per look-up, no spelling
 * variants) and the same without the limit. A substitution whose spun text does not start and end on token boundaries of one
 * sentence, or spans more than {@link Candidate#MAX_PHRASE} tokens, cannot be proposed and counts as
 * a miss ("unaligned"). Candidates per token: every candidate the generator returns for the text
 * (all spans), over the word and number tokens of the spun text.
 *
 * <p>Not thread-safe (it accumulates counts); one instance per setting.
 */
public final class CandidateRecall {
  /** Misses kept as examples per setting. */
  public static final int MAX_EXAMPLES = 200;

  /**
   * Which entries the simulated spinner draws from and which the generator is given.
   *
   * @param name a label for reports
   * @param spinner the simulator's dictionary
   * @param generator the view the candidate generator inverts
   */
  public record Setting(String name, LexiconDictionary spinner, LexiconDictionary generator) {
    public Setting {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(spinner, "spinner");
      Objects.requireNonNull(generator, "generator");
    }
  }

  /** Setting (a): the spinner's dictionary is the whole lexicon, and so is the generator's. */
  public static Setting known(Lexicon lexicon) {
    LexiconDictionary all = lexicon.dictionary();
    return new Setting("known", all, all);
  }

  /**
   * Setting (b), an unknown spinner: the generator is given the lexicon without a seeded
   * {@code share} of its entries ({@link LexiconDictionary#holdingOut}), the spinner draws only from
   * those held-out entries ({@link LexiconDictionary#heldOut}).
   */
  public static Setting unknown(Lexicon lexicon, double share, long seed) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("share must be in (0, 1) (got " + share + ")");
    }
    LexiconDictionary kept = lexicon.dictionary().holdingOut(share, seed);
    return new Setting("unknown", kept.heldOut(), kept);
  }

  /**
   * The lexicon generator as {@link Unspin} builds it, over {@code view}: the adaptive limit around
   * {@code max} candidates per look-up ({@link LexiconCandidates#limitAround}; 0: no limit),
   * morphology, mismatches, inverse edges and second-order candidates on, no spelling variants.
   */
  public static CandidateGenerator facadeGenerator(LexiconDictionary view, int max) {
    return LexiconCandidates.over(view, max);
  }

  /** One missed substitution: what the spinner wrote, what stood there, and its simulator kind. */
  public record Miss(String spun, String original, String kind, boolean unaligned) {}

  /** Counts per substitution kind: substitutions, found by the limited and by the unlimited generator. */
  public record KindCounts(long substitutions, long foundLimited, long foundUnlimited) {}

  /**
   * The figures of one setting.
   *
   * @param setting the setting's name
   * @param limit the facade's per-look-up limit
   * @param documents documents spun
   * @param tokens word and number tokens of the spun texts
   * @param substitutions true substitutions
   * @param unaligned substitutions whose spun text is not a span of 1..3 tokens of one sentence
   * @param foundLimited substitutions whose original the facade's generator proposes
   * @param foundUnlimited the same without the limit
   * @param candidatesLimited candidates the facade's generator returned, all spans
   * @param candidatesUnlimited the same without the limit
   * @param byKind counts per simulator kind (word, phrase, inflected, morphology, name)
   * @param misses up to {@link #MAX_EXAMPLES} substitutions the unlimited generator missed
   */
  public record Result(String setting, int limit, long documents, long tokens, long substitutions, long unaligned,
      long foundLimited, long foundUnlimited, long candidatesLimited, long candidatesUnlimited,
      Map<String, KindCounts> byKind, List<Miss> misses) {
    public Result {
      byKind = java.util.Collections.unmodifiableMap(new TreeMap<>(byKind));
      misses = List.copyOf(misses);
    }

    /** Share of substitutions found by the facade's generator (NaN without substitutions). */
    public double recallLimited() {
      return substitutions == 0 ? Double.NaN : (double) foundLimited / substitutions;
    }

    /** Share found without the limit. */
    public double recallUnlimited() {
      return substitutions == 0 ? Double.NaN : (double) foundUnlimited / substitutions;
    }

    /** Mean candidates per word or number token, with the limit. */
    public double perTokenLimited() {
      return tokens == 0 ? Double.NaN : (double) candidatesLimited / tokens;
    }

    /** Mean candidates per word or number token, without the limit. */
    public double perTokenUnlimited() {
      return tokens == 0 ? Double.NaN : (double) candidatesUnlimited / tokens;
    }
  }

  private final Setting setting;
  private final int limit;
  private final CandidateGenerator limited;
  private final CandidateGenerator unlimited;
  private long documents;
  private long tokens;
  private long substitutions;
  private long unaligned;
  private long foundLimited;
  private long foundUnlimited;
  private long candidatesLimited;
  private long candidatesUnlimited;
  private final Map<String, long[]> byKind = new TreeMap<>();
  private final List<Miss> misses = new ArrayList<>();

  /**
   * @param setting the dictionaries
   * @param limit candidates per look-up of the limited generator ({@link Unspin#MAX_LEXICON_CANDIDATES}
   *     for the facade's), at least 1
   */
  public CandidateRecall(Setting setting, int limit) {
    this.setting = Objects.requireNonNull(setting, "setting");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 (got " + limit + ")");
    }
    this.limit = limit;
    this.limited = facadeGenerator(setting.generator(), limit);
    this.unlimited = facadeGenerator(setting.generator(), 0);
  }

  /** Spins {@code text} with the randomized spinner drawn from {@code seed} and counts. */
  public SpunText add(String id, String text, long seed) {
    SimulatorConfig config = SimulatorConfig.random(seed);
    SpunText spun = new SpinSimulator(setting.spinner(), config).spin(id, text, seed);
    add(spun);
    return spun;
  }

  /** Counts one spun text against its ground truth. */
  public void add(SpunText spun) {
    documents++;
    List<InputToken> toks = AnalyzedTokens.of(spun.spun());
    for (InputToken t : toks) {
      if (t.kind() == TokenKind.WORD || t.kind() == TokenKind.NUMBER) {
        tokens++;
      }
    }
    int[] sentenceOf = new int[toks.size()];
    List<int[]> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= toks.size(); i++) {
      if (i == toks.size() || toks.get(i).sentenceStart()) {
        if (i > start) {
          for (int k = start; k < i; k++) {
            sentenceOf[k] = sentences.size();
          }
          sentences.add(new int[] {start, i});
        }
        start = i;
      }
    }
    List<Substitution> subs = spun.substitutions();
    // key (first token * 4 + length) -> indices of the substitutions at that span
    Map<Integer, List<Integer>> at = new HashMap<>();
    String[] expected = new String[subs.size()];
    SubstitutionSpans spans = new SubstitutionSpans(toks, sentenceOf);
    for (int s = 0; s < subs.size(); s++) {
      Substitution sub = subs.get(s);
      int key = spans.key(sub);
      if (key >= 0) {
        expected[s] = lmPhrase(sub.original());
        at.computeIfAbsent(key, k -> new ArrayList<>(1)).add(s);
      }
    }
    boolean[] hitLimited = new boolean[subs.size()];
    boolean[] hitUnlimited = new boolean[subs.size()];
    for (int[] se : sentences) {
      List<InputToken> sentence = toks.subList(se[0], se[1]);
      candidatesLimited += match(limited.candidates(sentence), se[0], at, expected, hitLimited);
      candidatesUnlimited += match(unlimited.candidates(sentence), se[0], at, expected, hitUnlimited);
    }
    for (int s = 0; s < subs.size(); s++) {
      Substitution sub = subs.get(s);
      substitutions++;
      long[] k = byKind.computeIfAbsent(sub.kind(), x -> new long[3]);
      k[0]++;
      if (expected[s] == null) {
        unaligned++;
      }
      if (hitLimited[s]) {
        foundLimited++;
        k[1]++;
      }
      if (hitUnlimited[s]) {
        foundUnlimited++;
        k[2]++;
      } else if (misses.size() < MAX_EXAMPLES) {
        misses.add(new Miss(sub.spun(), sub.original(), sub.kind(), expected[s] == null));
      }
    }
  }

  private static int match(List<Candidate> cands, int offset, Map<Integer, List<Integer>> at, String[] expected,
      boolean[] hit) {
    for (Candidate c : cands) {
      List<Integer> subs = at.get((offset + c.from()) * 4 + c.length());
      if (subs == null) {
        continue;
      }
      String phrase = null;
      for (int s : subs) {
        if (!hit[s]) {
          phrase = phrase == null ? c.phrase() : phrase;
          hit[s] = phrase.equals(expected[s]);
        }
      }
    }
    return cands.size();
  }

  /** The LM forms of {@code text}'s tokens joined by single spaces, as candidates spell originals. */
  static String lmPhrase(String text) {
    StringBuilder sb = new StringBuilder();
    for (InputToken t : AnalyzedTokens.of(text)) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t.lmForm());
    }
    return sb.toString();
  }

  /**
   * Up to {@code n} usable documents of {@code split}, taken in turn from each source so that a
   * small sample mixes them (the first documents of each source, in the sources' own order).
   */
  public static List<Document> sample(Path corporaDir, Set<CorpusSource> sources, Split split, int n)
      throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 (got " + n + ")");
    }
    List<List<Document>> per = new ArrayList<>();
    for (CorpusSource s : sources) {
      List<Document> docs = new ArrayList<>();
      try (DocumentStream in = Corpora.open(corporaDir, EnumSet.of(s), split, null)) {
        Document d;
        while (docs.size() < n && (d = in.read()) != null) {
          docs.add(d);
        }
      }
      per.add(docs);
    }
    List<Document> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      boolean any = false;
      for (List<Document> docs : per) {
        if (i < docs.size() && out.size() < n) {
          out.add(docs.get(i));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    return out;
  }

  /** The figures so far. */
  public Result result() {
    Map<String, KindCounts> kinds = new TreeMap<>();
    byKind.forEach((k, v) -> kinds.put(k, new KindCounts(v[0], v[1], v[2])));
    return new Result(setting.name(), limit, documents, tokens, substitutions, unaligned, foundLimited,
        foundUnlimited, candidatesLimited, candidatesUnlimited, kinds, misses);
  }
}
