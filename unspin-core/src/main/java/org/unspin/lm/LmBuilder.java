package org.unspin.lm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.InputException;
import org.unspin.api.UnspinException;

/**
 * Builds an interpolated modified Kneser-Ney back-off model (Chen and Goodman 1998; what KenLM
 * {@code lmplz} and SRILM {@code -kndiscount -interpolate} estimate) from text files.
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li>Vocabulary pass: text is read through {@link LmCorpus} (so split into sentences and LM
 *       word forms only by {@code LmText}), word forms are counted, and the vocabulary is chosen
 *       ({@link LmBuildConfig#maxVocab()}, {@link LmBuildConfig#minWordCount()}); ids 0, 1, 2 are
 *       {@code <unk> <s> </s>}, then words by falling frequency (ties in String order). The
 *       sentences are cached on disk as varint ids ({@link TokenCache}), so the corpus is
 *       decompressed and tokenized only once.</li>
 *   <li>Counting pass over the cache: every sentence becomes {@code <s> w1 .. wm </s>}; for
 *       each position after {@code <s>} the n-gram ending there with the longest available
 *       history (at most {@code order} words; shorter ones start with {@code <s>}) is counted as
 *       a packed 128-bit key in a bounded hash table that spills sorted runs to disk
 *       ({@link NgramCounter}).</li>
 *   <li>The runs are merged in suffix order, where every n-gram's left extensions are adjacent, so
 *       one streaming pass yields for all orders the raw count and the adjusted count: the raw
 *       count for the top order and for n-grams that start with {@code <s>}, otherwise the number
 *       of distinct words seen to the left (the continuation count). Count-of-counts of adjusted
 *       counts give each order's {@link KnDiscounts} (computed before pruning). N-grams whose raw
 *       count is under the order's cut-off ({@link LmBuildConfig#minCount()}) are pruned here;
 *       only kept n-grams are stored.</li>
 *   <li>Each kept context h needs the sum of the adjusted counts of all its extensions hx and how
 *       many have adjusted count 1, 2 and 3+, pruned extensions included: kept ones are summed
 *       from memory and, when pruning, a second merge pass adds the pruned ones.</li>
 *   <li>Estimation, order by order: {@code p(x|h) = (a(hx) - D(a(hx))) / sum_x' a(hx') +
 *       gamma(h) p(x|h')} with {@code gamma(h) = (D1 N1(h.) + D2 N2(h.) + D3 N3+(h.)) /
 *       sum_x' a(hx')}, and the unigram level interpolated with the uniform distribution over the
 *       vocabulary without {@code <s>} (|V| - 1 words, {@code <unk>} and {@code </s>} included).
 *       {@code <s>} is never predicted: its unigram log10 probability is written as -99, the ARPA
 *       convention. {@code <unk>} gets what KenLM gives it: an adjusted count of 0 when no word was
 *       mapped to it, hence only its uniform share {@code gamma() / (|V| - 1)}; when the vocabulary
 *       is limited, the words mapped to {@code <unk>} are counted as {@code <unk>} like any
 *       word.</li>
 *   <li>Back-off weights: when all extensions of a context are kept, the back-off weight is
 *       {@code gamma(h)}, which makes the back-off model give exactly the interpolated
 *       probabilities. When some were pruned, their mass goes to back-off: {@code bo(h) = (1 -
 *       sum_kept p(x|h)) / (1 - sum_kept p(x|h'))}, so each context's distribution still sums to
 *       1.</li>
 * </ol>
 * Probabilities are computed in double and stored as log10 floats. Unpruned, the result equals
 * KenLM {@code lmplz} output to float precision (same n-grams; log10 values within 1e-6 on news
 * text, orders 3 to 5; {@code LmBuilderTest#matchesKenLmOnFixture} keeps a golden copy), except
 * that KenLM writes 0 rather than -99 for {@code <s>}.
 *
 * <p>Memory: counting is bounded by {@link LmBuildConfig#memoryBytes()} (plus 256 KiB per run
 * while merging, at most 64 runs at once); the vocabulary pass holds every distinct word form; the
 * kept n-grams (the output) are held in memory, up to about 130 bytes each while estimating.
 * Disk: the token cache (1 to 3 bytes per token) and the runs (24 bytes per distinct top-order
 * n-gram per run) in {@link LmBuildConfig#tmpDir()}, deleted at the end. Not thread-safe; one
 * builder per build.
 */
