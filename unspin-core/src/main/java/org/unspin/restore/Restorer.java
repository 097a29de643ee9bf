package org.unspin.restore;

import org.unspin.text.CasePattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.Edit;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.LmQueryCache;
import org.unspin.lm.UnknownWords;
import org.unspin.lm.Vocabulary;

/**
 * Restores spun text: builds a {@link Lattice} per sentence from the {@link CandidateGenerator},
 * the {@link ContextProposer} and the {@link ChannelModel}, decodes it with the language model,
 * and turns the best path into {@link Edit}s with posterior confidences. Then, for
 * {@link ChannelWeights#selfTrainingRounds()} rounds, re-estimates a document channel from the
 * confident edits (the spinner's habits repeat) and decodes again.
 *
 * <pre>{@code
 * Restorer r = Restorer.builder(lm).candidates(lexiconGenerator).neighbourhood(nb).build();
 * RestoredText out = r.restore(text, tokens);
 * }</pre>
 *
 * <p>Speed: the candidates of a span are cached by span ({@link SpanCache}, when the generators
 * allow it), and each thread keeps its lattice, decoder and an {@link LmQueryCache} from call to
 * call, so that repeated n-gram queries (local scores, decoding, self-training rounds) cost a
 * hash probe. Neither changes any result.
 *
 * <p>Immutable and thread-safe: each thread uses its own working memory.
 */
public final class Restorer {
  private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
  /** The re-estimated document rate stays within these bounds. */
  private static final double MIN_RATE = 0.01;
  private static final double MAX_RATE = 0.95;
  /**
   * Least default size of the span cache, in candidates per generation: news text needs about 30
   * a word, so this holds the candidates of the 8,000 or so commonest words and phrases, which
   * cover about nine tokens in ten.
   */
  public static final long MIN_DEFAULT_SPAN_CACHE = 250_000;
  /** Largest default size of the span cache, in candidates per generation (about 800 MB in all). */
  public static final long MAX_DEFAULT_SPAN_CACHE = 2_000_000;

  /**
   * The default size of the span cache, in candidates per generation: what one sixteenth of the
   * JVM's maximum heap holds at about 200 bytes a candidate (both generations together take an
   * eighth), within [{@value #MIN_DEFAULT_SPAN_CACHE}, {@value #MAX_DEFAULT_SPAN_CACHE}]; 1.2
   * million with the launcher's {@code -Xmx4g}. Three hundred news documents already bring about
   * 600,000 candidates: a cache that cannot hold a server's working set recomputes the same
   * words' candidates over and over.
   */
  public static long defaultSpanCacheSize() {
    long fit = Runtime.getRuntime().maxMemory() / 16 / 200;
    return Math.max(MIN_DEFAULT_SPAN_CACHE, Math.min(MAX_DEFAULT_SPAN_CACHE, fit));
  }

  private final LanguageModel lm;
  /** The candidates of every document but those that pass {@link #gate}. */
  private final Layer base;
  /** The candidates of a document that passes {@link #gate} ({@link Builder#gatedCandidates}); null without. */
  private final Layer gated;
  /** Which documents get the gated candidates instead ({@link Builder#gatedCandidates}); null without. */
  private final java.util.function.Predicate<String> gate;
  /**
   * The base's and the gated candidates with the judged ones added ({@link Builder#judgedCandidates}),
   * for a document the judge finds at least {@link #judgedCandidatesGate} likely spun without them;
   * null without.
   */
  private final Layer judgedBase;
  private final Layer judgedGated;
  private final double judgedCandidatesGate;
  /** A document's own candidates ({@link Builder#documentCandidates}); null without. */
  private final java.util.function.Function<String, SpanCandidateGenerator> documentCandidates;
  private final ContextProposer proposer;
  private final ChannelWeights weights;
  private final ChannelModel channel;
  private final EditReranker reranker;
  private final SpunJudge judge;
  private final ThreadLocal<Work> works;
  /** The LM's ids of the closed-class words, as a bit set (for {@link ChannelWeights#writtenOriginalBonus()}). */
  private final long[] closedIds;

  private Restorer(Builder b) {
    this.reranker = b.reranker;
    this.judge = b.judge;
    this.lm = b.lm;
    this.weights = b.weights;
    this.channel = new ChannelModel(b.weights);
    this.proposer = b.neighbourhood == null ? null : new ContextProposer(b.lm, b.neighbourhood, b.weights);
    this.base = new Layer(b.generator, proposer == null, b.spanCacheSize);
    this.gate = b.gate;
    this.documentCandidates = b.documentCandidates;
    this.gated = b.gate == null ? null : new Layer(b.gatedGenerator, proposer == null, b.spanCacheSize);
    this.judgedCandidatesGate = b.judgedGenerator == null ? 0 : b.judgedGate;
    this.judgedBase = b.judgedGenerator == null ? null
        : new Layer(CandidateGenerator.union(List.of(b.generator, b.judgedGenerator)), proposer == null,
            b.spanCacheSize);
    this.judgedGated = b.judgedGenerator == null || b.gate == null ? null
        : new Layer(CandidateGenerator.union(List.of(b.gatedGenerator, b.judgedGenerator)), proposer == null,
            b.spanCacheSize);
    LanguageModel model = b.lm;
    this.works = ThreadLocal.withInitial(() -> new Work(model, wordIdCache,
        (float) (weights.unknownAsRare() > 0 ? weights.unknownAsRare() * unknownGap() : 0)));
    this.closedIds = closedClassIds(b.lm.vocabulary());
  }

  private static long[] closedClassIds(Vocabulary vocab) {
    long[] bits = new long[(vocab.size() >>> 6) + 1];
    for (String word : org.unspin.channel.ClosedClassWords.ALL) {
      int id = vocab.id(word);
      if (id != Vocabulary.UNK && id >= 0 && id < bits.length * 64) {
        bits[id >>> 6] |= 1L << id;
      }
    }
    return bits;
  }

  /** Whether the candidate's words ({@code ids}) include one outside the closed classes. */
  private boolean hasOpenClassWord(int[] ids) {
    for (int id : ids) {
      if (!hasBit(closedIds, id)) {
        return true;
      }
    }
    return false;
  }

  /** Whether bit {@code id} of the bit set {@code bits} is set (false outside it). */
  private static boolean hasBit(long[] bits, int id) {
    return id >= 0 && id < bits.length * 64 && (bits[id >>> 6] & (1L << id)) != 0;
  }

  /**
   * One set of candidate generators with its span cache: every document's, or (with a gate) those
   * of the documents that pass it, which have a cache of their own, since a span's cached
   * candidates are those of the generators that made them.
   */
  private static final class Layer {
    final CandidateGenerator generator;
    /** The generator's parts when all of them answer span by span, else null. */
    final List<SpanCandidateGenerator> spanParts;
    /** Null when the generator cannot be cached by span, context proposals are on, or the size is 0. */
    final SpanCache spanCache;

    Layer(CandidateGenerator generator, boolean cacheable, long spanCacheSize) {
      this.generator = generator;
      List<SpanCandidateGenerator> parts = new ArrayList<>();
      this.spanParts = spanParts(generator, parts) ? List.copyOf(parts) : null;
      this.spanCache = spanParts != null && cacheable && spanCacheSize > 0 ? new SpanCache(spanCacheSize) : null;
    }
  }

