package org.unspin.lm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.text.LmText;

/**
 * Linear interpolation of several models: {@code p(w | h) = sum_i lambda_i p_i(w | h)}, computed in
 * log space with log-sum-exp so that small probabilities do not underflow.
 *
 * <p>The vocabulary is the union of the components' vocabularies (ids of the first model first,
 * then new words of the second, ...). Each component is queried with its own ids through a map
 * built once. A word a component does not know gets a share of that component's {@code <unk>}
 * probability: its unigram probability in the components that know it (mixed by their weights),
 * over the sum of that for every word of the union the component lacks. A component's {@code <unk>}
 * stands for all the words it lacks at once; given whole to each of them, a small domain model
 * would make every word rare in its domain (a spinner's odd synonym above all) as likely as its
 * whole unknown-word class. Shared out, each component stays a distribution over the union
 * vocabulary, and so does the mixture (the {@code <unk>} token itself aside). The matched order
 * reported is the highest among the components, 0 when no component knows the word.
 *
 * <p>Immutable and thread-safe. It does not own its components: closing it does not close them.
 */
public final class InterpolatedLm implements LanguageModel {
  private static final Logger LOG = LoggerFactory.getLogger(InterpolatedLm.class);

  /** EM stops after this many iterations ... */
  public static final int EM_MAX_ITERATIONS = 200;
  /** ... or when an iteration improves the dev log10 likelihood by less than this, relatively. */
  public static final double EM_TOLERANCE = 1e-7;

  private final LanguageModel[] models;
  private final double[] log10Weights;
  private final ArrayVocabulary vocabulary;
  private final int[][] toComponent;
  /**
   * Per component, by union word id: log10 of the word's share of the component's {@code <unk>}
   * probability when the component lacks the word, else 0.
   */
  private final float[][] unknownShare;
  private final int order;
  private final ThreadLocal<Scratch> scratch;