public final class LmBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(LmBuilder.class);
  /** log10 probability written for {@code <s>}, which is never predicted (ARPA convention). */
  public static final float LOG_ZERO = -99f;
  /** Progress is logged every this many tokens. */
  private static final long PROGRESS_TOKENS = 10_000_000;

  private final LmBuildConfig config;
  private boolean quiet;
  private long tokens;
  private long sentences;

  public LmBuilder(LmBuildConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Logs this builder's progress at debug level instead of info: for a small model built on the
   * way to something else (the terms model of a first check), where progress lines are noise.
   */
  public LmBuilder quiet() {
    quiet = true;
    return this;
  }

  private void progress(String format, Object... args) {
    if (quiet) {
      LOG.debug(format, args);
    } else {
      LOG.info(format, args);
    }
  }

  /** Word tokens (without {@code <s>} and {@code </s>}) read by the last {@link #build}. */
  public long tokens() {
    return tokens;
  }

  /** Sentences read by the last {@link #build}. */
  public long sentences() {
    return sentences;
  }

  /**
   * Builds the model from files and directories (see {@link LmCorpus} for what is read).
   *
   * @throws InputException when an input is missing, not UTF-8, or holds no text
   */
  public NgramModelData build(List<Path> inputs) {
    LmCorpus corpus = LmCorpus.of(inputs);
    long t0 = System.nanoTime();
    try (TokenCache cache = new TokenCache(config.tmpDir())) {
      // 1. vocabulary: provisional ids in order of first sight, sentences cached as those ids
      HashMap<String, Integer> firstIds = new HashMap<>();
      List<String> firstWords = new ArrayList<>();
      long[][] freq = {new long[1024]};
      long[] counts = new long[2];
      int[][] buf = {new int[256]};
      corpus.forEachSentence((forms, n) -> {
        if ((counts[0] + n) / PROGRESS_TOKENS != counts[0] / PROGRESS_TOKENS) {
          progress("read {} tokens ({} ms)", counts[0] + n, (System.nanoTime() - t0) / 1_000_000);
        }
        counts[0] += n;
        counts[1]++;
        if (n > buf[0].length) {
          buf[0] = new int[Math.max(n, buf[0].length * 2)];
        }
        int[] ids = buf[0];
        for (int i = 0; i < n; i++) {
          Integer id = firstIds.get(forms[i]);
          if (id == null) {
            id = firstWords.size();
            firstIds.put(forms[i], id);
            firstWords.add(forms[i]);
            if (id == freq[0].length) {
              freq[0] = Arrays.copyOf(freq[0], id * 2);
            }
          }
          freq[0][id]++;
          ids[i] = id;
        }
        cache.add(ids, n);
      });
      cache.finishWriting();
      firstIds.clear();
      tokens = counts[0];
      sentences = counts[1];
      if (sentences == 0) {
        throw new InputException("no text in " + inputs);
      }
      int[] remap = new int[firstWords.size()];
      String[] words = chooseVocabulary(firstWords, freq[0], remap);
      progress("vocabulary: {} words of {} types; {} tokens in {} sentences from {} files ({} ms)", words.length,
          firstWords.size(), tokens, sentences, corpus.files().size(), (System.nanoTime() - t0) / 1_000_000);
      firstWords.clear();

      // 2. counting
      final int order = config.order();
      try (NgramCounter counter = new NgramCounter(config.memoryBytes(), config.tmpDir())) {
        int[][] sent = {new int[256]};
        cache.forEachSentence((ids, n) -> {
          if (n + 2 > sent[0].length) {
            sent[0] = new int[Math.max(n + 2, sent[0].length * 2)];
          }
          int[] s = sent[0];
          s[0] = Vocabulary.BOS;
          for (int i = 0; i < n; i++) {
            s[i + 1] = remap[ids[i]];
          }
          s[n + 1] = Vocabulary.EOS;
          for (int i = 1; i <= n + 1; i++) {
            int len = Math.min(order, i + 1);
            int from = i - len + 1;
            counter.add(NgramKeys.hi(s, from, len), NgramKeys.lo(s, from, len), 1);
          }
        });
        progress("counted {}-grams: {} runs spilled ({} ms)", order, counter.runCount(),
            (System.nanoTime() - t0) / 1_000_000);
        return estimate(words, counter, t0);
      }
    }
  }

  /**
   * Picks the vocabulary from words seen (by provisional id) and their counts; fills {@code remap}
   * from provisional to final ids ({@code <unk>} for words left out).
   */
  private String[] chooseVocabulary(List<String> seen, long[] freq, int[] remap) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < seen.size(); i++) {
      String w = seen.get(i);
      if (freq[i] >= config.minWordCount() && !w.equals(Vocabulary.UNK_WORD)
          && !w.equals(Vocabulary.BOS_WORD) && !w.equals(Vocabulary.EOS_WORD)) {
        order.add(i);
      }
    }
    order.sort((a, b) -> {
      int c = Long.compare(freq[b], freq[a]);
      return c != 0 ? c : seen.get(a).compareTo(seen.get(b));
    });
    int keep = config.maxVocab() == 0 ? order.size() : Math.min(order.size(), config.maxVocab());
    if (keep + 3 > NgramKeys.MAX_ID + 1) {
      throw new UnspinException("vocabulary of " + keep + " words exceeds the limit of " + (NgramKeys.MAX_ID - 2)
          + "; set maxVocab or minWordCount");
    }
    String[] words = new String[keep + 3];
    words[Vocabulary.UNK] = Vocabulary.UNK_WORD;
    words[Vocabulary.BOS] = Vocabulary.BOS_WORD;
    words[Vocabulary.EOS] = Vocabulary.EOS_WORD;
    Arrays.fill(remap, Vocabulary.UNK);
    for (int i = 0; i < keep; i++) {
      words[i + 3] = seen.get(order.get(i));
      remap[order.get(i)] = i + 3;
    }
    return words;
  }

  /** Per-context sums over all extensions hx of a context h. */
  private static final class ContextStats {
    final long[] sum;
    final int[] c1;
    final int[] c2;
    final int[] c3;
    final double[] gamma;
    final double[] keptP;
    final double[] keptLower;
    final int[] kept;

    ContextStats(int n) {
      sum = new long[n];
      c1 = new int[n];
      c2 = new int[n];
      c3 = new int[n];
      gamma = new double[n];
      keptP = new double[n];
      keptLower = new double[n];
      kept = new int[n];
    }

    void add(int ctx, long adjusted) {
      sum[ctx] += adjusted;
      if (adjusted == 1) {
        c1[ctx]++;
      } else if (adjusted == 2) {
        c2[ctx]++;
      } else {
        c3[ctx]++;
      }
    }
  }

  private NgramModelData estimate(String[] words, NgramCounter counter, long t0) {
    final int order = config.order();
    final int vocabSize = words.length;
    final long[] uniAdjusted = new long[vocabSize];
    final NgramTable[] tables = new NgramTable[order + 1];
    for (int k = 2; k <= order; k++) {
      tables[k] = new NgramTable();
    }
    final long[][] coc = new long[order + 1][5];
    final long[] seen = new long[order + 1];
    final int[] minCount = new int[order + 1];
    for (int k = 1; k <= order; k++) {
      minCount[k] = config.minCount(k);
    }

    // 3. adjusted counts, count-of-counts, pruning
    SuffixWalker walker = new SuffixWalker(order, (ids, from, n, raw, adjusted) -> {
      seen[n]++;
      if (adjusted >= 1 && adjusted <= 4) {
        coc[n][(int) adjusted]++;
      }
      if (n == 1) {
        uniAdjusted[ids[from]] = adjusted;
      } else if (raw >= minCount[n]) {
        tables[n].add(NgramKeys.hi(ids, from, n), NgramKeys.lo(ids, from, n), adjusted);
      }
    });
    counter.merge(walker);
    walker.finish();
    for (int k = 2; k <= order; k++) {
      tables[k].freeze();
    }
    KnDiscounts[] discounts = new KnDiscounts[order + 1];
    for (int k = 1; k <= order; k++) {
      discounts[k] = KnDiscounts.estimate(coc[k]);
      progress("order {}: {} n-grams, {} kept, discounts {}", k, seen[k], k == 1 ? vocabSize : tables[k].size(),
          discounts[k]);
    }

    // 4. context statistics over the pruned extensions of kept contexts (kept ones are added below)
    final ContextStats[] stats = new ContextStats[order];
    for (int k = 1; k < order; k++) {
      stats[k] = new ContextStats(k == 1 ? vocabSize : tables[k].size());
    }
    if (order > 1 && config.prunes()) {
      SuffixWalker statsWalker = new SuffixWalker(order, (ids, from, n, raw, adjusted) -> {
        if (n < 2 || raw >= minCount[n]) {
          return;
        }
        int ctx = n == 2 ? ids[from] : tables[n - 1].find(NgramKeys.hi(ids, from, n - 1),
            NgramKeys.lo(ids, from, n - 1));
        if (ctx >= 0) {
          stats[n - 1].add(ctx, adjusted);
        }
      });
      counter.merge(statsWalker);
      statsWalker.finish();
      progress("pruned n-grams' contexts summed ({} ms)", (System.nanoTime() - t0) / 1_000_000);
    }

    // 5. probabilities
    int[][] ngrams = new int[order][];
    float[][] logProb = new float[order][];
    float[][] backoff = new float[order][];
    double[][] prob = new double[order + 1][];

    // unigrams: interpolate with the uniform distribution over all words but <s>
    long total = 0;
    long u1 = 0;
    long u2 = 0;
    long u3 = 0;
    for (int id = 0; id < vocabSize; id++) {
      if (id == Vocabulary.BOS) {
        continue;
      }
      long a = uniAdjusted[id];
      total += a;
      if (a == 1) {
        u1++;
      } else if (a == 2) {
        u2++;
      } else if (a >= 3) {
        u3++;
      }
    }
    KnDiscounts d = discounts[1];
    double gamma0 = (d.d1() * u1 + d.d2() * u2 + d.d3() * u3) / total;
    double uniform = 1.0 / (vocabSize - 1);
    prob[1] = new double[vocabSize];
    ngrams[0] = new int[vocabSize];
    logProb[0] = new float[vocabSize];
    for (int id = 0; id < vocabSize; id++) {
      ngrams[0][id] = id;
      if (id == Vocabulary.BOS) {
        logProb[0][id] = LOG_ZERO;
        continue;
      }
      long a = uniAdjusted[id];
      double p = (a - d.of(a)) / total + gamma0 * uniform;
      prob[1][id] = p;
      logProb[0][id] = (float) Math.log10(p);
    }

    int[] w = new int[order];
    for (int k = 2; k <= order; k++) {
      ContextStats cs = stats[k - 1];
      KnDiscounts dk = discounts[k];
      NgramTable t = tables[k];
      int size = t.size();
      int[] grams = new int[size * k];
      int[] ctxOf = new int[size];
      int[] lowerOf = new int[size];
      for (int slot = 0; slot < t.slots(); slot++) {
        int i = t.slotIndex(slot);
        if (i < 0) {
          continue;
        }
        NgramKeys.unpack(t.slotHi(slot), t.slotLo(slot), w);
        System.arraycopy(w, 0, grams, i * k, k);
        int ctx;
        int lower;
        if (k == 2) {
          ctx = w[0];
          lower = w[1];
        } else {
          ctx = tables[k - 1].find(NgramKeys.hi(w, 0, k - 1), NgramKeys.lo(w, 0, k - 1));
          lower = tables[k - 1].find(NgramKeys.hi(w, 1, k - 1), NgramKeys.lo(w, 1, k - 1));
        }
        if (ctx < 0 || lower < 0) {
          throw new IllegalStateException("inconsistent model: context or suffix of a kept " + k
              + "-gram was pruned: " + Arrays.toString(Arrays.copyOf(w, k)));
        }
        ctxOf[i] = ctx;
        lowerOf[i] = lower;
        cs.add(ctx, t.value(i));
      }
      for (int c = 0; c < cs.sum.length; c++) {
        if (cs.sum[c] > 0) {
          cs.gamma[c] = (dk.d1() * cs.c1[c] + dk.d2() * cs.c2[c] + dk.d3() * cs.c3[c]) / cs.sum[c];
        }
      }
      double[] p = new double[size];
      float[] lp = new float[size];
      for (int i = 0; i < size; i++) {
        int ctx = ctxOf[i];
        long a = t.value(i);
        double pl = prob[k - 1][lowerOf[i]];
        double pi = (a - dk.of(a)) / cs.sum[ctx] + cs.gamma[ctx] * pl;
        p[i] = pi;
        lp[i] = (float) Math.log10(pi);
        cs.keptP[ctx] += pi;
        cs.keptLower[ctx] += pl;
        cs.kept[ctx]++;
      }
      // free what later orders no longer need
      tables[k - 1] = null;
      prob[k - 1] = null;
      prob[k] = p;
      ngrams[k - 1] = grams;
      logProb[k - 1] = lp;
      backoff[k - 2] = backoffs(cs);
      stats[k - 1] = null;
    }
    backoff[order - 1] = null;

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("smoothing", "interpolated modified Kneser-Ney");
    meta.put("order", Integer.toString(order));
    meta.put("tokens", Long.toString(tokens));
    meta.put("sentences", Long.toString(sentences));
    meta.put("vocabulary", Integer.toString(vocabSize));
    meta.put("bos.logprob", Float.toString(LOG_ZERO));
    StringBuilder disc = new StringBuilder();
    for (int k = 1; k <= order; k++) {
      meta.put("discounts." + k, discounts[k].toString());
      disc.append(k == 1 ? "" : " ").append(ngrams[k - 1].length / k);
    }
    meta.put("ngrams", disc.toString());
    meta.put("minCount", Arrays.toString(config.minCount()));
    meta.put("maxVocab", Integer.toString(config.maxVocab()));
    meta.put("minWordCount", Long.toString(config.minWordCount()));
    progress("estimated ({} ms)", (System.nanoTime() - t0) / 1_000_000);
    return new NgramModelData(words, ngrams, logProb, backoff, meta);
  }

  private static float[] backoffs(ContextStats cs) {
    float[] bo = new float[cs.sum.length];
    for (int c = 0; c < bo.length; c++) {
      int children = cs.c1[c] + cs.c2[c] + cs.c3[c];
      double b;
      if (children == 0) {
        b = 1;
      } else if (cs.kept[c] == children) {
        b = cs.gamma[c];
      } else {
        double num = 1 - cs.keptP[c];
        double den = 1 - cs.keptLower[c];
        // Rounding can only bite when the kept lower-order mass is all but 1; gamma is then the
        // best estimate left.
        b = den > 1e-12 && num > 0 ? num / den : cs.gamma[c];
      }
      bo[c] = (float) Math.log10(b);
    }
    return bo;
  }

  /** Receives every distinct n-gram of every order once, with raw and adjusted counts. */
  @FunctionalInterface
  interface NgramVisitor {
    /** The n-gram is {@code ids[from, from + n)}; the array is only valid during the call. */
    void ngram(int[] ids, int from, int n, long raw, long adjusted);
  }

  /**
   * Turns the suffix-ordered stream of counted events (n-grams with their longest history) into
   * every n-gram of every order, each reported once when the stream has passed all events that end
   * in it: then its raw count is the sum of those events' counts and its continuation count the
   * number of distinct (n+1)-grams reported for it.
   */
  static final class SuffixWalker implements NgramCounter.Sink {
    private final int order;
    private final NgramVisitor visitor;
    private int[] prev;
    private int[] cur;
    private int prevLen;
    private final long[] raw;
    private final long[] ext;

    SuffixWalker(int order, NgramVisitor visitor) {
      this.order = order;
      this.visitor = visitor;
      this.prev = new int[order];
      this.cur = new int[order];
      this.raw = new long[order + 1];
      this.ext = new long[order + 1];
    }

    @Override
    public void accept(long hi, long lo, long count) {
      int len = NgramKeys.unpack(hi, lo, cur);
      int s = 0;
      while (s < len && s < prevLen && cur[len - 1 - s] == prev[prevLen - 1 - s]) {
        s++;
      }
      for (int k = prevLen; k > s; k--) {
        emit(k);
      }
      for (int k = s + 1; k <= len; k++) {
        raw[k] = 0;
        ext[k] = 0;
      }
      for (int k = 1; k <= len; k++) {
        raw[k] += count;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
      prevLen = len;
    }

    /** Reports the n-grams still open; call once after the stream ends. */
    void finish() {
      for (int k = prevLen; k >= 1; k--) {
        emit(k);
      }
      prevLen = 0;
    }

    private void emit(int k) {
      int from = prevLen - k;
      long adjusted = k == order || prev[from] == Vocabulary.BOS ? raw[k] : ext[k];
      visitor.ngram(prev, from, k, raw[k], adjusted);
      if (k > 1) {
        ext[k - 1]++;
      }
    }
  }
}