  /** Adds the span generators {@code g} consists of to {@code out}; false if some part is not one. */
  private static boolean spanParts(CandidateGenerator g, List<SpanCandidateGenerator> out) {
    if (g instanceof SpanCandidateGenerator sg) {
      out.add(sg);
      return true;
    }
    if (g instanceof CandidateGenerator.Union u) {
      for (CandidateGenerator part : u.parts()) {
        if (!spanParts(part, out)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A builder around {@code lm}; without candidates or a neighbourhood nothing can change. */
  public static Builder builder(LanguageModel lm) {
    return new Builder(lm);
  }

  /** Configures a {@link Restorer}. */
  public static final class Builder {
    private final LanguageModel lm;
    private CandidateGenerator generator = CandidateGenerator.NONE;
    private Neighbourhood neighbourhood;
    private ChannelWeights weights = ChannelWeights.DEFAULTS;
    private EditReranker reranker;
    private SpunJudge judge;
    private long spanCacheSize = defaultSpanCacheSize();
    private CandidateGenerator gatedGenerator;
    private java.util.function.Predicate<String> gate;
    private CandidateGenerator judgedGenerator;
    private double judgedGate;
    private java.util.function.Function<String, SpanCandidateGenerator> documentCandidates;

    private Builder(LanguageModel lm) {
      this.lm = Objects.requireNonNull(lm, "lm");
    }

    public Builder candidates(CandidateGenerator g) {
      this.generator = Objects.requireNonNull(g, "candidates");
      return this;
    }

    /**
     * Uses {@code g}'s candidates instead of those of {@link #candidates} in the documents (whole
     * texts given to {@code restore}, {@code proposals} or {@code learnFromBatch}) for which {@code
     * gate} is true, and in those the judge finds at least {@link ChannelWeights#gatedJudgedGate()}
     * likely spun with the others: a spinner's profile at full strength for the texts that show that
     * spinner's signature. Null for both removes it.
     *
     * @throws IllegalArgumentException if one of them is null and the other not
     */
    public Builder gatedCandidates(CandidateGenerator g, java.util.function.Predicate<String> gate) {
      if ((g == null) != (gate == null)) {
        throw new IllegalArgumentException("gatedCandidates needs both a generator and a gate, or neither");
      }
      this.gatedGenerator = g;
      this.gate = gate;
      return this;
    }

    /**
     * Adds the candidates of {@code g} (e.g. a user's spinner profiles) to those of a document that
     * the judge ({@link #judge}) finds at least {@code gate} likely spun without them: the document
     * is then restored again with them. A profile learned from one spinner's pages then leaves
     * other text alone. Without a judge, or where it is not asked (no self-training, both of its
     * gates at 0), no document gets them. Null removes them.
     *
     * @throws IllegalArgumentException if {@code gate} is not in (0, 1]
     */
    public Builder judgedCandidates(CandidateGenerator g, double gate) {
      if (g != null && !(gate > 0 && gate <= 1)) {
        throw new IllegalArgumentException("gate must be in (0, 1] (got " + gate + ")");
      }
      this.judgedGenerator = g;
      this.judgedGate = gate;
      return this;
    }

    /**
     * Adds, for each document, the candidates of the generator {@code f} makes for its text (null:
     * none): candidates that hold in one document only, such as a tortured-phrase list's entries
     * whose condition on the rest of the text held there. They are not cached. With {@link
     * #gatedCandidates}, only the documents that get the gated candidates are asked. Null removes it.
     */
    public Builder documentCandidates(java.util.function.Function<String, SpanCandidateGenerator> f) {
      this.documentCandidates = f;
      return this;
    }

    /** Enables context proposals drawn from {@code nb}; null disables them. */
    public Builder neighbourhood(Neighbourhood nb) {
      this.neighbourhood = nb;
      return this;
    }

    public Builder weights(ChannelWeights w) {
      this.weights = Objects.requireNonNull(w, "weights");
      return this;
    }

    /**
     * Lets {@code r} accept or reject each edit of the best path (and give its confidence) instead
     * of the posterior threshold {@link ChannelWeights#minEditConfidence()}; null: posteriors only.
     */
    public Builder reranker(EditReranker r) {
      this.reranker = r;
      return this;
    }

    /**
     * Lets {@code j} judge each document after self-training: where it gives at least {@link
     * ChannelWeights#judgedSpunGate()}, the last round is decoded again with the spin rate
     * re-estimated with {@link ChannelWeights#judgedRateSmoothing()} instead of {@link
     * ChannelWeights#rateSmoothing()} (when that is higher), and that is the result; where it gives
     * less than {@link ChannelWeights#judgedCleanGate()}, the result keeps only the edits the
     * reranker gives at least {@link ChannelWeights#judgedCleanThreshold()}. Either way the
     * restoration the judge read goes with the result as {@link RestoredText#judgedFrom()}. Null
     * (the default), both gates at 0 or no self-training: no judge.
     */
    public Builder judge(SpunJudge j) {
      this.judge = j;
      return this;
    }

    /**
     * How many candidates the span cache holds per generation (two generations, about 200 bytes
     * a candidate; default {@link #defaultSpanCacheSize()}); 0 turns it off. The cache only works
     * when every candidate generator is a {@link SpanCandidateGenerator} and there are no context
     * proposals; it never changes the result, only the time.
     */
    public Builder spanCacheSize(long candidates) {
      if (candidates < 0) {
        throw new IllegalArgumentException("spanCacheSize must be >= 0 (got " + candidates + ")");
      }
      this.spanCacheSize = candidates;
      return this;
    }

    public Restorer build() {
      return new Restorer(this);
    }
  }

  public ChannelWeights weights() {
    return weights;
  }

  /** Restores {@code text} tokenized by {@link AnalyzedTokens}. */
  public RestoredText restore(String text) {
    return restore(text, AnalyzedTokens.of(text));
  }

  /**
   * Restores {@code text} whose tokens are {@code tokens} (in order, not overlapping, each
   * surface equal to the text at its offsets).
   *
   * @throws IllegalArgumentException if the tokens do not fit the text
   */
  public RestoredText restore(String text, List<InputToken> tokens) {
    return restore(text, tokens, layerFor(text));
  }

  /**
   * {@link #restore(String, List)} with the gated candidates ({@link Builder#gatedCandidates}) or
   * not as the caller has already decided by the same gate ({@code gated}), which is then not
   * asked again.
   */
  public RestoredText restore(String text, List<InputToken> tokens, boolean gated) {
    return restore(text, tokens, gated && this.gated != null ? this.gated : base);
  }

  private RestoredText restore(String text, List<InputToken> tokens, Layer layer) {
    Decoded d = decodeRounds(text, tokens, layer);
    if (d.ownRate != null) {
      return d.restored().withJudgedFrom(d.ownRate.restored());
    }
    if (d.cleanFloor > 0) {
      RestoredText strict = d.toRestoredText(weights.minEditConfidence(), d.cleanFloor);
      if (strict.edits().size() < d.restored().edits().size()) { // (else the same, and one analysis does)
        return strict.withJudgedFrom(d.restored());
      }
    }
    return d.restored();
  }

  /**
   * Every change of the final best path with its features ({@link EditReranker#FEATURES}) and its
   * posterior as confidence, before any posterior threshold or reranker: the training examples of
   * the edit reranker.
   */
  public List<ProposedEdit> proposals(String text) {
    List<InputToken> tokens = AnalyzedTokens.of(text);
    Decoded d = decodeRounds(text, tokens, layerFor(text));
    List<ProposedEdit> out = new ArrayList<>(d.changes.size());
    for (Change ch : d.changes) {
      out.add(new ProposedEdit(d.edit(ch, Math.max(0, Math.min(1, ch.posterior))), ch.features.clone()));
    }
    return out;
  }

  private Decoded decodeRounds(String text, List<InputToken> tokens, Layer layer) {
    Work work = work();
    Decoded d = decodeRounds(text, tokens, layer, work);
    // A text the judge finds likely spun with the base's candidates gets the gated ones instead
    // ({@link ChannelWeights#gatedJudgedGate()}; NaN, not judged: no).
    double g = weights.gatedJudgedGate();
    if (layer != gated && gated != null && g > 0 && d.judgedP >= g) {
      layer = gated;
      d = decodeRounds(text, tokens, gated, work);
    }
    // and one it finds likely spun without the judged candidates gets them too (Builder.judgedCandidates)
    if (judgedBase != null && d.judgedP >= judgedCandidatesGate) {
      return decodeRounds(text, tokens, layer == gated ? judgedGated : judgedBase, work);
    }
    return d;
  }

  /** The candidates of {@code text}: the gated ones where it passes the gate, else the base's. */
  private Layer layerFor(String text) {
    return gate != null && gate.test(text) ? gated : base;
  }

  private Decoded decodeRounds(String text, List<InputToken> tokens, Layer layer, Work work) {
    Prepared doc = prepare(text, tokens, work, layer);
    DocChannel state = new DocChannel(weights.replacementRate(), null);
    Decoded result = decodeDocument(doc, state, work, 0);
    DocChannel last = null;
    for (int round = 1; round <= weights.selfTrainingRounds(); round++) {
      DocChannel next = new DocChannel(0, new SubstitutionCounts.Accumulator());
      if (weights.orderShareSmoothing() > 0 && weights.orderChoiceShare() > 0) {
        next.channel = channel;
      }
      next.collect(result, 0, weights);
      next.rate = estimateRate(next.counts);
      if (next.channel != null) {
        next.estimateOrderShare(weights.orderChoiceShare(), weights.orderShareSmoothing());
      }
      if (reranker != null && weights.spunRateGate() > 0) {
        next.rate = selfTrainingRate(next.rate, result.strictShare(result.judged()), weights);
      }
      if (next.counts.isEmpty()) {
        break;
      }
      LOG.debug("self-training round {}: rate {}", round, next.rate);
      result = decodeDocument(doc, next, work, 0);
      last = next;
    }
    if (last != null && judge != null && weights.asksJudge()) {
      // The judge reads the result at the document's own rate. A document it calls spun is decoded
      // once more at a rate nearer the prior, and that is the result; one it thinks clean keeps only
      // the edits the reranker is sure of (restore()). What the judge read stays what the detector
      // scores. A document past both gates is treated as spun.
      double p = judge.spunProbability(text, result.restored());
      result.judgedP = p;
      LOG.debug("judged p = {} (own rate {})", p, last.rate);
      if (p < weights.judgedCleanGate()) {
        result.cleanFloor = weights.judgedCleanThreshold();
      }
      if (weights.judgedSpunGate() > 0 && p >= weights.judgedSpunGate()) {
        double raised = estimateRate(last.counts, weights.judgedRateSmoothing());
        if (raised > last.rate) {
          last.rate = raised;
          Decoded judged = decodeDocument(doc, last, work, 0);
          judged.ownRate = result;
          judged.judgedP = p;
          result = judged;
        }
      }
    }
    return result;
  }

  /**
   * The unaligned profile learner: restores every text of a batch (one site's pages, one
   * spinner), pools the confident substitutions of all of them, decodes again with the pooled
   * channel for {@link ChannelWeights#selfTrainingRounds()} rounds, and returns the last round's
   * restorations that the restoration keeps (posterior at least {@link
   * ChannelWeights#selfTrainingMinConfidence()} and, where the edit reranker judges them, its
   * probability at its threshold or more) with how often each learned surface phrase occurs in
   * the batch ({@link SubstitutionCounts#occurrences}). Texts are tokenized with {@link
   * AnalyzedTokens}.
   */
  public SubstitutionCounts learnFromBatch(List<String> texts) {
    return learnFromBatch(texts, AnalyzedTokens::of);
  }

  /** {@link #learnFromBatch(List)} with the caller's tokenizer (e.g. an analyzer adapter). */
  public SubstitutionCounts learnFromBatch(List<String> texts,
      java.util.function.Function<String, List<InputToken>> tokenizer) {
    return learnFromBatch(texts, tokenizer, (round, rounds, documents) -> { });
  }

  /** Told how far {@link #learnFromBatch(Iterable, java.util.function.Function, BatchProgress)} is. */
  @FunctionalInterface
  public interface BatchProgress {
    /**
     * Called after each document of each pass: {@code round} from 0 to {@code rounds} (the
     * decoding rounds), then {@code rounds + 1} for the last pass, which only counts the learned
     * phrases' occurrences; {@code documents} done in this pass.
     */
    void documentDone(int round, int rounds, int documents);
  }

  /**
   * {@link #learnFromBatch(List)} over texts read again for each pass ({@link
   * ChannelWeights#selfTrainingRounds()} + 2 passes: the decoding rounds, then one that counts the
   * learned surfaces' occurrences), so that memory holds one text at a time plus the counts:
   * {@code texts} must give the same texts in the same order every time it is iterated.
   */
  public SubstitutionCounts learnFromBatch(Iterable<String> texts,
      java.util.function.Function<String, List<InputToken>> tokenizer, BatchProgress progress) {
    return learnFromBatch(texts, tokenizer, progress, 1);
  }

  /**
   * {@link #learnFromBatch(Iterable, java.util.function.Function, BatchProgress)} with the texts of
   * each round restored by {@code threads} threads (the counts are taken in the texts' order, so
   * the result is the same for any number of threads).
   *
   * @throws IllegalArgumentException if {@code threads} is under 1
   */
  public SubstitutionCounts learnFromBatch(Iterable<String> texts,
      java.util.function.Function<String, List<InputToken>> tokenizer, BatchProgress progress, int threads) {
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    java.util.concurrent.ExecutorService pool = threads == 1 ? null
        : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "unspin-batch");
          t.setDaemon(true);
          return t;
        });
    try {
      return learnFromBatch(texts, tokenizer, progress, pool, threads);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private SubstitutionCounts learnFromBatch(Iterable<String> texts,
      java.util.function.Function<String, List<InputToken>> tokenizer, BatchProgress progress,
      java.util.concurrent.ExecutorService pool, int threads) {
    DocChannel state = new DocChannel(weights.replacementRate(), null);
    SubstitutionCounts.Accumulator last = null;
    int rounds = weights.selfTrainingRounds();
    // The last round's restorations that the restoration keeps: the reranker's veto applies to
    // what the batch learns, as to what it reports ("commercial paper" to "music" in two texts
    // is not a habit).
    SubstitutionCounts.Accumulator kept = new SubstitutionCounts.Accumulator();
    for (int round = 0; round <= rounds; round++) {
      DocChannel collector = new DocChannel(0, new SubstitutionCounts.Accumulator());
      int d = 0;
      for (Decoded decoded : decodedInOrder(texts, tokenizer, state, pool, threads)) {
        collector.collect(decoded, d, weights);
        collector.counts.documents++;
        if (round == rounds) {
          for (Change ch : decoded.changes) {
            if (ch.posterior >= weights.selfTrainingMinConfidence()
                && (!decoded.judges(ch) || reranker.probability(ch.features) >= reranker.threshold())) {
              kept.add(ch.key, ch.posterior, d);
            }
          }
        }
        d++;
        progress.documentDone(round, rounds, d);
      }
      collector.rate = estimateRate(collector.counts);
      LOG.debug("batch round {}: {} documents, rate {}", round, d, collector.rate);
      last = collector.counts;
      state = collector;
    }
    // How often each learned surface occurs in all, restored or not: a profile's entry for a surface
    // the batch mostly leaves as it is ("about", with "of" learned) is worth less than one for a
    // surface it always restores ("angstrom" for "a").
    kept.eligible = last.eligible;
    kept.changed = last.changed;
    kept.documents = last.documents;
    java.util.Set<String> surfaces = kept.surfaces();
    Map<String, Integer> occurrences = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    int d = 0;
    for (String text : texts) {
      List<InputToken> tokens = tokenizer.apply(text);
      for (int i = 0; i < tokens.size(); i++) {
        sb.setLength(0);
        for (int len = 1; len <= Candidate.MAX_SPAN && i + len <= tokens.size(); len++) {
          if (len > 1) {
            sb.append(' ');
          }
          sb.append(tokens.get(i + len - 1).lmForm());
          String phrase = sb.toString();
          if (surfaces.contains(phrase)) {
            occurrences.merge(phrase, 1, Integer::sum);
          }
        }
      }
      d++;
      progress.documentDone(rounds + 1, rounds, d);
    }
    return kept.freeze(occurrences);
  }

  /**
   * The texts restored at {@code state}'s channel, in their order: on this thread without a
   * {@code pool}, else by the pool's threads with at most two texts a thread in flight. The channel
   * is only read while a round decodes; each text's restoration is its own.
   */
  private Iterable<Decoded> decodedInOrder(Iterable<String> texts,
      java.util.function.Function<String, List<InputToken>> tokenizer, DocChannel state,
      java.util.concurrent.ExecutorService pool, int threads) {
    return () -> new java.util.Iterator<>() {
      private final java.util.Iterator<String> it = texts.iterator();
      private final java.util.ArrayDeque<java.util.concurrent.Future<Decoded>> inFlight = new java.util.ArrayDeque<>();
      private int submitted;

      @Override
      public boolean hasNext() {
        return !inFlight.isEmpty() || it.hasNext();
      }

      @Override
      public Decoded next() {
        if (pool == null) {
          return decodeText(it.next(), tokenizer, state, submitted++);
        }
        while (inFlight.size() < 2 * threads && it.hasNext()) {
          String text = it.next();
          int index = submitted++;
          inFlight.add(pool.submit(() -> decodeText(text, tokenizer, state, index)));
        }
        try {
          return inFlight.remove().get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("batch learning interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    };
  }

  /** Text {@code index} of a batch restored at {@code state}'s channel, on this thread's work space. */
  private Decoded decodeText(String text, java.util.function.Function<String, List<InputToken>> tokenizer,
      DocChannel state, int index) {
    Work work = work();
    return decodeDocument(prepare(text, tokenizer.apply(text), work, layerFor(text)), state, work, index);
  }

  /**
   * The spin rate of a self-training round: the document's own {@code estimate}, but in a document
   * whose strict edits (those the reranker keeps at its own threshold) are at least {@link
   * ChannelWeights#spunRateGate()} of its eligible tokens ({@code strictShare}), not below {@code
   * min(replacementRate, spunRateFactor * strictShare)}.
   */
  static double selfTrainingRate(double estimate, double strictShare, ChannelWeights w) {
    if (w.spunRateGate() <= 0 || strictShare < w.spunRateGate()) {
      return estimate;
    }
    return Math.max(estimate, Math.min(w.replacementRate(), w.spunRateFactor() * strictShare));
  }

  private double estimateRate(SubstitutionCounts.Accumulator acc) {
    return estimateRate(acc, weights.rateSmoothing());
  }

  /** The document's (or batch's) spin rate: its changed share with {@code smoothing} eligible words at the prior. */
  private double estimateRate(SubstitutionCounts.Accumulator acc, double smoothing) {
    double prior = weights.replacementRate();
    double rate = (acc.changed + smoothing * prior) / (acc.eligible + smoothing);
    return Math.max(MIN_RATE, Math.min(MAX_RATE, rate));
  }

  // ---------------------------------------------------------------------------------------------
  // Preparation: sentences, LM ids and candidates, computed once per document.

  /** One sentence ready for lattice building. */
  private static final class Sentence {
    int first; // index of its first token in the document
    List<InputToken> tokens;
    int[] ids;
    boolean[] eligible;
    List<Candidate> candidates; // validated: in range, known words, not the identity, deduplicated
    int[][] candidateIds;
    boolean[] surfaceKnown;
    float[] inputLm; // per token LM score of the input as written
    float[] inputFirst; // per token LM score of the token alone (inputLm without the sentence end)
    float[] localGain; // per candidate: window LM score minus the input's over the same window
    String[] pairKeys; // per candidate: surface phrase TAB original phrase
    String[] originals; // per candidate: original phrase
    double[] candidateCost; // per candidate: ChannelModel.candidateCost
    double[] immutableCost; // per candidate: ChannelModel.immutableCost at its tokens
  }

  private static final class Prepared {
    String text;
    /** The candidate generators of this document ({@link #gate}). */
    Layer layer;
    /** This document's own candidates ({@link Builder#documentCandidates}), or null. */
    SpanCandidateGenerator own;
    List<InputToken> tokens;
    List<Sentence> sentences = new ArrayList<>();
    /** This thread's word ids ({@link Work#wordIds}). */
    WordIds ids;
    /** The LM's id of each token's LM form ({@link Vocabulary#UNK} for unknown words), looked up once. */
    int[] tokenIds;

    /**
     * Where each LM form of the input is written, built on first use: per form, in element 0 the
     * count of the token indexes that follow from element 2 on, in element 1 how many of those
     * tokens are words. The reranker's "written as it is" counts.
     */
    Map<String, int[]> written;

    /** How often {@code words} occur in the input as written (word for word, LM forms). */
    int occurrences(List<String> words) {
      return occurrencesOutside(words, 0, 0);
    }

    /**
     * How often {@code words} occur in the input as written (word for word, LM forms) without
     * overlapping the tokens {@code [from, to)} of the document.
     */
    int occurrencesOutside(List<String> words, int from, int to) {
      if (written == null) {
        written = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
          InputToken t = tokens.get(i);
          int[] at = written.get(t.lmForm());
          if (at == null) {
            at = new int[6];
            written.put(t.lmForm(), at);
          } else if (at[0] + 2 == at.length) {
            at = java.util.Arrays.copyOf(at, at.length * 2);
            written.put(t.lmForm(), at);
          }
          at[2 + at[0]++] = i;
          if (t.kind() == TokenKind.WORD) {
            at[1]++;
          }
        }
      }
      int[] first = written.get(words.get(0));
      if (first == null || first[1] == 0) {
        return 0; // (the first word is not written as a word)
      }
      int size = words.size();
      if (size == 1 && to <= from) {
        return first[1];
      }
      // All occurrences (counted once per phrase and document: a long document asks about the same
      // phrases again and again, and scanning a frequent word's occurrences each time made the
      // restorer quadratic in the document's length), less those that overlap [from, to).
      int count = size == 1 ? first[1] : phraseCount(words, first);
      int lo = Math.max(0, from - size + 1);
      int hi = Math.min(to - 1, tokens.size() - size);
      for (int i = lo; i <= hi; i++) {
        if (writtenAt(words, i)) {
          count--;
        }
      }
      return count;
    }

    /** Per phrase of more than one word (its words): how often it is written. */
    Map<List<String>, Integer> phraseCounts;

    /** How often {@code words} (two or more) are written, word for word; {@code first} indexes its first word. */
    private int phraseCount(List<String> words, int[] first) {
      if (phraseCounts == null) {
        phraseCounts = new HashMap<>();
      }
      Integer known = phraseCounts.get(words); // (a look-up allocates nothing; a new phrase is copied in)
      if (known != null) {
        return known;
      }
      List<String> key = List.copyOf(words);
      // Walk the occurrences of the phrase's rarest word ("stock" of "the stock market"), not of its first.
      int[] rarest = first;
      int shift = 0;
      for (int k = 1; k < words.size(); k++) {
        int[] at = written.get(words.get(k));
        if (at == null) {
          phraseCounts.put(key, 0);
          return 0;
        }
        if (at[0] < rarest[0]) {
          rarest = at;
          shift = k;
        }
      }
      int count = 0;
      for (int j = 0; j < rarest[0]; j++) {
        int i = rarest[2 + j] - shift;
        if (i < 0) {
          continue;
        }
        if (i + words.size() > tokens.size()) {
          break; // (the indexes ascend)
        }
        if (writtenAt(words, i)) {
          count++;
        }
      }
      phraseCounts.put(key, count);
      return count;
    }

    /** Whether {@code words} are written at token {@code i} (one word: as a word token). */
    private boolean writtenAt(List<String> words, int i) {
      if (words.size() == 1) {
        return tokens.get(i).kind() == TokenKind.WORD && tokens.get(i).lmForm().equals(words.get(0));
      }
      for (int k = 0; k < words.size(); k++) {
        if (!tokens.get(i + k).lmForm().equals(words.get(k))) {
          return false;
        }
      }
      return true;
    }

    int id(Vocabulary vocab, String word) {
      return ids.id(vocab, word);
    }
  }

  /**
   * A thread's word ids: a small direct-mapped table in front of the restorer's map shared by its
   * threads and documents (candidate words repeat from one document to the next, and a look-up in
   * the mapped vocabulary costs a few cache misses).
   */
  private static final class WordIds {
    /** The restorer's map, shared by its threads. */
    final Map<String, Integer> shared;
    final String[] words = new String[1 << WORD_ID_BITS];
    final int[] hashes = new int[1 << WORD_ID_BITS];
    final int[] values = new int[1 << WORD_ID_BITS];

    WordIds(Map<String, Integer> shared) {
      this.shared = shared;
    }

    int id(Vocabulary vocab, String word) {
      // A candidate's words are mostly the same few thousand strings, often the very same objects
      // (the generators keep their word lists): the direct-mapped table, small enough to stay in the
      // processor's cache, answers them before the big shared map, whose look-up costs a few cache
      // misses. The same ids: both tables only hold what the vocabulary answered.
      int h = word.hashCode();
      int slot = (h ^ h >>> 15) & (words.length - 1);
      String w = words[slot];
      if (hashes[slot] == h && w != null && (w == word || w.equals(word))) {
        return values[slot];
      }
      Integer id = shared.get(word);
      if (id == null) {
        id = vocab.id(word);
        if (shared.size() < MAX_SHARED_IDS) {
          shared.put(word, id);
        }
      }
      words[slot] = word;
      hashes[slot] = h;
      values[slot] = id;
      return id;
    }
  }

  private Prepared prepare(String text, List<InputToken> tokens, Work work, Layer layer) {
    Objects.requireNonNull(text, "text");
    checkTokens(text, tokens);
    Prepared doc = new Prepared();
    doc.ids = work.wordIds;
    doc.text = text;
    doc.layer = layer;
    if (documentCandidates != null && (gate == null || layer == gated || layer == judgedGated)) {
      doc.own = documentCandidates.apply(text);
    }
    doc.tokens = tokens;
    Vocabulary vocab = lm.vocabulary();
    doc.tokenIds = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      doc.tokenIds[i] = doc.id(vocab, tokens.get(i).lmForm());
    }
    if (weights.writtenOriginalBonus() > 0) {
      work.markWritten(doc, vocab);
    }
    int start = 0;
    for (int i = 1; i <= tokens.size(); i++) {
      if (i == tokens.size() || tokens.get(i).sentenceStart()) {
        if (i > start) {
          checkInterrupted();
          doc.sentences.add(prepareSentence(doc, tokens, start, i, work));
        }
        start = i;
      }
    }
    return doc;
  }

  private static void checkTokens(String text, List<InputToken> tokens) {
    int prevEnd = 0;
    for (int i = 0; i < tokens.size(); i++) {
      InputToken t = tokens.get(i);
      if (t.start() < prevEnd || t.end() > text.length()) {
        throw new IllegalArgumentException("token " + i + " [" + t.start() + ", " + t.end()
            + ") overlaps the previous token or leaves the text of length " + text.length());
      }
      if (!text.regionMatches(t.start(), t.surface(), 0, t.surface().length())) {
        throw new IllegalArgumentException("token " + i + " surface '" + t.surface() + "' does not match the text at "
            + t.start());
      }
      prevEnd = t.end();
    }
  }

  /**
   * Identity of a candidate for deduplication: its span and its word ids, and its phrase when the
   * ids alone do not tell it (more than three words, or a word the LM does not know).
   */
  private record SpanKey(int from, int length, int w0, int w1, int w2, String phrase) {
    static SpanKey of(int from, int length, int[] ids, Candidate c) {
      boolean byPhrase = ids.length > 3 || unknownCount(ids, 0, ids.length) > 0;
      String phrase = byPhrase ? c.phrase().toLowerCase(java.util.Locale.ROOT) : null;
      return new SpanKey(from, length, ids[0], ids.length > 1 ? ids[1] : -1, ids.length > 2 ? ids[2] : -1, phrase);
    }
  }

  /**
   * A sentence's candidates before local scoring, in the order the generators listed them
   * (generator part by part, then span by span), validated and deduplicated, with their word ids,
   * whether the LM knows the surface they replace, and their first-pass channel cost.
   */
  private static final class Collected {
    Candidate[] cand = new Candidate[32];
    /** The candidate's start token; a cached candidate's own {@code from} may be another occurrence's. */
    int[] from = new int[32];
    int[][] ids = new int[32][];
    float[] prior = new float[32];
    boolean[] known = new boolean[32];
    String[] original = new String[32];
    String[] pairKey = new String[32];
    double[] candidateCost = new double[32];
    double[] immutableCost = new double[32];
    int size;

    /** Empties this for the next sentence (the arrays are kept: one instance serves a thread). */
    Collected clear() {
      java.util.Arrays.fill(cand, 0, size, null);
      java.util.Arrays.fill(ids, 0, size, null);
      java.util.Arrays.fill(original, 0, size, null);
      java.util.Arrays.fill(pairKey, 0, size, null);
      size = 0;
      return this;
    }

    void add(Candidate c, int start, int[] wordIds, float cost, boolean surfaceKnown, String orig, String key,
        double candCost, double immCost) {
      if (size == cand.length) {
        int cap = size * 2;
        cand = java.util.Arrays.copyOf(cand, cap);
        from = java.util.Arrays.copyOf(from, cap);
        ids = java.util.Arrays.copyOf(ids, cap);
        prior = java.util.Arrays.copyOf(prior, cap);
        known = java.util.Arrays.copyOf(known, cap);
        original = java.util.Arrays.copyOf(original, cap);
        pairKey = java.util.Arrays.copyOf(pairKey, cap);
        candidateCost = java.util.Arrays.copyOf(candidateCost, cap);
        immutableCost = java.util.Arrays.copyOf(immutableCost, cap);
      }
      cand[size] = c;
      from[size] = start;
      ids[size] = wordIds;
      prior[size] = cost;
      known[size] = surfaceKnown;
      original[size] = orig;
      pairKey[size] = key;
      candidateCost[size] = candCost;
      immutableCost[size] = immCost;
      size++;
    }

    /**
     * Whether candidate {@code k} replaces one token (with one word or more): those get a first
     * look, their first word against the token in the same left context.
     */
    boolean oneToken(int k) {
      return cand[k].length() == 1;
    }

    /** Whether candidate {@code k} puts one word for one token (the first-look caps rank those). */
    boolean oneWord(int k) {
      return cand[k].length() == 1 && ids[k].length == 1;
    }

    /** Candidate {@code k} with its real start token. */
    Candidate at(int k) {
      return cand[k].at(from[k]);
    }

    /**
     * Drops the candidates that overlap a listed tortured phrase's candidate ({@link
     * CandidateSource#FINGERPRINT}): the list says what the phrase stands for, so its tokens take
     * the list's wording or stay as written. Other readings would compete with it on the language
     * model alone, which may not know the field's term ("bunch size": a profile's "bunch" &lt;-
     * "group" made "group size", likelier to a model of general text than the listed "batch size"),
     * and a profile entry that makes the same text by another path ("bunch" &lt;- "batch") would split
     * its posterior.
     */
    void dropOverlappingListed() {
      int[] listed = null;
      int n = 0;
      for (int k = 0; k < size; k++) {
        if (cand[k].source() == CandidateSource.FINGERPRINT) {
          if (listed == null) {
            listed = new int[4];
          } else if (n == listed.length) {
            listed = java.util.Arrays.copyOf(listed, n * 2);
          }
          listed[n++] = k;
        }
      }
      if (n == 0) {
        return;
      }
      int w = 0;
      for (int k = 0; k < size; k++) {
        if (overlapsListed(k, listed, n)) {
          continue;
        }
        if (w != k) {
          cand[w] = cand[k];
          from[w] = from[k];
          ids[w] = ids[k];
          prior[w] = prior[k];
          known[w] = known[k];
          original[w] = original[k];
          pairKey[w] = pairKey[k];
          candidateCost[w] = candidateCost[k];
          immutableCost[w] = immutableCost[k];
        }
        w++;
      }
      java.util.Arrays.fill(cand, w, size, null);
      java.util.Arrays.fill(ids, w, size, null);
      java.util.Arrays.fill(original, w, size, null);
      java.util.Arrays.fill(pairKey, w, size, null);
      size = w;
    }

    /** Whether a candidate for the span {@code [from, from + length)} with these word ids is collected. */
    boolean holds(int start, int length, int[] wordIds, Candidate c) {
      boolean byPhrase = unknownCount(wordIds, 0, wordIds.length) > 0;
      for (int k = 0; k < size; k++) {
        if (from[k] == start && cand[k].length() == length && java.util.Arrays.equals(ids[k], wordIds)
            && (!byPhrase || cand[k].phrase().equalsIgnoreCase(c.phrase()))) {
          return true;
        }
      }
      return false;
    }

    /** Whether candidate {@code k} is to go: see {@link #dropOverlappingListed}. */
    private boolean overlapsListed(int k, int[] listed, int n) {
      if (cand[k].source() == CandidateSource.FINGERPRINT) {
        return insideListed(k, listed, n);
      }
      int a = from[k];
      int b = a + cand[k].length();
      for (int j = 0; j < n; j++) {
        int f = listed[j];
        if (a < from[f] + cand[f].length() && from[f] < b) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether listed phrase {@code k} ("neural organization" &lt;- "neural network") lies inside a
     * longer listed phrase of {@code listed[0, n)} that puts the same words there ("convolutional
     * neural organization" &lt;- "convolutional neural network"): the two make the same text and
     * would split its posterior.
     */
    private boolean insideListed(int k, int[] listed, int n) {
      int a = from[k];
      int b = a + cand[k].length();
      if (ids[k].length != b - a) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        int f = listed[j];
        int fa = from[f];
        int fb = fa + cand[f].length();
        if (ids[f].length != fb - fa || fa > a || fb < b || fb - fa == b - a) {
          continue;
        }
        boolean same = true;
        for (int i = a; i < b && same; i++) {
          same = ids[f][i - fa] == ids[k][i - a];
        }
        if (same) {
          return true;
        }
      }
      return false;
    }
  }

  private Sentence prepareSentence(Prepared doc, List<InputToken> all, int from, int to, Work work) {
    Sentence s = new Sentence();
    s.first = from;
    s.tokens = all.subList(from, to);
    int n = to - from;
    s.ids = java.util.Arrays.copyOfRange(doc.tokenIds, from, to);
    s.eligible = new boolean[n];
    Collected col = doc.layer.spanCache != null && proposer == null ? collectCached(doc, s, work)
        : collect(doc, s, work);
    if (weights.writtenOriginalBonus() > 0) {
      favourWrittenOriginals(doc, s, col, work);
    }
    // The input's own queries are independent of one another: touch them all first as well.
    int warmInput = 0;
    for (int i = 0; i <= n; i++) {
      warmInput = work.addWarm(warmInput, s.ids, n, i, NO_WORDS, i, 0);
    }
    work.warm(warmInput);
    s.inputLm = scoreInput(work.lm, s.ids);
    s.inputFirst = s.inputLm.clone();
    if (n > 0) {
      s.inputFirst[n - 1] -= eosScore(work.lm, s.ids);
    }
    int m = col.size;
    float[] prior = col.prior;
    work.ensure(m, n);
    boolean[] keep = capByPriorCost(col, n, work);
    // Local scores; candidates that fail the first look are dropped here for good.
    WindowScorer scorer = work.scorer;
    double keepPrior = channel.keepCost(true, weights.replacementRate());
    float[] gain = work.gain;
    double[] identity = work.identity;
    java.util.Arrays.fill(identity, 0, n * Candidate.MAX_SPAN, Double.NaN);
    int survivors = 0;
    double firstCut = -(weights.pruneMargin() + weights.firstWordSlack());
    if (weights.firstLookCandidates() > 0) {
      capFirstLooks(col, keep, n, weights.firstLookCandidates(), work);
    }
    // First look: the candidate's first word against the input's word in the same left context, for
    // every candidate of one token (one word or a phrase: "step up" for "raise" is looked at by
    // "step"; the rest of a phrase can only lower its window). A log-probability is at most 0: a
    // candidate that would fail the first look even with probability 1 needs no LM query (the same
    // decision as the look's, without asking). The other first looks are independent of one
    // another: the model answers all of the sentence's at once, so that their cache misses overlap
    // (BinaryLm.answerQuads; the same answers as one by one).
    int looks = 0;
    for (int k = 0; k < m; k++) {
      if (keep[k] && col.oneToken(k)) {
        int start = col.from[k];
        if ((0.0 - s.inputFirst[start]) + prior[k] - keepPrior < firstCut) {
          keep[k] = false;
        } else {
          looks = work.addWarm(looks, s.ids, n, start, col.ids[k], start + 1, 0);
        }
      }
    }
    long[] answers = work.answer(looks);
    float[] firstScore = work.first;
    for (int k = 0, q = 0; k < m; k++) {
      if (keep[k] && col.oneToken(k)) {
        int start = col.from[k];
        long answer = answers[q++];
        double firstGain = LanguageModel.score(answer) - s.inputFirst[start];
        if (firstGain + prior[k] - keepPrior < firstCut) {
          keep[k] = false; // (most looks end here and are never asked again: they stay out of the query cache)
          continue;
        }
        work.lm.rememberQuad(work.warmQuads, q - 1, answer); // (the decoder asks it again)
        work.firstAnswer[k] = answer;
        firstScore[k] = (float) (firstGain + prior[k]);
      }
    }
    long[] nextAnswer = work.nextAnswer;
    if (weights.firstLookPerPosition() > 0) {
      int c = cappedFirstLooks(col, keep, work.order);
      if (weights.firstLookNextWord() == 1) {
        // The next word's look: a one-word candidate's first look sees only its left context, so
        // the cap below would rank "the stock" against "the history" and never see "market". The
        // next input word after it (the window's second query, which the window pass asks anyway
        // for the candidates that go on) is asked for every candidate the cap ranks, all at once.
        int asked = 0;
        for (int i = 0; i < c; i++) {
          int k = work.order[i];
          asked = work.addWarm(asked, s.ids, n, col.from[k], col.ids[k], col.from[k] + 1, 1);
        }
        long[] next = work.answer(asked);
        for (int i = 0; i < c; i++) {
          int k = work.order[i];
          int after = col.from[k] + 1;
          double inputNext = after < n ? s.inputFirst[after] : s.inputLm[n - 1] - s.inputFirst[n - 1];
          nextAnswer[k] = next[i];
          work.lm.rememberQuad(work.warmQuads, i, next[i]); // (the decoder may ask it again)
          firstScore[k] += (float) (LanguageModel.score(next[i]) - inputNext);
        }
      }
      // Per start token, only the firstLookPerPosition one-word candidates with the best first-look
      // score (LM gain plus prior channel cost) go on to their windows; multi-word candidates and
      // spinner profile entries are not ranked.
      work.keepTopPerStart(work.order, c, col.from, n, firstScore, weights.firstLookPerPosition(), keep);
    }
    double windowCut = -(weights.pruneMargin() + weights.windowSlack());
    // The window scores' other queries (each word after the ones before it, the input words after
    // the candidate) are independent across candidates too: the model answers them all at once.
    int queries = 0;
    int[] windowAt = work.windowAt;
    for (int k = 0; k < m; k++) {
      if (keep[k]) {
        int length = col.cand[k].length();
        int slot = col.from[k] * Candidate.MAX_SPAN + length - 1;
        if (Double.isNaN(identity[slot])) {
          identity[slot] = scorer.identity(s.ids, n, col.from[k], length);
        }
        if (identity[slot] + windowCut - prior[k] + keepPrior * length > 0) {
          keep[k] = false; // not even a window of probability 1 would do (no query)
          continue;
        }
        int[] ids = col.ids[k];
        int after = col.from[k] + length;
        int total = ids.length + WindowScorer.lookahead(n, after);
        windowAt[k] = queries;
        // A one-token candidate's first query is its first look, already answered (and a ranked
        // one-word candidate's second, its next word's look).
        for (int v = nextLooked(col, k) ? 2 : col.oneToken(k) ? 1 : 0; v < total; v++) {
          queries = work.addWarm(queries, s.ids, n, col.from[k], ids, after, v);
        }
      }
    }
    long[] windows = work.answer(queries);
    for (int k = 0; k < m; k++) {
      if (!keep[k]) {
        continue;
      }
      int[] ids = col.ids[k];
      int start = col.from[k];
      int length = col.cand[k].length();
      int slot = start * Candidate.MAX_SPAN + length - 1;
      // The window's sum only falls as it goes: stop once the candidate cannot come within
      // pruneMargin + windowSlack of keeping the input (windowCut is -Infinity when off).
      double floor = identity[slot] + windowCut - prior[k] + keepPrior * length;
      // (the sum in the order of WindowScorer.score, to the same bits)
      double window = 0;
      int at = windowAt[k];
      int end = at + ids.length + WindowScorer.lookahead(n, start + length);
      if (col.oneToken(k)) {
        window += LanguageModel.score(work.firstAnswer[k]);
        end--;
      }
      if (nextLooked(col, k)) {
        window += LanguageModel.score(nextAnswer[k]);
        end--;
      }
      for (int i = at; i < end && window >= floor; i++) {
        window += LanguageModel.score(windows[i]);
        work.lm.rememberQuad(work.warmQuads, i, windows[i]); // (the decoder may ask them again)
      }
      if (window < floor) {
        keep[k] = false;
        continue;
      }
      gain[k] = (float) (window - identity[slot]);
      survivors++;
    }
    s.candidates = new ArrayList<>(survivors);
    s.candidateIds = new int[survivors][];
    s.surfaceKnown = new boolean[survivors];
    s.localGain = new float[survivors];
    s.originals = new String[survivors];
    s.candidateCost = new double[survivors];
    s.immutableCost = new double[survivors];
    s.pairKeys = new String[survivors];
    for (int k = 0, j = 0; k < m; k++) {
      if (!keep[k]) {
        continue;
      }
      Candidate c = col.at(k);
      s.candidates.add(c);
      s.candidateCost[j] = col.candidateCost[k];
      s.immutableCost[j] = col.immutableCost[k];
      s.candidateIds[j] = col.ids[k];
      s.surfaceKnown[j] = col.known[k];
      s.localGain[j] = gain[k];
      s.originals[j] = col.original[k];
      s.pairKeys[j] = col.pairKey[k];
      j++;
    }
    col.clear();
    return s;
  }

  /**
   * Takes {@link ChannelWeights#writtenOriginalBonus()} off the change cost of each candidate whose
   * original is written as it is elsewhere in the document and has a word outside the closed
   * classes (the collected costs are this thread's copies: the span cache is not touched).
   */
  private void favourWrittenOriginals(Prepared doc, Sentence s, Collected col, Work work) {
    double logRate = Math.log10(weights.replacementRate());
    double bonus = weights.writtenOriginalBonus();
    int[] surfaceElsewhere = null;
    for (int k = 0; k < col.size; k++) {
      int[] ids = col.ids[k];
      if (!work.written(ids[0]) || !hasOpenClassWord(ids)) {
        continue; // (most candidates: bit tests)
      }
      List<String> words = col.cand[k].words();
      int length = col.cand[k].length();
      boolean oneForOne = length == 1 && words.size() == 1;
      if (!oneForOne && withinSurface(s.ids, col.from[k], length, ids)) {
        continue; // ("financial institution" -> "institution": the surface itself is no evidence)
      }
      int at = s.first + col.from[k];
      // (one word for one token: the token is not the word, so every occurrence is outside it)
      int written = oneForOne ? work.wordCounts[ids[0]] : doc.occurrencesOutside(words, at, at + length);
      if (written == 0) {
        continue;
      }
      if (surfaceElsewhere == null) {
        surfaceElsewhere = new int[s.ids.length * Candidate.MAX_SPAN];
        java.util.Arrays.fill(surfaceElsewhere, -1);
      }
      int from = col.from[k];
      int slot = from * Candidate.MAX_SPAN + length - 1;
      int surfaceId = s.ids[from];
      if (surfaceElsewhere[slot] < 0 && length == 1 && work.written(surfaceId)) {
        // (a known word: its count, less the token itself)
        surfaceElsewhere[slot] = work.wordCounts[surfaceId] - (s.tokens.get(from).kind() == TokenKind.WORD ? 1 : 0);
      }
      if (surfaceElsewhere[slot] < 0) {
        List<String> surface = new ArrayList<>(length);
        for (int i = from; i < from + length; i++) {
          surface.add(s.tokens.get(i).lmForm());
        }
        surfaceElsewhere[slot] = doc.occurrencesOutside(surface, at, at + length);
      }
      col.candidateCost[k] += bonus * written / (written + surfaceElsewhere[slot]);
      col.prior[k] = channel.changeCost(logRate, col.candidateCost[k], col.immutableCost[k], 0, 0);
    }
  }

  /**
   * Whether every word of a candidate ({@code ids}, all known to the LM) is one of the sentence's
   * tokens {@code [from, from + length)} ({@code sentenceIds}).
   */
  private static boolean withinSurface(int[] sentenceIds, int from, int length, int[] ids) {
    for (int id : ids) {
      boolean found = false;
      for (int i = from; i < from + length && !found; i++) {
        found = sentenceIds[i] == id;
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link ChannelModel#immutableCost}, and for a {@link #vouched} candidate (a tortured-phrase
   * list's phrase or a spinner profile's entry) less the share of {@link #unknownGap()} that the
   * language model's scores do not already take off ({@link ChannelWeights#unknownAsRare()}) for
   * each token of its span that the LM does not know, and plus it for each of its own words the LM
   * does not know: the model gives such a token the probability of every word it does not know
   * together ("pre-handling" −2.4 after "applied", against −6.7 for the list's "preprocessing"),
   * which no known wording can beat, while the list or the profile says that the token is one a
   * spinner wrote; it is read as one of the model's rarest words (since session 30 for the list's
   * phrases, session 31 for their wordings and for profiles; since session 34 every candidate's
   * scores read unknown words so, at the shipped {@code unknownAsRare} 1, and this adds nothing).
   */
  private double immutableCost(Sentence s, int from, Candidate c, int[] ids) {
    double cost = channel.immutableCost(s.tokens, c, surfaceKnown(s.ids, from, c.length()));
    double share = 1 - weights.unknownAsRare();
    if (share > 0 && vouched(c)) {
      int unknown = unknownCount(s.ids, from, c.length()) - unknownCount(ids, 0, ids.length);
      if (unknown != 0) {
        cost -= unknown * share * unknownGap();
      }
    }
    return cost;
  }

  /**
   * Whether {@code c}'s source vouches for its words and for the span's: a tortured-phrase list's
   * phrase, or a spinner profile's entry (learned from a spinner's output). Their words the LM
   * does not know are read as its rarest words, on both sides ({@link #immutableCost}).
   */
  private static boolean vouched(Candidate c) {
    return c.source() == CandidateSource.FINGERPRINT || c.source() == CandidateSource.PROFILE;
  }

  /** NaN until {@link #unknownGap()} computes it. */
  private volatile double unknownGap = Double.NaN;

  /**
   * {@link UnknownWords#gap} of this restorer's model, computed on first use (benign race).
   */
  double unknownGap() {
    double g = unknownGap;
    if (Double.isNaN(g)) {
      g = UnknownWords.gap(lm);
      unknownGap = g;
    }
    return g;
  }

  /**
   * Word ids of {@code c}'s words, or null if the LM does not know one of them; a {@link #vouched}
   * candidate keeps {@link Vocabulary#UNK} for the words the LM does not know ("cross-validation",
   * "k-means"): its source vouches for them, and {@link #immutableCost} prices each as one of the
   * model's rarest words.
   */
  private static int[] wordIds(Prepared doc, Vocabulary vocab, Candidate c) {
    boolean vouched = vouched(c);
    int[] ids = new int[c.words().size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = doc.id(vocab, c.words().get(k));
      if (ids[k] == Vocabulary.UNK && !vouched) {
        return null;
      }
    }
    return ids;
  }

  /** How many of {@code ids[from, from + length)} are {@link Vocabulary#UNK}. */
  private static int unknownCount(int[] ids, int from, int length) {
    int unknown = 0;
    for (int i = from; i < from + length; i++) {
      unknown += ids[i] == Vocabulary.UNK ? 1 : 0;
    }
    return unknown;
  }

  /** The channel's key of a pair: the surface's LM forms joined by spaces, a tab, the original phrase. */
  private static String pairKey(List<InputToken> tokens, int from, int length, String original, StringBuilder sb) {
    sb.setLength(0);
    for (int i = from; i < from + length; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(tokens.get(i).lmForm());
    }
    return sb.append('\t').append(original).toString();
  }

  private boolean surfaceKnown(int[] sentenceIds, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (sentenceIds[i] == Vocabulary.UNK) {
        return false;
      }
    }
    return true;
  }

  /** The candidates of the generator (and the context proposer) for the whole sentence at once. */
  private Collected collect(Prepared doc, Sentence s, Work work) {
    Vocabulary vocab = lm.vocabulary();
    int n = s.ids.length;
    List<Candidate> raw = new ArrayList<>(doc.layer.generator.candidates(s.tokens));
    if (doc.own != null) {
      raw.addAll(doc.own.candidates(s.tokens));
    }
    if (proposer != null) {
      proposer.propose(s.tokens, s.ids, raw);
    }
    Map<SpanKey, Integer> seen = new HashMap<>();
    List<Candidate> kept = new ArrayList<>();
    List<int[]> keptIds = new ArrayList<>();
    for (Candidate c : raw) {
      if (c.from() + c.length() > n || crossesLine(doc.text, s.tokens, c.from(), c.length())) {
        continue;
      }
      int[] ids = wordIds(doc, vocab, c);
      if (ids == null || isIdentity(s, c.from(), c, ids)) {
        continue;
      }
      for (int i = c.from(); i < c.from() + c.length(); i++) {
        s.eligible[i] = true;
      }
      Integer prev = seen.putIfAbsent(SpanKey.of(c.from(), c.length(), ids, c), kept.size());
      if (prev != null) {
        // Duplicates would split one choice's posterior; keep the one with more evidence.
        if (betterEvidence(c, kept.get(prev))) {
          kept.set(prev, c);
        }
        continue;
      }
      kept.add(c);
      keptIds.add(ids);
    }
    Collected col = work.collected.clear();
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < kept.size(); k++) {
      Candidate c = kept.get(k);
      boolean known = surfaceKnown(s.ids, c.from(), c.length());
      String original = c.phrase();
      double candCost = channel.candidateCost(c);
      double immCost = immutableCost(s, c.from(), c, keptIds.get(k));
      col.add(c, c.from(), keptIds.get(k), channel.changeCost(Math.log10(weights.replacementRate()), candCost,
          immCost, 0, 0), known, original, pairKey(s.tokens, c.from(), c.length(), original, sb), candCost, immCost);
    }
    col.dropOverlappingListed();
    return col;
  }

  /**
   * The same candidates as {@link #collect} (without context proposals), span by span through the
   * {@link SpanCache}, in the same order: generator part by part, then span by span.
   */
  private Collected collectCached(Prepared doc, Sentence s, Work work) {
    int n = s.ids.length;
    List<SpanCandidateGenerator> spanParts = doc.layer.spanParts;
    SpanCache spanCache = doc.layer.spanCache;
    SpanCache.Entry[] entries = new SpanCache.Entry[n * Candidate.MAX_SPAN];
    StringBuilder sb = new StringBuilder();
    int maxLength = maxLength(spanParts);
    for (int i = 0; i < n; i++) {
      for (int len = 1; len <= maxLength && i + len <= n; len++) {
        if (crossesLine(doc.text, s.tokens, i, len)
            || len > 1 && !mayHaveCandidates(spanParts, s.tokens, i, len)) {
          continue; // (nine multiword spans in ten have no candidate: skip the cache and the generators)
        }
        String key = SpanCache.key(s.tokens, i, len, sb);
        SpanCache.Entry e = spanCache.get(key);
        if (e == null) {
          e = spanEntry(spanParts, doc, s, i, len, work);
          // Nine phrases in ten have no candidate. Caching them too was 6% faster on repeated text, but
          // on new text it filled the cache with a million small entries and made the collector pause
          // for 0.4 s (server p99 on 4,000 bodies): they are left out.
          if (len == 1 || e.size() > 0) {
            spanCache.put(key, e);
          }
        }
        entries[i * Candidate.MAX_SPAN + len - 1] = e;
        if (e.size() > 0) {
          for (int t = i; t < i + len; t++) {
            s.eligible[t] = true;
          }
        }
      }
    }
    Collected col = work.collected.clear();
    for (int g = 0; g < spanParts.size(); g++) {
      for (int slot = 0; slot < entries.length; slot++) {
        SpanCache.Entry e = entries[slot];
        if (e == null || e.size() == 0) {
          continue;
        }
        for (int k = e.partStart[g]; k < e.partStart[g + 1]; k++) {
          col.add(e.candidates[k], slot / Candidate.MAX_SPAN, e.ids[k], e.prior[k], e.surfaceKnown, e.originals[k],
              e.pairKeys[k], e.candidateCost[k], e.immutableCost[k]);
        }
      }
    }
    if (doc.own != null) {
      addOwn(doc, s, col, work);
    }
    col.dropOverlappingListed();
    return col;
  }

  /** Adds the document's own candidates for sentence {@code s} (not cached: they hold in this document only). */
  private void addOwn(Prepared doc, Sentence s, Collected col, Work work) {
    List<SpanCandidateGenerator> own = List.of(doc.own);
    int n = s.ids.length;
    int max = Math.min(Candidate.MAX_SPAN, doc.own.maxLength());
    for (int i = 0; i < n; i++) {
      for (int len = 1; len <= max && i + len <= n; len++) {
        if (crossesLine(doc.text, s.tokens, i, len) || !doc.own.mayHaveCandidates(s.tokens, i, len)) {
          continue;
        }
        SpanCache.Entry e = spanEntry(own, doc, s, i, len, work);
        for (int k = 0; k < e.size(); k++) {
          if (col.holds(i, len, e.ids[k], e.candidates[k])) {
            continue; // (a second path to the same text would split its posterior)
          }
          col.add(e.candidates[k], i, e.ids[k], e.prior[k], e.surfaceKnown, e.originals[k], e.pairKeys[k],
              e.candidateCost[k], e.immutableCost[k]);
        }
        if (e.size() > 0) {
          for (int t = i; t < i + len; t++) {
            s.eligible[t] = true;
          }
        }
      }
    }
  }

  private static boolean mayHaveCandidates(List<SpanCandidateGenerator> spanParts, List<InputToken> tokens,
      int from, int length) {
    for (int g = 0; g < spanParts.size(); g++) { // (an index, not an iterator: no allocation per span)
      SpanCandidateGenerator part = spanParts.get(g);
      if (length <= part.maxLength() && part.mayHaveCandidates(tokens, from, length)) {
        return true;
      }
    }
    return false;
  }

  /** The longest span any of {@code spanParts} answers for (at most {@link Candidate#MAX_SPAN}). */
  private static int maxLength(List<SpanCandidateGenerator> spanParts) {
    int max = 1;
    for (int g = 0; g < spanParts.size(); g++) {
      max = Math.max(max, Math.min(Candidate.MAX_SPAN, spanParts.get(g).maxLength()));
    }
    return max;
  }

  /** Generates, validates and prices the candidates of one span for the cache (see {@link #collect}). */
  private SpanCache.Entry spanEntry(List<SpanCandidateGenerator> spanParts, Prepared doc, Sentence s, int from,
      int length, Work work) {
    Vocabulary vocab = lm.vocabulary();
    List<Candidate> buf = work.spanBuffer;
    Map<SpanKey, Integer> seen = null; // most spans have no candidate: allocate on the first one
    List<Candidate> kept = null;
    List<int[]> keptIds = null;
    int[] partStart = new int[spanParts.size() + 1];
    for (int g = 0; g < spanParts.size(); g++) {
      buf.clear();
      if (length <= spanParts.get(g).maxLength()) {
        spanParts.get(g).spanCandidates(s.tokens, from, length, buf);
      }
      if (!buf.isEmpty() && kept == null) {
        seen = new HashMap<>();
        kept = new ArrayList<>();
        keptIds = new ArrayList<>();
      }
      for (Candidate c : buf) {
        if (c.from() != from || c.length() != length) {
          throw new IllegalStateException("generator " + spanParts.get(g) + " answered for span [" + c.from() + ", "
              + (c.from() + c.length()) + ") when asked for [" + from + ", " + (from + length) + ")");
        }
        int[] ids = wordIds(doc, vocab, c);
        if (ids == null || isIdentity(s, from, c, ids)) {
          continue;
        }
        Integer prev = seen.putIfAbsent(SpanKey.of(from, length, ids, c), kept.size());
        if (prev != null) {
          if (betterEvidence(c, kept.get(prev))) {
            kept.set(prev, c);
          }
          continue;
        }
        kept.add(c);
        keptIds.add(ids);
      }
      partStart[g + 1] = kept == null ? 0 : kept.size();
    }
    buf.clear();
    if (kept == null || kept.isEmpty()) {
      return SpanCache.Entry.EMPTY;
    }
    boolean known = surfaceKnown(s.ids, from, length);
    float[] prior = new float[kept.size()];
    String[] originals = new String[prior.length];
    String[] pairKeys = new String[prior.length];
    double[] candidateCost = new double[prior.length];
    double[] immutableCost = new double[prior.length];
    StringBuilder sb = new StringBuilder();
    double logRate = Math.log10(weights.replacementRate());
    for (int k = 0; k < prior.length; k++) {
      candidateCost[k] = channel.candidateCost(kept.get(k));
      immutableCost[k] = immutableCost(s, from, kept.get(k), keptIds.get(k));
      prior[k] = channel.changeCost(logRate, candidateCost[k], immutableCost[k], 0, 0);
      originals[k] = kept.get(k).phrase();
      pairKeys[k] = pairKey(s.tokens, from, length, originals[k], sb);
    }
    return new SpanCache.Entry(kept.toArray(new Candidate[0]), keptIds.toArray(new int[0][]), prior, partStart,
        known, originals, pairKeys, candidateCost, immutableCost);
  }

  /**
   * Whether candidate {@code k}'s window's second query was answered as its next word's look
   * ({@link ChannelWeights#firstLookNextWord()}).
   */
  private boolean nextLooked(Collected col, int k) {
    return weights.firstLookNextWord() == 1 && weights.firstLookPerPosition() > 0 && col.oneWord(k)
        && !learnedHabit(col.cand[k]);
  }

  /**
   * Whether {@code c} comes from real spinner output (a profile's entry or a tortured-phrase list's
   * phrase), which the first-look caps and the reranker leave alone.
   */
  static boolean learnedHabit(Candidate c) {
    return c.source() == CandidateSource.PROFILE || c.source() == CandidateSource.FINGERPRINT;
  }

  /**
   * Writes to {@code order} the kept one-word candidates that the first-look caps rank, and returns
   * their count. Entries of a spinner profile (a habit seen in real spinner output, a few per span)
   * are not capped: the caps are for the thesaurus's long lists, and ranking a profile entry against
   * them by the first look alone cost the held-out PPS figure a tenth of its exact restorations.
   */
  private static int cappedFirstLooks(Collected col, boolean[] keep, int[] order) {
    int c = 0;
    for (int j = 0; j < col.size; j++) {
      if (keep[j] && col.oneWord(j) && !learnedHabit(col.cand[j])) {
        order[c++] = j;
      }
    }
    return c;
  }

  /**
   * Keeps, per start token, the {@code k} one-word candidates with the best prior channel cost plus
   * the LM's unigram log-probability of the candidate word, the context-free part of the first look
   * (the original's probability given the surface, up to a constant, when the spinner chooses as the
   * channel says): the others get no first look and are dropped. Spinner profile entries and
   * multi-word candidates are not affected. The unigram scores are read from an array, not the
   * model's n-gram tables.
   */
  private void capFirstLooks(Collected col, boolean[] keep, int n, int k, Work work) {
    int[] order = work.order;
    float[] key = work.gain; // (scratch: the window gains are written later)
    int c = cappedFirstLooks(col, keep, order);
    for (int i = 0; i < c; i++) {
      int j = order[i];
      key[j] = col.prior[j] + LanguageModel.score(work.lm.query(NO_WORDS, 0, 0, col.ids[j][0]));
    }
    work.keepTopPerStart(order, c, col.from, n, key, k, keep);
  }

  /**
   * Which candidates to keep: per start token, the {@link ChannelWeights#maxScoredPerPosition()}
   * with the best prior channel cost (first-pass rate, no document counts).
   */
  private boolean[] capByPriorCost(Collected col, int n, Work work) {
    int m = col.size;
    boolean[] keep = new boolean[m];
    java.util.Arrays.fill(keep, true);
    int[] order = work.order; // (sized by Work.ensure)
    for (int k = 0; k < m; k++) {
      order[k] = k;
    }
    work.keepTopPerStart(order, m, col.from, n, col.prior, weights.maxScoredPerPosition(), keep);
    return keep;
  }

  /**
   * Prefers the stronger evidence for the same change: an alignment with the source, then a
   * tortured-phrase list's phrase (not a profile's entry for it, whose immutables' surcharges would
   * price a compound the model does not know out of reach), a profile, and context last.
   */
  private static boolean betterEvidence(Candidate a, Candidate b) {
    return rank(a.source()) < rank(b.source());
  }

  private static int rank(CandidateSource s) {
    return switch (s) {
      case SOURCE_ALIGNMENT -> 0;
      case FINGERPRINT -> 1;
      case PROFILE -> 2;
      case THESAURUS -> 3;
      case MORPHOLOGY -> 4;
      case NUMBER -> 5;
      case CONTEXT -> 6;
    };
  }

  private static boolean crossesLine(String text, List<InputToken> tokens, int first, int length) {
    if (length == 1) {
      return false;
    }
    int from = tokens.get(first).end();
    int to = tokens.get(first + length - 1).start();
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code c} at {@code from} writes the sentence's own words (a word the LM does not know,
   * which only a {@link #vouched} candidate may carry, by its LM form).
   */
  private static boolean isIdentity(Sentence s, int from, Candidate c, int[] ids) {
    if (c.length() != ids.length) {
      return false;
    }
    for (int k = 0; k < ids.length; k++) {
      if (s.ids[from + k] != ids[k]
          || ids[k] == Vocabulary.UNK && !s.tokens.get(from + k).lmForm().equalsIgnoreCase(c.words().get(k))) {
        return false;
      }
    }
    return true;
  }

  /** log10 P(end of sentence) after the sentence as written. */
  private static float eosScore(LanguageModel lm, int[] ids) {
    int hist = Math.max(0, lm.order() - 1);
    int n = ids.length;
    int[] buf = new int[hist + 1];
    int len = 0;
    if (n < hist) {
      buf[len++] = Vocabulary.BOS;
    }
    for (int i = Math.max(0, n - hist); i < n; i++) {
      buf[len++] = ids[i];
    }
    int use = Math.min(len, hist);
    return LanguageModel.score(lm.query(buf, len - use, use, Vocabulary.EOS));
  }

  /** Per-token LM log10 scores of the sentence as written; the end-of-sentence score goes to the last token. */
  private static float[] scoreInput(LanguageModel lm, int[] ids) {
    int hist = Math.max(0, lm.order() - 1);
    int n = ids.length;
    int[] buf = new int[n + 2];
    int len = 0;
    buf[len++] = Vocabulary.BOS;
    float[] out = new float[n];
    for (int i = 0; i <= n; i++) {
      int w = i < n ? ids[i] : Vocabulary.EOS;
      int use = Math.min(len, hist);
      float lp = LanguageModel.score(lm.query(buf, len - use, use, w));
      out[Math.min(i, n - 1)] += lp;
      buf[len++] = w;
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Decoding.

  /**
   * Slots of each thread's LM query cache, log2: 2^15 slots (about 1 MB) hold the queries of a
   * few-thousand-word document, so that self-training rounds find theirs again.
   */
  private static final int QUERY_CACHE_BITS = 15;

  /**
   * Most words the shared word id cache keeps (about 100 bytes each): the lexicon's words and the
   * common words of the input fit; a stream of rare ones stops adding when it is full.
   */
  private static final int MAX_SHARED_IDS = 500_000;

  /** log2 of the slots of a thread's word id table (16,384: about 200 KB with the three arrays). */
  private static final int WORD_ID_BITS = 14;

  /** Word (LM form) to the LM's id, for every document this restorer prepares (thread-safe). */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> wordIdCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int[] NO_WORDS = new int[0];

  /** This thread's working memory, reused from call to call. */
  private Work work() {
    return works.get();
  }

  /** Per-thread working memory: lattice, decoder, window scorer and the LM query cache they share. */
  private static final class Work {
    final LmQueryCache lm;
    final WindowScorer scorer;
    final Lattice lattice = new Lattice();
    final Decoder decoder;
    final List<Candidate> spanBuffer = new ArrayList<>();
    final Collected collected = new Collected();
    int[] wordBuf = new int[1];
    final double[] counts = new double[2];
    /** This thread's word ids, in front of the restorer's shared map. */
    final WordIds wordIds;
    float[] cost = new float[16];
    float[] local = new float[16];
    int[] order = new int[16];
    int[] perStart = new int[16];
    /**
     * The queries to {@link #warm} or {@link #answer}: three history words (oldest first, -1 for none) and the
     * word.
     */
    int[] warmQuads = new int[256];
    /** Keeps the warming reads from being optimized away. */
    long warmSink;
    /**
     * A sentence's first-look scores, window gains (per candidate) and identity windows (per token
     * and span length) while it is prepared, kept so that a check does not allocate them per
     * sentence: entries are valid only where the current sentence wrote them.
     */
    float[] first = new float[16];
    float[] gain = new float[16];
    double[] identity = new double[16 * Candidate.MAX_SPAN];
    /**
     * The word ids written as words in the document being prepared, as a bit set over the
     * vocabulary ({@link #markWritten}); {@code writtenIds} lists them so that the next document
     * clears only those. The bits say no more than {@code wordCounts[id] > 0}, but nine candidates
     * in ten are turned away by this test, and the bits (20 KB) stay in the processor's cache where
     * the counts (an int per vocabulary word) do not.
     */
    long[] writtenBits = new long[0];
    int[] writtenIds = new int[64];
    int writtenCount;
    /** Per word id of {@link #writtenIds}: how many word tokens of the document have it (0 elsewhere). */
    int[] wordCounts = new int[0];

    /** Marks the word ids of {@code doc}'s word tokens (and clears the previous document's). */
    void markWritten(Prepared doc, Vocabulary vocab) {
      for (int i = 0; i < writtenCount; i++) {
        writtenBits[writtenIds[i] >>> 6] = 0;
        wordCounts[writtenIds[i]] = 0;
      }
      writtenCount = 0;
      if (writtenBits.length * 64 < vocab.size()) {
        writtenBits = new long[(vocab.size() >>> 6) + 1];
        wordCounts = new int[writtenBits.length * 64];
      }
      for (int i = 0; i < doc.tokens.size(); i++) {
        InputToken t = doc.tokens.get(i);
        if (t.kind() != TokenKind.WORD) {
          continue;
        }
        int id = doc.tokenIds[i];
        if (id == Vocabulary.UNK || id < 0 || id >= writtenBits.length * 64) {
          continue; // (unknown words share one id; no candidate is one)
        }
        if (wordCounts[id]++ > 0) {
          continue;
        }
        writtenBits[id >>> 6] |= 1L << id;
        if (writtenCount == writtenIds.length) {
          writtenIds = java.util.Arrays.copyOf(writtenIds, writtenCount * 2);
        }
        writtenIds[writtenCount++] = id;
      }
    }

    /** Whether word {@code id} is written as a word in the document last marked. */
    boolean written(int id) {
      return hasBit(writtenBits, id);
    }

    /** Scratch of the primitive sort. */
    long[] sortPacked = new long[64];
    int[] sortCopy = new int[64];
    final PerStartTop perStartTop = new PerStartTop();

    /** {@link Restorer#sortByLocalDescending(int[], int, float[], long[], int[])} with this thread's scratch. */
    void sort(int[] order, int m, float[] key) {
      if (sortPacked.length < m) {
        sortPacked = new long[Math.max(m, sortPacked.length * 2)];
        sortCopy = new int[sortPacked.length];
      }
      sortByLocalDescending(order, m, key, sortPacked, sortCopy);
    }

    /** Keeps the best candidates per start token ({@link PerStartTop}). */
    void keepTopPerStart(int[] idx, int c, int[] from, int n, float[] key, int cap, boolean[] keep) {
      perStartTop.keep(idx, c, from, n, key, cap, keep);
    }

    /**
     * Puts at {@code at} of the warm-up batch the query of the word at virtual position {@code v}
     * of a window that starts at token {@code start} of {@code ids} ({@code n} tokens): negative
     * positions are the history before {@code start} (with {@code <s>} before the first token),
     * {@code 0 .. words.length - 1} the window's own words, and the positions after them the input
     * from token {@code after} on ({@code </s>} at {@code n}). Returns {@code at + 1}.
     */
    int addWarm(int at, int[] ids, int n, int start, int[] words, int after, int v) {
      if (4 * at + 4 > warmQuads.length) {
        warmQuads = java.util.Arrays.copyOf(warmQuads, warmQuads.length * 2);
      }
      int b = 4 * at;
      for (int k = 3; k >= 1; k--) {
        warmQuads[b + 3 - k] = windowWord(ids, n, start, words, after, v - k);
      }
      warmQuads[b + 3] = windowWord(ids, n, start, words, after, v);
      return at + 1;
    }

    private static int windowWord(int[] ids, int n, int start, int[] words, int after, int v) {
      if (v < 0) {
        int i = start + v;
        return i >= 0 ? ids[i] : i == -1 ? Vocabulary.BOS : -1;
      }
      if (v < words.length) {
        return words[v];
      }
      int i = after + v - words.length;
      return i < n ? ids[i] : i == n ? Vocabulary.EOS : -1;
    }

    /** The answers of {@link #answer}. */
    long[] answers = new long[64];
    /** Per candidate of the sentence being prepared: its first look's answer, and where its window's answers start. */
    long[] firstAnswer = new long[16];
    /** Per candidate: its next word's look (the window's second query), when the first-look cap asked it. */
    long[] nextAnswer = new long[16];
    int[] windowAt = new int[16];

    /**
     * The model's answers to the first {@code count} queries of the batch (in {@link #answers},
     * valid until the next call), all at once; the query cache is neither asked nor filled.
     */
    long[] answer(int count) {
      if (answers.length < count) {
        answers = new long[Math.max(count, 2 * answers.length)];
      }
      lm.answerQuads(warmQuads, count, answers);
      return answers;
    }

    /** Touches the model's memory for the first {@code count} queries of the batch. */
    void warm(int count) {
      if (count > 0) {
        warmSink += lm.warmQueries(warmQuads, count);
      }
    }

    /** Grows the per-candidate and per-token scratch for a sentence (preparing or decoding it). */
    void ensure(int candidates, int tokens) {
      if (cost.length < candidates) {
        int cap = Math.max(candidates, cost.length * 2);
        cost = new float[cap];
        local = new float[cap];
        order = new int[cap];
        first = new float[cap];
        gain = new float[cap];
        firstAnswer = new long[cap];
        nextAnswer = new long[cap];
        windowAt = new int[cap];
      }
      if (perStart.length < tokens) {
        int cap = Math.max(tokens, perStart.length * 2);
        perStart = new int[cap];
        identity = new double[cap * Candidate.MAX_SPAN];
      }
    }

    /**
     * @param unknownPenalty what the query cache takes off each score of the unknown word ({@link
     *     ChannelWeights#unknownAsRare()} of {@link #unknownGap()})
     */
    Work(LanguageModel model, Map<String, Integer> sharedWordIds, float unknownPenalty) {
      this.wordIds = new WordIds(sharedWordIds);
      this.lm = new LmQueryCache(model, QUERY_CACHE_BITS, unknownPenalty);
      this.scorer = new WindowScorer(lm);
      this.decoder = new Decoder(lm);
    }
  }

  /**
   * The channel state of a decoding round: the rate in force and the counts learned so far, with
   * each position's own contribution remembered so it can be left out (leave-one-out: an edit
   * must not vote for itself).
   */
  private static final class DocChannel {
    double rate;
    /** The order share this round prices candidates with (NaN: the shared one, no adjustment). */
    double orderShare = Double.NaN;
    /** Sum over the collected confident edits of posterior times order responsibility, and of posterior. */
    double orderEvidence;
    double orderWeight;
    /** Set to price order responsibilities in {@link #collect}; null: not collected. */
    ChannelModel channel;
    final SubstitutionCounts.Accumulator counts;
    /** Weighted count of each original: restored to it plus kept as it (single words only). */
    final Map<String, Double> originals = new HashMap<>();
    /** Each confident edit's own weight, by its position (document, token) and then its pair key. */
    final Map<Long, Map<String, Double>> own = new HashMap<>();

    DocChannel(double rate, SubstitutionCounts.Accumulator counts) {
      this.rate = rate;
      this.counts = counts;
    }

    /** Fills {@code out[0]} = n(s &lt;- o) and {@code out[1]} = n(o), leaving out this position's own edit. */
    void counts(int doc, int token, String key, String original, double[] out) {
      out[0] = 0;
      out[1] = 0;
      if (counts == null) {
        return;
      }
      Double no = originals.get(original);
      if (no == null) {
        return;
      }
      Map<String, Double> here = own.get(position(doc, token));
      Double mine = here == null ? null : here.get(key);
      double m = mine == null ? 0 : mine;
      out[0] = Math.max(0, counts.get(key) - m);
      out[1] = Math.max(0, no - m);
    }

    private static long position(int doc, int token) {
      return (long) doc << 32 | (token & 0xFFFFFFFFL);
    }

    /**
     * Estimates the order share from the collected edits, with {@code smoothing} edits at {@code
     * prior}; at most 0.99, so that the spinners that choose among all entries keep a share.
     */
    void estimateOrderShare(double prior, double smoothing) {
      orderShare = Math.min(0.99, (orderEvidence + smoothing * prior) / (orderWeight + smoothing));
    }

    void collect(Decoded d, int doc, ChannelWeights w) {
      counts.eligible += d.eligible;
      boolean[] covered = new boolean[d.doc.tokens.size()];
      for (Change ch : d.changes) {
        counts.changed += ch.posterior * ch.length;
        for (int i = ch.token; i < ch.token + ch.length; i++) {
          covered[i] = true;
        }
        if (ch.posterior >= w.selfTrainingMinConfidence()) {
          if (channel != null) {
            double resp = channel.orderResponsibility(ch.candidate.features(), w.orderChoiceShare());
            if (!Double.isNaN(resp)) {
              orderEvidence += ch.posterior * resp;
              orderWeight += ch.posterior;
            }
          }
          counts.add(ch.key, ch.posterior, doc);
          originals.merge(ch.candidate.phrase(), ch.posterior, Double::sum);
          own.computeIfAbsent(position(doc, ch.token), p -> new HashMap<>()).merge(ch.key, ch.posterior,
              Double::sum);
        }
      }
      for (int i = 0; i < covered.length; i++) {
        InputToken t = d.doc.tokens.get(i);
        if (!covered[i] && t.kind() == TokenKind.WORD) {
          originals.merge(t.lmForm(), 1.0, Double::sum);
        }
      }
    }
  }

  /** One change on the best path, with its reranker features. */
  /** A change on the decoder's best path: {@code ids} are the candidate's word ids. */
  private record Change(int token, int length, String key, Candidate candidate, int[] ids, int sentence,
      double posterior, double[] features) {}

  private final class Decoded {
    Prepared doc;
    List<Change> changes = new ArrayList<>();
    float[] gain;
    double inputLp;
    double restoredLp;
    /** Per sentence: the LM log10 score of the decoder's best path. */
    double[] sentenceLp;
    long eligible;
    /** In a document judged spun: the same round at the document's own rate (what the detector reads). */
    Decoded ownRate;
    /**
     * In a document the judge does not think spun ({@link ChannelWeights#judgedCleanGate()}): the
     * reranker probability from which the returned restoration keeps an edit; 0 = none.
     */
    double cleanFloor;
    /** The judge's probability of the document after self-training; NaN where it was not asked. */
    double judgedP = Double.NaN;
    /** {@link #restored()}, once made. */
    private RestoredText restored;

    /**
     * {@link #toRestoredText} at {@link ChannelWeights#minEditConfidence()} and no floor, made
     * once: the judge and the caller get the same instance, so the detector can reuse what it
     * worked out for the judge ({@link SpunJudge}).
     */
    RestoredText restored() {
      if (restored == null) {
        restored = toRestoredText(weights.minEditConfidence(), 0);
      }
      return restored;
    }

    /**
     * Whether the document looks spun: the edits the reranker keeps at its own threshold, or with
     * {@link ChannelWeights#spunDocumentEvidence()} 1 the sum of its probabilities (the expected
     * number of right edits), are at least {@link ChannelWeights#spunDocumentEditRate()} of its
     * eligible tokens and at least {@link ChannelWeights#spunDocumentMinEdits()} (false without a
     * reranker or with the rate at 0). {@code judged}: the reranker's probability of each change
     * ({@link #judged()}).
     */
    boolean looksSpun(double[] judged) {
      if (reranker == null || weights.spunDocumentEditRate() <= 0) {
        return false;
      }
      double evidence;
      if (weights.spunDocumentEvidence() == 1) {
        // The expected number of right edits: a count at one threshold misses a document of many
        // edits each a little under it.
        evidence = 0;
        for (double p : judged) {
          if (!Double.isNaN(p)) {
            evidence += p;
          }
        }
      } else {
        evidence = strictEdits(judged);
      }
      return evidence > 0 && evidence >= Math.max(weights.spunDocumentEditRate() * eligible,
          weights.spunDocumentMinEdits());
    }

    /** How many of the changes the reranker keeps at its own threshold ({@code judged}: {@link #judged()}). */
    private int strictEdits(double[] judged) {
      int strict = 0;
      for (double p : judged) {
        if (p >= reranker.threshold()) {
          strict++;
        }
      }
      return strict;
    }

    /** The changes the reranker keeps at its own threshold as a share of the eligible tokens (0 without a reranker). */
    double strictShare(double[] judged) {
      return reranker == null || eligible == 0 ? 0 : strictEdits(judged) / (double) eligible;
    }

    /**
     * {@code judged} with the posterior of each profile entry's change (which the reranker does not
     * judge), as evidence that a document restored with judged candidates ({@link
     * Builder#judgedCandidates}) is spun: a profile learned from a spinner's batch holds that
     * batch's most frequent right restorations, and without them such a text lost its edits under
     * the reranker's threshold. Elsewhere profile entries are not counted, as before: the shipped
     * profile's habits in a paper's text would lower the threshold for the thesaurus's doubtful
     * edits there ("mammogram" to "x-ray"). The list's phrases never count (the detector weighs them).
     */
    private double[] withPosteriors(double[] judged) {
      double[] e = judged.clone();
      for (int i = 0; i < e.length; i++) {
        if (Double.isNaN(e[i]) && changes.get(i).candidate.source() == CandidateSource.PROFILE) {
          e[i] = changes.get(i).posterior;
        }
      }
      return e;
    }

    /** The reranker's probability of each change, NaN for those it does not judge ({@link #judges}). */
    private double[] judged() {
      double[] p = new double[changes.size()];
      for (int i = 0; i < p.length; i++) {
        Change ch = changes.get(i);
        p[i] = judges(ch) ? reranker.probability(ch.features) : Double.NaN;
      }
      return p;
    }

    /**
     * Whether the reranker judges {@code ch}: not without a reranker, and not a spinner profile's
     * entry or a listed tortured phrase (the reranker is trained on thesaurus spins, where no
     * candidate comes from a profile: a profile entry, learned from a real spinner's output, is
     * judged by its posterior instead).
     */
    private boolean judges(Change ch) {
      return reranker != null && !learnedHabit(ch.candidate);
    }

    /**
     * The restoration: the changes of the best path the reranker keeps (from {@code floor} on at
     * least) or, for those it does not judge, whose posterior is at least {@code minConfidence}.
     */
    RestoredText toRestoredText(double minConfidence, double floor) {
      String text = doc.text;
      List<Edit> edits = new ArrayList<>();
      List<Change> kept = new ArrayList<>();
      boolean[] dropped = null; // per sentence: a change of the best path was left out
      StringBuilder out = new StringBuilder(text.length() + 16);
      int copied = 0;
      double[] judged = judged();
      double threshold = reranker == null ? 0 : reranker.threshold();
      // (in a text restored again with judged candidates, their restorations are evidence too)
      boolean judgedLayer = doc.layer == judgedBase || doc.layer == judgedGated;
      if (looksSpun(judgedLayer ? withPosteriors(judged) : judged)) { // more often right than the reranker's estimate
        threshold = weights.spunDocumentThreshold();
      }
      threshold = Math.max(threshold, floor);
      for (int i = 0; i < changes.size(); i++) {
        Change ch = changes.get(i);
        double confidence = ch.posterior;
        boolean keep;
        if (judges(ch)) {
          confidence = judged[i];
          keep = confidence >= threshold;
        } else {
          keep = ch.posterior >= minConfidence;
        }
        if (!keep) {
          if (dropped == null) {
            dropped = new boolean[doc.sentences.size()];
          }
          dropped[ch.sentence] = true;
          continue;
        }
        kept.add(ch);
        Edit e = edit(ch, Math.max(0, Math.min(1, confidence)));
        edits.add(e);
        out.append(text, copied, e.start()).append(e.suggestion());
        copied = e.end();
      }
      out.append(text, copied, text.length());
      // The best path's score counts the changes that were left out: score those sentences again
      // as restored, so that the restored log probability is that of the text returned.
      double lp = restoredLp;
      for (int si = 0; dropped != null && si < dropped.length; si++) {
        if (dropped[si]) {
          lp += rescore(doc.sentences.get(si), kept) - sentenceLp[si];
        }
      }
      return new RestoredText(text, out.toString(), doc.tokens, edits, gain, inputLp, lp, restoredLp);
    }

    /**
     * The LM log10 score of sentence {@code s} with the kept changes that fall in it applied, the
     * way the decoder scores a path (a change's words and, at the end, the sentence end).
     */
    private double rescore(Sentence s, List<Change> kept) {
      LanguageModel model = work().lm;
      int hist = Math.max(0, model.order() - 1);
      int n = s.ids.length;
      int next = 0;
      while (next < kept.size() && kept.get(next).token < s.first) {
        next++;
      }
      int capacity = n + 2;
      for (int k = next; k < kept.size() && kept.get(k).token < s.first + n; k++) {
        capacity += kept.get(k).ids.length;
      }
      int[] buf = new int[capacity];
      int len = 0;
      buf[len++] = Vocabulary.BOS;
      double total = 0;
      for (int i = 0; i < n; ) {
        Change ch = next < kept.size() && kept.get(next).token == s.first + i ? kept.get(next++) : null;
        int span = ch == null ? 1 : ch.length;
        double lp = 0;
        int words = ch == null ? 1 : ch.ids.length;
        for (int k = 0; k < words; k++) {
          int w = ch == null ? s.ids[i] : ch.ids[k];
          int use = Math.min(len, hist);
          lp += LanguageModel.score(model.query(buf, len - use, use, w));
          buf[len++] = w;
        }
        if (i + span == n) {
          int use = Math.min(len, hist);
          lp += LanguageModel.score(model.query(buf, len - use, use, Vocabulary.EOS));
        }
        total += lp;
        i += span;
      }
      return total;
    }

    Edit edit(Change ch, double confidence) {
      InputToken first = doc.tokens.get(ch.token);
      InputToken last = doc.tokens.get(ch.token + ch.length - 1);
      CasePattern pattern = casePatternOf(ch);
      String written = doc.text.substring(first.start(), last.end());
      String display = ch.candidate.display();
      if (ch.candidate.source() == CandidateSource.PROFILE && display.indexOf('0') >= 0) {
        display = ProfileCandidates.withDigits(display, written); // a profile's 0s are the span's digits
      }
      String suggestion = pattern.apply(display);
      if (pattern == CasePattern.LOWER) {
        suggestion = keepWrittenWords(suggestion, ch);
      }
      if (pattern == CasePattern.LOWER || pattern == CasePattern.TITLE) {
        suggestion = keepOwnCase(suggestion, display, pattern == CasePattern.TITLE);
      }
      return new Edit(first.start(), last.end(), written, suggestion, confidence);
    }

    /**
     * {@code suggestion} (lower-cased with the span's first token) with each of its words that a
     * token of the span writes with capitals ("Fourier", "CNN") as that token writes it: the words
     * the replacement keeps are kept as written.
     */
    private String keepWrittenWords(String suggestion, Change ch) {
      String[] words = null;
      for (int i = ch.token; i < ch.token + ch.length; i++) {
        InputToken t = doc.tokens.get(i);
        CasePattern q = t.casePattern();
        if (q == CasePattern.LOWER || q == CasePattern.NONE) {
          continue;
        }
        if (words == null) {
          words = suggestion.split(" ", -1);
        }
        for (int w = 0; w < words.length; w++) {
          if (words[w].equalsIgnoreCase(t.surface())) {
            words[w] = t.surface();
          }
        }
      }
      return words == null ? suggestion : String.join(" ", words);
    }

    /**
     * {@code suggestion} with each word that {@code display} writes with a capital after its first
     * letter ("NP-hard", "CO2", "LSTM") as {@code display} writes it: such a word's case is its own,
     * not the sentence's ({@code title}: the first letter of the first word stays a capital).
     */
    private static String keepOwnCase(String suggestion, String display, boolean title) {
      if (!hasInnerCapital(display)) {
        return suggestion;
      }
      String[] own = display.split(" ", -1);
      String[] words = suggestion.split(" ", -1);
      if (own.length != words.length) {
        return suggestion;
      }
      for (int k = 0; k < own.length; k++) {
        if (hasInnerCapital(own[k])) {
          words[k] = title && k == 0 ? Character.toUpperCase(own[k].charAt(0)) + own[k].substring(1) : own[k];
        }
      }
      return String.join(" ", words);
    }

    /** Whether a word of {@code s} has a capital after its first character. */
    private static boolean hasInnerCapital(String s) {
      for (int i = 1; i < s.length(); i++) {
        if (Character.isUpperCase(s.charAt(i)) && s.charAt(i - 1) != ' ') {
          return true;
        }
      }
      return false;
    }

    private CasePattern casePatternOf(Change ch) {
      CasePattern p = doc.tokens.get(ch.token).casePattern();
      if (p == CasePattern.UPPER) {
        for (int i = ch.token; i < ch.token + ch.length; i++) {
          CasePattern q = doc.tokens.get(i).casePattern();
          if (q != CasePattern.UPPER && q != CasePattern.NONE) {
            return CasePattern.TITLE;
          }
        }
      }
      return p == CasePattern.MIXED ? CasePattern.LOWER : p;
    }
  }

  /** Sorts {@code order[0, m)} by descending {@code key[order[i]]}, stable. */
  static void sortByLocalDescending(int[] order, int m, float[] key) {
    sortByLocalDescending(order, m, key, new long[m], new int[m]);
  }

  /** The same, with scratch arrays of at least {@code m} entries each (overwritten). */
  static void sortByLocalDescending(int[] order, int m, float[] key, long[] packed, int[] copy) {
    if (m > 32) {
      sortPacked(order, m, key, packed, copy);
      return;
    }
    for (int i = 1; i < m; i++) {
      int v = order[i];
      float kv = key[v];
      int j = i - 1;
      while (j >= 0 && key[order[j]] < kv) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }

  /**
   * The sort of {@link #sortByLocalDescending} for more than 32 entries, at any length: descending
   * in the order of {@link Float#compare} (NaN first, 0 before -0), ties in their given order.
   */
  static void sortPacked(int[] order, int m, float[] key, long[] packed, int[] copy) {
    // Primitive keys, no boxing: the float's order (as Float.compare) reversed in the high half,
    // the position in the low half, so ties keep their order as a stable sort would.
    for (int i = 0; i < m; i++) {
      int bits = Float.floatToIntBits(key[order[i]]);
      int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF);
      packed[i] = (long) ~sortable << 32 | i;
    }
    java.util.Arrays.sort(packed, 0, m);
    System.arraycopy(order, 0, copy, 0, m);
    for (int i = 0; i < m; i++) {
      order[i] = copy[(int) packed[i]];
    }
  }

  private Decoded decodeDocument(Prepared doc, DocChannel state, Work work, int docIndex) {
    Decoded d = new Decoded();
    d.doc = doc;
    d.gain = new float[doc.tokens.size()];
    d.sentenceLp = new double[doc.sentences.size()];
    for (int si = 0; si < doc.sentences.size(); si++) {
      checkInterrupted();
      decodeSentence(doc.sentences.get(si), si, state, work, docIndex, d);
    }
    return d;
  }

  /**
   * Stops a restoration whose thread was interrupted (a server cancelling a request past its time
   * limit), sentence by sentence, so that the worker is free again at once. The interrupt flag is
   * left set for the caller.
   */
  private static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("restoration cancelled: the thread was interrupted");
    }
  }

  private void decodeSentence(Sentence s, int sentenceIndex, DocChannel state, Work work, int docIndex,
      Decoded d) {
    int n = s.ids.length;
    Lattice lat = work.lattice;
    lat.reset(n);
    for (int i = 0; i < n; i++) {
      work.wordBuf[0] = s.ids[i];
      lat.addArc(i, 1, work.wordBuf, 1, channel.keepCost(s.eligible[i], state.rate), -1);
      if (s.eligible[i]) {
        d.eligible++;
      }
    }
    int m = s.candidates.size();
    work.ensure(m, n);
    double keepEligible = channel.keepCost(true, state.rate);
    double logRate = Math.log10(state.rate);
    float[] cost = work.cost;
    float[] local = work.local;
    boolean ownOrder = !Double.isNaN(state.orderShare);
    for (int k = 0; k < m; k++) {
      Candidate c = s.candidates.get(k);
      state.counts(docIndex, s.first + c.from(), s.pairKeys[k], s.originals[k], work.counts);
      double candCost = s.candidateCost[k];
      if (ownOrder) { // the document's own order share in place of the shared one
        candCost += channel.orderShareAdjustment(c, state.orderShare);
      }
      cost[k] = channel.changeCost(logRate, candCost, s.immutableCost[k], work.counts[0], work.counts[1]);
      double keep = keepEligible * c.length(); // every covered token is eligible
      local[k] = (float) (s.localGain[k] + cost[k] - keep);
    }
    // Pre-selection: per start token, the best candidates by local score within the margin.
    int[] order = work.order;
    int[] perStart = work.perStart;
    java.util.Arrays.fill(perStart, 0, n, 0);
    for (int k = 0; k < m; k++) {
      order[k] = k;
    }
    work.sort(order, m, local);
    int added = 0;
    for (int j = 0; j < m; j++) {
      int k = order[j];
      Candidate c = s.candidates.get(k);
      if (local[k] < -weights.pruneMargin() || perStart[c.from()] >= weights.maxCandidatesPerPosition()) {
        continue;
      }
      perStart[c.from()]++;
      int[] ids = s.candidateIds[k];
      lat.addArc(c.from(), c.length(), ids, ids.length, cost[k], k);
      added++;
    }
    Decoder dec = work.decoder;
    dec.decode(lat, weights.beamWidth(), weights.beamThreshold(), added > 0, weights.posteriorScale());
    for (int i = 0; i < n; i++) {
      d.gain[s.first + i] -= s.inputLm[i];
      d.inputLp += s.inputLm[i];
    }
    for (int k = 0; k < dec.pathLength(); k++) {
      int a = dec.pathArc(k);
      float lp = dec.pathLmScore(k);
      d.restoredLp += lp;
      d.sentenceLp[sentenceIndex] += lp;
      int len = lat.length(a);
      for (int i = lat.from(a); i < lat.to(a); i++) {
        d.gain[s.first + i] += lp / len;
      }
      int tag = lat.tag(a);
      if (tag >= 0) {
        Candidate c = s.candidates.get(tag);
        double posterior = dec.posterior(a);
        double inputLp = 0;
        for (int i = lat.from(a); i < lat.to(a); i++) {
          inputLp += s.inputLm[i];
        }
        state.counts(docIndex, s.first + c.from(), s.pairKeys[tag], s.originals[tag], work.counts);
        double priorCost = channel.changeCost(Math.log10(weights.replacementRate()), s.candidateCost[tag],
            s.immutableCost[tag], 0, 0);
        List<String> surface = new ArrayList<>(c.length());
        for (int i = c.from(); i < c.from() + c.length(); i++) {
          surface.add(s.tokens.get(i).lmForm());
        }
        double[] features = EditFeatures.of(s.tokens, c, posterior, s.localGain[tag], lp - inputLp, cost[tag],
            priorCost, keepEligible, s.surfaceKnown[tag], state.rate, work.counts[0], work.counts[1],
            d.doc.occurrences(c.words()), Math.max(0, d.doc.occurrences(surface) - 1),
            channel.choiceFanout(c.features()));
        d.changes.add(new Change(s.first + c.from(), c.length(), s.pairKeys[tag], c, s.candidateIds[tag],
            sentenceIndex, posterior, features));
      }
    }
  }
}