  /**
   * @param models at least one model
   * @param weights one non-negative weight per model, summing to 1 (within 1e-6)
   */
  public InterpolatedLm(List<? extends LanguageModel> models, double[] weights) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("models must not be empty");
    }
    if (weights.length != models.size()) {
      throw new IllegalArgumentException("weights must have one entry per model (got " + weights.length
          + " for " + models.size() + " models)");
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0 (got " + w + ")");
      }
      sum += w;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("weights must sum to 1 (got " + sum + ")");
    }
    this.models = models.toArray(new LanguageModel[0]);
    this.log10Weights = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      log10Weights[i] = Math.log10(weights[i] / sum);
    }
    Map<String, Integer> merged = new LinkedHashMap<>();
    merged.put(Vocabulary.UNK_WORD, Vocabulary.UNK);
    merged.put(Vocabulary.BOS_WORD, Vocabulary.BOS);
    merged.put(Vocabulary.EOS_WORD, Vocabulary.EOS);
    int maxOrder = 1;
    for (LanguageModel m : this.models) {
      Vocabulary v = m.vocabulary();
      for (int i = 0; i < v.size(); i++) {
        merged.putIfAbsent(v.word(i), merged.size());
      }
      maxOrder = Math.max(maxOrder, m.order());
    }
    this.vocabulary = new ArrayVocabulary(merged.keySet().toArray(new String[0]));
    this.toComponent = new int[this.models.length][];
    for (int c = 0; c < this.models.length; c++) {
      Vocabulary v = this.models[c].vocabulary();
      int[] map = new int[vocabulary.size()];
      for (int i = 0; i < map.length; i++) {
        map[i] = v.id(vocabulary.word(i));
      }
      toComponent[c] = map;
    }
    this.unknownShare = unknownShares(this.models, weights, toComponent, vocabulary.size());
    this.order = maxOrder;
    int size = maxOrder;
    LanguageModel[] parts = this.models;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(size, parts));
  }

  /**
   * The {@link #unknownShare} tables: for each component, every union word it lacks gets its
   * unigram probability in the components that know it (their weights renormalized among them),
   * divided by the sum of those over all the words the component lacks.
   */
  private static float[][] unknownShares(LanguageModel[] models, double[] weights, int[][] toComponent, int size) {
    int k = models.length;
    double[] unigram = new double[size];
    int[] none = {};
    for (int i = FIRST_WORD; i < size; i++) {
      double p = 0;
      double w = 0;
      double plain = 0;
      int knowers = 0;
      for (int c = 0; c < k; c++) {
        int id = toComponent[c][i];
        if (id != Vocabulary.UNK) {
          double q = Math.pow(10, models[c].logProb(none, 0, 0, id));
          p += weights[c] * q;
          w += weights[c];
          plain += q;
          knowers++;
        }
      }
      // (known only to components of weight 0: their plain mean)
      unigram[i] = w > 0 ? p / w : knowers > 0 ? plain / knowers : 0;
    }
    float[][] share = new float[k][];
    for (int c = 0; c < k; c++) {
      int[] map = toComponent[c];
      double lacking = 0;
      for (int i = FIRST_WORD; i < size; i++) {
        if (map[i] == Vocabulary.UNK) {
          lacking += unigram[i];
        }
      }
      float[] s = new float[size];
      for (int i = FIRST_WORD; i < size && lacking > 0; i++) {
        if (map[i] == Vocabulary.UNK) {
          s[i] = unigram[i] > 0 ? (float) Math.log10(unigram[i] / lacking) : Float.NEGATIVE_INFINITY;
        }
      }
      share[c] = s;
    }
    return share;
  }

  /** Union ids below this are {@code <unk>}, {@code <s>} and {@code </s>}, which every component has. */
  private static final int FIRST_WORD = 3;

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int order() {
    return order;
  }

  /** The weights, in model order. */
  public double[] weights() {
    double[] w = new double[log10Weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(10, log10Weights[i]);
    }
    return w;
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    Scratch s = scratch.get();
    for (int c = 0; c < models.length; c++) {
      s.answers[c] = log10Weights[c] == Double.NEGATIVE_INFINITY ? 0
          : queryComponent(c, context, from, length, word, s);
    }
    return mix(s.answers, word, s.terms);
  }

  /** The mixture of the components' answers {@code answers[c]} to one query of {@code word}. */
  private long mix(long[] answers, int word, double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    int matched = 0;
    for (int c = 0; c < models.length; c++) {
      if (log10Weights[c] == Double.NEGATIVE_INFINITY) {
        terms[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      long r = answers[c];
      terms[c] = log10Weights[c] + LanguageModel.score(r) + unknownShare[c][word];
      max = Math.max(max, terms[c]);
      matched = Math.max(matched, LanguageModel.matchedOrder(r));
    }
    double sum = 0;
    for (int c = 0; c < models.length; c++) {
      sum += Math.pow(10, terms[c] - max);
    }
    return LanguageModel.pack((float) (max + Math.log10(sum)), matched);
  }

  /**
   * One thread's buffers for {@link #answerQuads}: the queries in each component's ids, their
   * answers, and a cursor for each component that is a {@link BinaryLm}. Not thread-safe.
   */
  public final class Batch {
    private int[][] quads = new int[models.length][0];
    private long[][] answers = new long[models.length][0];
    private int[] scratch = new int[0];
    private final BinaryLm.Cursor[] cursors = new BinaryLm.Cursor[models.length];
    private final long[] one = new long[models.length];
    private final double[] terms = new double[models.length];

    private Batch() {
      for (int c = 0; c < models.length; c++) {
        if (models[c] instanceof BinaryLm b) {
          cursors[c] = b.cursor();
        }
      }
    }
  }

  /** Buffers for {@link #answerQuads}, for the calling thread alone. */
  public Batch batch() {
    return new Batch();
  }

  /**
   * The answers to the {@code count} queries of {@code quads} (laid out as for {@link
   * BinaryLm#answerQuads}: four ints a query, its history words oldest first with -1 where the
   * history is shorter, then the word), the same as {@link #query} one by one: each component that
   * is a {@link BinaryLm} answers all of them at once in its own ids, so that their cache misses
   * overlap, and then each query's answers are mixed.
   */
  public void answerQuads(int[] quads, int count, long[] out, Batch batch) {
    int n4 = 4 * count;
    if (batch.scratch.length < BinaryLm.QUAD_SCRATCH * count) {
      batch.scratch = new int[Math.max(BinaryLm.QUAD_SCRATCH * count, 2 * batch.scratch.length)];
    }
    for (int c = 0; c < models.length; c++) {
      if (log10Weights[c] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      if (batch.quads[c].length < n4) {
        batch.quads[c] = new int[Math.max(n4, 2 * batch.quads[c].length)];
        batch.answers[c] = new long[Math.max(count, 2 * batch.answers[c].length)];
      }
      int[] mapped = batch.quads[c];
      int[] map = toComponent[c];
      for (int k = 0; k < n4; k++) {
        int v = quads[k];
        mapped[k] = v < 0 ? -1 : map[v];
      }
      long[] answers = batch.answers[c];
      if (models[c] instanceof BinaryLm b) {
        b.answerQuads(mapped, count, answers, batch.scratch, batch.cursors[c]);
      } else {
        for (int i = 0; i < count; i++) {
          int h = Math.min(BinaryLm.historyLength(mapped, i), models[c].order() - 1);
          answers[i] = models[c].query(mapped, 4 * i + 3 - h, h, mapped[4 * i + 3]);
        }
      }
    }
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < models.length; c++) {
        batch.one[c] = log10Weights[c] == Double.NEGATIVE_INFINITY ? 0 : batch.answers[c][i];
      }
      out[i] = mix(batch.one, quads[4 * i + 3], batch.terms);
    }
  }

  /**
   * Per-thread buffers that keep queries allocation-free, and a cursor for each component that is a
   * {@link BinaryLm}, so that a component's query does not look up the thread's memory again.
   */
  private static final class Scratch {
    final int[] context;
    final double[] terms;
    final long[] answers;
    final BinaryLm.Cursor[] cursors;

    Scratch(int order, LanguageModel[] models) {
      context = new int[order];
      terms = new double[models.length];
      answers = new long[models.length];
      cursors = new BinaryLm.Cursor[models.length];
      for (int c = 0; c < models.length; c++) {
        if (models[c] instanceof BinaryLm b) {
          cursors[c] = b.cursor();
        }
      }
    }
  }

  private long queryComponent(int c, int[] context, int from, int length, int word, Scratch s) {
    int[] map = toComponent[c];
    int[] buf = s.context;
    int n = Math.min(length, models[c].order() - 1);
    int start = from + length - n;
    for (int k = 0; k < n; k++) {
      buf[k] = map[context[start + k]];
    }
    BinaryLm.Cursor cursor = s.cursors[c];
    return cursor != null ? ((BinaryLm) models[c]).query(cursor, buf, 0, n, map[word])
        : models[c].query(buf, 0, n, map[word]);
  }

  /**
   * Fits interpolation weights to {@code devText} by expectation-maximization: starting from
   * uniform weights, each iteration sets {@code lambda_i} to the mean over the dev tokens of the
   * posterior {@code lambda_i p_i / sum_j lambda_j p_j}; this never lowers the dev likelihood. It
   * stops after {@link #EM_MAX_ITERATIONS} or when the relative gain falls under {@link
   * #EM_TOLERANCE}. Dev tokens are those {@link Perplexity} scores (words the merged vocabulary
   * knows, and {@code </s>}).
   *
   * @return one weight per model, summing to 1
   */
  public static double[] fitWeights(List<? extends LanguageModel> models, CharSequence devText) {
    int k = models.size();
    double[] uniform = new double[k];
    java.util.Arrays.fill(uniform, 1.0 / k);
    InterpolatedLm lm = new InterpolatedLm(models, uniform);
    List<double[]> rows = new ArrayList<>();
    Scratch buf = new Scratch(lm.order, lm.models);
    int window = Math.max(1, lm.order - 1);
    int[][] ctx = {new int[64]};
    LmText.forEachSentence(devText, (forms, count) -> {
      if (ctx[0].length < count + 2) {
        ctx[0] = new int[Math.max(count + 2, ctx[0].length * 2)];
      }
      int[] c = ctx[0];
      c[0] = Vocabulary.BOS;
      for (int i = 0; i < count; i++) {
        c[i + 1] = lm.vocabulary.id(forms[i]);
      }
      c[count + 1] = Vocabulary.EOS;
      for (int i = 1; i <= count + 1; i++) {
        if (c[i] == Vocabulary.UNK) {
          continue;
        }
        int from = Math.max(0, i - window);
        double[] row = new double[k];
        for (int m = 0; m < k; m++) {
          row[m] = LanguageModel.score(lm.queryComponent(m, c, from, i - from, c[i], buf))
              + lm.unknownShare[m][c[i]];
        }
        rows.add(row);
      }
    });
    if (rows.isEmpty()) {
      throw new org.unspin.api.InputException("the dev text has no words to fit weights on");
    }
    double[] w = uniform.clone();
    double prev = Double.NEGATIVE_INFINITY;
    int it;
    for (it = 0; it < EM_MAX_ITERATIONS; it++) {
      double[] acc = new double[k];
      double ll = 0;
      for (double[] row : rows) {
        double max = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < k; m++) {
          max = Math.max(max, row[m]);
        }
        double tot = 0;
        double[] post = new double[k];
        for (int m = 0; m < k; m++) {
          post[m] = w[m] * Math.pow(10, row[m] - max);
          tot += post[m];
        }
        ll += Math.log10(tot) + max;
        for (int m = 0; m < k; m++) {
          acc[m] += post[m] / tot;
        }
      }
      for (int m = 0; m < k; m++) {
        w[m] = acc[m] / rows.size();
      }
      if (ll - prev <= EM_TOLERANCE * Math.abs(ll)) {
        break;
      }
      prev = ll;
    }
    LOG.debug("EM: {} dev tokens, {} iterations, weights {}", rows.size(), it, java.util.Arrays.toString(w));
    double s = 0;
    for (double x : w) {
      s += x;
    }
    for (int m = 0; m < k; m++) {
      w[m] /= s;
    }
    return w;
  }
}
