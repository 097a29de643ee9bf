package org.unspin.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.ProfileFormat;
import org.unspin.channel.TextPair;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.channel.SpinnerProfile;
import org.unspin.detect.CheckReport;
import org.unspin.detect.Detector;
import org.unspin.detect.DetectorConfig;
import org.unspin.detect.DetectorModel;
import org.unspin.detect.SignalAnalyzer;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lm.BinaryLm;
import org.unspin.lm.DefaultModels;
import org.unspin.lm.InterpolatedLm;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.TermsModel;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.Candidate;
import org.unspin.restore.CandidateGenerator;
import org.unspin.restore.ChannelWeights;
import org.unspin.restore.EditReranker;
import org.unspin.restore.FingerprintCandidates;
import org.unspin.restore.InputToken;
import org.unspin.restore.LexiconCandidates;
import org.unspin.restore.ProfileCandidates;
import org.unspin.restore.RestoredText;
import org.unspin.restore.Restorer;
import org.unspin.restore.SpanCandidateGenerator;
import org.unspin.restore.SpunJudge;

/**
 * The facade: restores spun text and checks whether a text is spun, with the embedded default
 * models or the ones the {@link Builder} is given. Built once (loading models takes a second or
 * two), then immutable and safe to share between threads.
 *
 * <pre>{@code
 * try (Unspin unspin = Unspin.withDefaults()) {
 *   CheckReport report = unspin.check(text);
 *   String original = unspin.restore(text).text();
 * }
 * }</pre>
 */
public final class Unspin implements AutoCloseable {
  /**
   * Lexicon candidates kept per span, likeliest first by the lexicon's prior: all of them average
   * about 215 per word on news text, the top 30 about 25, and decoding time grows with the count.
   */
  public static final int MAX_LEXICON_CANDIDATES = 30;

  /**
   * Metadata key of a binary model that carries the interpolation weight fitted for it against the
   * default model (by EM on held-out text of its own, as {@code index build --domain-lm} does): with
   * no weights given, the model gets it and the other models share the rest equally.
   */
  public static final String INTERPOLATION_WEIGHT_KEY = "interpolation-weight";

  private final LanguageModel lm;
  private final List<LanguageModel> owned;
  private final Restorer restorer;
  private final Path detectorFile;
  private final Double spunThreshold;
  private volatile Detector detector;
  /** The detector being loaded at start-up ({@link Builder#preloadDetector}), until {@link #detector()} takes it. */
  private volatile Loading<Detector> detectorLoading;
  /** The shipped tortured-phrase list's matcher, read once for the profile's gate and the detector ({@link #fingerprints()}). */
  private Loading<FingerprintMatcher> fingerprints;
  /** The tortured-phrase list used instead of the shipped one ({@link Builder#fingerprintList}); null: the shipped one. */
  private final FingerprintList fingerprintList;
  /** The list's phrases as restoration candidates ({@link #fingerprintCandidates()}). */
  private Loading<FingerprintCandidates> fingerprintCandidates;
  /**
   * The restorer of the texts with the list's signature ({@link Builder#termsWeight}): the gated
   * candidates over the language model interpolated with a model of the list's wordings; null
   * without.
   */
  private final Loading<Restorer> termsRestorer;
  /** Which texts {@link #termsRestorer} restores (the list's signature); null without. */
  private final Loading<FingerprintMatcher> termsGate;
  /** The model of the list's wordings, once loaded (closed with this). */
  private volatile BinaryLm termsModel;

  /**
   * The default interpolation weight of the model of the tortured-phrase list's wordings in the
   * texts with the list's signature ({@link Builder#termsWeight}; BENCHMARKS §7w).
   */
  public static final double TERMS_WEIGHT = 0.05;

  private Unspin(Builder b) {
    owned = new ArrayList<>();
    fingerprintList = b.fingerprintList;
    List<LanguageModel> models = new ArrayList<>();
    if (b.defaultLm) {
      models.add(DefaultModels.languageModel());
    }
    detectorFile = b.detectorFile;
    spunThreshold = b.spunThreshold;
    // Start-up: the lexicon (about 1.3 s of one core for the embedded one), the detector (0.5 s) and
    // the language model's bigram index (0.3 s) do not depend on one another: they load on threads of
    // their own while this one reads the profiles and the reranker (docs/restore.md, "Session 13: start-up").
    Loading<CandidateGenerator> lexicon = null;
    try {
      for (Path p : b.lmFiles) {
        BinaryLm m = BinaryLm.open(p);
        owned.add(m);
        models.add(m);
      }
      if (models.isEmpty()) {
        throw new IllegalArgumentException("no language model: give one or keep the default");
      }
      LexiconDictionary givenView = b.lexiconView;
      lexicon = new Loading<>("unspin-load-lexicon", () -> LexiconCandidates.over(
          givenView != null ? givenView : Lexicon.loadDefault().dictionary(), MAX_LEXICON_CANDIDATES));
      for (LanguageModel m : models) {
        if (m instanceof BinaryLm binary) {
          binary.startBigramIndex();
          if (b.lmHashIndex) {
            binary.startHashIndex();
          }
        }
      }
      if (models.size() == 1) {
        lm = models.get(0);
      } else {
        double[] w = b.lmWeights;
        if (w == null) {
          w = fittedOrEqualWeights(models);
        } else if (w.length != models.size()) {
          throw new IllegalArgumentException("need " + models.size() + " interpolation weights (got " + w.length
              + ")");
        }
        lm = new InterpolatedLm(models, w);
      }
      ChannelWeights weights = b.weights != null ? b.weights : ChannelWeights.shipped();
      // The detector judges each document after self-training (ChannelWeights.judgedSpunGate), when there
      // is one: a build without the embedded detector still restores as before.
      boolean judging = weights.asksJudge()
          && (detectorFile != null || Unspin.class.getResource(DetectorModel.DEFAULT_RESOURCE) != null);
      if (detectorFile != null || b.preloadDetector || judging) {
        LanguageModel model = lm;
        Loading<FingerprintMatcher> list = fingerprints();
        detectorLoading = new Loading<>("unspin-load-detector", () -> newDetector(model, detectorFile,
            spunThreshold, list));
      }
      List<SpinnerProfile> profiles = new ArrayList<>();
      SpinnerProfile shipped = b.defaultProfile ? ProfileFormat.loadDefault() : null;
      boolean gateShipped = shipped != null && !b.defaultProfileEverywhere;
      if (shipped != null && !gateShipped) {
        profiles.add(shipped);
      }
      List<SpinnerProfile> users = new ArrayList<>();
      for (Path p : b.profileFiles) {
        users.add(ProfileFormat.load(p));
      }
      users.addAll(b.profileObjects);
      // the user's profiles, for the texts the judge finds likely spun without them (profileGate), else everywhere
      CandidateGenerator judgedProfiles = b.profileGate > 0 && !users.isEmpty() ? new ProfileCandidates(users) : null;
      if (judgedProfiles == null) {
        profiles.addAll(users);
      }
      EditReranker reranker = null;
      if (b.rerankerFile != null) {
        reranker = EditReranker.load(b.rerankerFile);
      } else if (b.defaultReranker && Unspin.class.getResource(EditReranker.DEFAULT_RESOURCE) != null) {
        reranker = EditReranker.loadDefault();
      }
      List<CandidateGenerator> gens = new ArrayList<>();
      gens.add(lexicon.join());
      if (!profiles.isEmpty()) {
        gens.add(new ProfileCandidates(profiles));
      }
      if (shipped != null && !gateShipped) {
        gens.add(new Deferred(fingerprintCandidates()));
      }
      SpunJudge judge = judging ? (text, restored) -> detector().probability(text, restored) : null;
      // (the list is read beside the other models; the first text waits for it if need be)
      Loading<FingerprintMatcher> list = shipped != null ? fingerprints() : null;
      // the entries whose condition on the rest of the text held in the document ("genuine negative" AND
      // "true negative"; session 30), for that document only
      java.util.function.Function<String, SpanCandidateGenerator> conditional = list == null ? null
          : text -> FingerprintCandidates.whereMatched(list.join().match(text));
      Restorer.Builder rb = Restorer.builder(lm).weights(weights).reranker(reranker).judge(judge)
          .documentCandidates(conditional).judgedCandidates(judgedProfiles, b.profileGate);
      CandidateGenerator gatedFull = null;
      if (gateShipped) {
        // The shipped profile holds the paper mills' habits ("fuel" for "gasoline"), mostly wrong in other
        // text: it is priced defaultProfileDiscount dearer there, and at full strength in the texts that
        // show that spinner's signature, a phrase of its list (BENCHMARKS §7t).
        List<CandidateGenerator> full = new ArrayList<>(gens);
        full.add(new ProfileCandidates(List.of(shipped)));
        // and the list's own phrases, each restored as a whole to the list's wording (session 29)
        full.add(new Deferred(fingerprintCandidates()));
        gens.add(new ProfileCandidates(List.of(shipped), weights.defaultProfileDiscount()));
        gatedFull = CandidateGenerator.union(full);
        rb.gatedCandidates(gatedFull, text -> list.join().matchesAny(text));
      }
      restorer = rb.candidates(CandidateGenerator.union(gens)).build();
      if (gateShipped && b.termsWeight > 0) {
        // The texts with the list's signature are restored over the language model interpolated with
        // a small model of the list's expected wordings, the field's terms ("median filter" for
        // "middle filter"; session 31, BENCHMARKS §7w), built on first use into the cache directory:
        // the same candidates, no gate (the facade asks it).
        CandidateGenerator full = gatedFull;
        LanguageModel general = lm;
        double w = b.termsWeight;
        EditReranker r = reranker;
        termsGate = list;
        termsRestorer = new Loading<>("unspin-load-terms", () -> {
          List<String> wordings = new ArrayList<>();
          FingerprintList read = new FingerprintList(list.join().fingerprints(), "the list's matcher");
          for (TextPair p : PpsPairs.pairs(read, PpsPairs.DEFAULT_UNCERTAIN_WEIGHT)) {
            wordings.add(p.original());
          }
          BinaryLm terms = TermsModel.load(wordings, DefaultModels.cacheDirectory());
          termsModel = terms;
          return Restorer.builder(new InterpolatedLm(List.of(general, terms), new double[] {1 - w, w}))
              .weights(weights).reranker(r).judge(judge).documentCandidates(conditional).candidates(full)
              .judgedCandidates(judgedProfiles, b.profileGate).build();
        });
      } else {
        termsGate = null;
        termsRestorer = null;
      }
      if (detectorFile != null) {
        detector(); // a bad detector file fails here, not at the first check
      }
    } catch (RuntimeException e) {
      if (detectorLoading != null) { // it reads the language models that close() releases
        try {
          detectorLoading.join();
        } catch (RuntimeException ignored) {
          // the first failure is the one to report
        }
      }
      close();
      throw e;
    }
  }

  /**
   * A value computed on a daemon thread of its own, started at once; {@link #join} waits for it
   * and rethrows its failure as it was thrown. For the independent parts of loading the models.
   */
  private static final class Loading<T> {
    private final java.util.concurrent.FutureTask<T> task;

    Loading(String name, java.util.concurrent.Callable<T> work) {
      task = new java.util.concurrent.FutureTask<>(work);
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      t.start();
    }

    T join() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return task.get();
          } catch (InterruptedException e) {
            interrupted = true; // the value is needed: wait on, and keep the interrupt for the caller
          }
        }
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new ModelException("loading failed: " + e.getCause(), e.getCause());
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Everything embedded: default language model, lexicon, learned profile and detector. */
  public static Unspin withDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Interpolation weights when none are given: each model that carries a fitted weight ({@link
   * #INTERPOLATION_WEIGHT_KEY}) gets it, and the others share the rest equally; equal weights when
   * none carries one. Fitted weights that leave nothing to the others are scaled to sum to 1 among
   * themselves.
   *
   * @throws ModelException when a model's fitted weight is not a number in (0, 1)
   */
  private static double[] fittedOrEqualWeights(List<LanguageModel> models) {
    int n = models.size();
    double[] w = new double[n];
    double fitted = 0;
    int free = 0;
    for (int i = 0; i < n; i++) {
      String v = models.get(i) instanceof BinaryLm m ? m.metadata().get(INTERPOLATION_WEIGHT_KEY) : null;
      if (v == null) {
        w[i] = Double.NaN;
        free++;
        continue;
      }
      double x;
      try {
        x = Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        x = Double.NaN;
      }
      if (!(x > 0 && x < 1)) {
        throw new ModelException(((BinaryLm) models.get(i)).path() + ": metadata " + INTERPOLATION_WEIGHT_KEY
            + " must be a number in (0, 1) (got '" + v + "')");
      }
      w[i] = x;
      fitted += x;
    }
    if (free == n) {
      java.util.Arrays.fill(w, 1.0 / n);
      return w;
    }
    double rest = free == 0 || fitted >= 1 ? 0 : 1 - fitted;
    double scale = rest == 0 ? 1 / fitted : 1;
    for (int i = 0; i < n; i++) {
      w[i] = Double.isNaN(w[i]) ? rest / free : w[i] * scale;
    }
    return w;
  }

  /** The (possibly interpolated) language model in use. */
  public LanguageModel languageModel() {
    return lm;
  }

  public Restorer restorer() {
    return restorer;
  }

  /**
   * The detector; the embedded one is loaded on first use, so restoring alone never needs it
   * (unless {@link Builder#preloadDetector} asked for it at start-up).
   */
  public Detector detector() {
    Detector d = detector;
    if (d == null) {
      synchronized (this) {
        d = detector;
        if (d == null) {
          d = detectorLoading != null ? detectorLoading.join()
              : newDetector(lm, detectorFile, spunThreshold, fingerprints());
          detector = d;
          detectorLoading = null;
        }
      }
    }
    return d;
  }

  /**
   * The tortured-phrase list's matcher (the shipped list, or the builder's), read on a loading thread of its
   * own the first time it is asked for.
   */
  private synchronized Loading<FingerprintMatcher> fingerprints() {
    if (fingerprints == null) {
      FingerprintList given = fingerprintList;
      fingerprints = new Loading<>("unspin-load-fingerprints",
          () -> new FingerprintMatcher(given != null ? given : FingerprintList.loadDefault()));
    }
    return fingerprints;
  }

  /** The shipped list's phrases as candidates, made on a loading thread from the list the matcher reads. */
  private synchronized Loading<FingerprintCandidates> fingerprintCandidates() {
    if (fingerprintCandidates == null) {
      Loading<FingerprintMatcher> list = fingerprints();
      fingerprintCandidates = new Loading<>("unspin-load-fingerprint-candidates",
          () -> new FingerprintCandidates(list.join().fingerprints()));
    }
    return fingerprintCandidates;
  }

  /**
   * A span generator made on a loading thread: the first sentence that asks for candidates waits
   * for it, later ones find it made.
   */
  private static final class Deferred implements SpanCandidateGenerator {
    private final Loading<? extends SpanCandidateGenerator> loading;

    Deferred(Loading<? extends SpanCandidateGenerator> loading) {
      this.loading = loading;
    }

    @Override
    public boolean mayHaveCandidates(List<InputToken> sentence, int from, int length) {
      return loading.join().mayHaveCandidates(sentence, from, length);
    }

    @Override
    public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
      loading.join().spanCandidates(sentence, from, length, out);
    }

    @Override
    public int maxLength() {
      return loading.join().maxLength();
    }
  }

  private static Detector newDetector(LanguageModel lm, Path detectorFile, Double spunThreshold,
      Loading<FingerprintMatcher> fingerprints) {
    DetectorModel model = detectorFile != null ? DetectorModel.load(detectorFile) : DetectorModel.loadDefault();
    double spun = spunThreshold != null ? spunThreshold : model.spunThreshold();
    double clean = Math.min(model.cleanThreshold(), spun);
    DetectorConfig config = DetectorConfig.DEFAULTS.withThresholds(spun, clean);
    FingerprintMatcher list = fingerprints.join();
    return Detector.shipped(new SignalAnalyzer(lm, SignalAnalyzer.standardRules(list), config), model, list);
  }

  /** Restores the likely original wording of {@code text}; every edit keeps offsets into it. */
  public RestoredText restore(String text) {
    Objects.requireNonNull(text, "text");
    if (termsRestorer == null) {
      return restorer.restore(text, AnalyzedTokens.of(text));
    }
    // (the signature is the base restorer's gate too: asked once, here)
    return termsGate.join().matchesAny(text) ? termsRestorer.join().restore(text, AnalyzedTokens.of(text))
        : restorer.restore(text, AnalyzedTokens.of(text), false);
  }

  /** Scores {@code text}: spun probability, verdict, findings with suggestions, restored text. */
  public CheckReport check(String text) {
    return detector().check(text, restore(text));
  }

  @Override
  public void close() {
    for (LanguageModel m : owned) {
      m.close();
    }
    BinaryLm terms = termsModel;
    if (terms != null) {
      terms.close();
    }
  }

  /** Configures an {@link Unspin}; every setting has a default. */
  public static final class Builder {
    private boolean defaultLm = true;
    private final List<Path> lmFiles = new ArrayList<>();
    private double[] lmWeights;
    private boolean defaultProfile = true;
    private boolean defaultProfileEverywhere;
    private final List<Path> profileFiles = new ArrayList<>();
    private final List<SpinnerProfile> profileObjects = new ArrayList<>();
    private double profileGate;
    private ChannelWeights weights;
    private Path detectorFile;
    private Double spunThreshold;
    private LexiconDictionary lexiconView;
    private boolean defaultReranker = true;
    private Path rerankerFile;

    private boolean lmHashIndex;
    private boolean preloadDetector;
    private double termsWeight = TERMS_WEIGHT;
    private FingerprintList fingerprintList;

    private Builder() {}

    /**
     * A tortured-phrase list to use instead of the shipped one (a newer export of the Problematic
     * Paper Screener's list, or a list of one's own in its CSV format; {@link FingerprintList#load}):
     * its phrases are the {@code KNOWN_TORTURED_PHRASE} findings, the restoration candidates with
     * their wording, the signature where the shipped profile applies at full strength, the terms
     * model's text and the detector's list evidence (entries the shipped clean counts do not name
     * count as seldom in clean text). The shipped profile, learned from the shipped list, stays.
     */
    public Builder fingerprintList(FingerprintList list) {
      this.fingerprintList = Objects.requireNonNull(list, "list");
      return this;
    }

    /**
     * Whether to build, in the background, the in-heap n-gram hash index of each binary language
     * model ({@link BinaryLm#startHashIndex}; default: no). The same answers, 11–16% less CPU per
     * check of new text once it is ready, for about 160 MB of heap and 1.5 s of one core with the
     * default model: for servers and batch scans, not for one short check.
     */
    public Builder lmHashIndex(boolean build) {
      this.lmHashIndex = build;
      return this;
    }

    /**
     * Whether to load the detector at start-up, on a thread of its own while the restorer's models
     * load (default: no, it loads on the first {@link Unspin#check}): for callers that will check, so that
     * the first check does not wait for it. A detector file given by {@link #detector(Path)} is
     * always loaded at start-up, so that a bad one fails there.
     */
    public Builder preloadDetector(boolean preload) {
      this.preloadDetector = preload;
      return this;
    }

    /**
     * Whether the shipped edit reranker (when this build has one) accepts or rejects the
     * restorer's edits (default: yes); without it, edits are kept by their posterior alone.
     */
    public Builder defaultEditReranker(boolean use) {
      this.defaultReranker = use;
      return this;
    }

    /** An edit reranker file ({@code unspin tune reranker}) instead of the shipped one. */
    public Builder editReranker(Path file) {
      this.rerankerFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * The lexicon view the restorer draws its thesaurus candidates from (default: every entry of the
     * embedded lexicon). The evaluation's unknown-spinner setting passes a view that holds out the
     * entries its simulated spinner uses ({@link LexiconDictionary#holdingOut}).
     */
    public Builder lexicon(LexiconDictionary view) {
      this.lexiconView = Objects.requireNonNull(view, "view");
      return this;
    }

    /** Adds a binary language model, interpolated with the others (and the default unless turned off). */
    public Builder languageModel(Path file) {
      lmFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Whether the embedded default language model takes part (default: yes). */
    public Builder defaultLanguageModel(boolean use) {
      this.defaultLm = use;
      return this;
    }

    /**
     * Interpolation weights, one per model in order (default model first); default: equal, except
     * that a model carrying a fitted weight ({@link #INTERPOLATION_WEIGHT_KEY}) gets it and the
     * others share the rest.
     */
    public Builder interpolationWeights(double... w) {
      this.lmWeights = w.clone();
      return this;
    }

    /**
     * The interpolation weight of the model of the tortured-phrase list's wordings in the texts
     * with the list's signature, where the shipped profile is gated (default {@link #TERMS_WEIGHT});
     * 0 leaves it out.
     *
     * @throws IllegalArgumentException unless {@code 0 <= w < 1}
     */
    public Builder termsWeight(double w) {
      if (!(w >= 0 && w < 1)) {
        throw new IllegalArgumentException("terms weight must be in [0, 1) (got " + w + ")");
      }
      this.termsWeight = w;
      return this;
    }

    /** Adds a spinner profile (TSV, see {@code unspin profile show}). */
    public Builder profile(Path file) {
      profileFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Gives the profiles added with {@link #profile} only to the texts that the detector, as the
     * restorer's judge, finds at least {@code p} likely spun without them (such a text is restored
     * again with them); 0 (the default): to every text. For a profile learned from one spinner's
     * pages ({@code profile learn --from-batch}) used on text of other writers too. Needs the
     * judge (the embedded detector or {@link #detector}, and channel weights that ask it).
     *
     * @throws IllegalArgumentException if {@code p} is not in [0, 1]
     */
    public Builder profileGate(double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("profile gate must be in [0, 1] (got " + p + ")");
      }
      this.profileGate = p;
      return this;
    }

    /**
     * Adds a spinner profile held in memory, e.g. one learned from a batch of a spinner's pages
     * ({@code restorer().learnFromBatch(texts).toProfile(...)}).
     */
    public Builder profile(SpinnerProfile profile) {
      profileObjects.add(Objects.requireNonNull(profile, "profile"));
      return this;
    }

    /**
     * Whether the shipped profile learned from the tortured-phrase list takes part (default: yes): at
     * full strength in the texts where a phrase of that list occurs, and priced dearer in the others
     * unless {@link #defaultProfileEverywhere}. With it come the list's own phrases as candidates for
     * their whole span, with the list's wording ({@link FingerprintCandidates}); without it, neither.
     */
    public Builder defaultProfile(boolean use) {
      this.defaultProfile = use;
      return this;
    }

    /**
     * Whether the shipped profile (when it takes part, {@link #defaultProfile}) applies at full
     * strength to every text instead of only to those where a phrase of the tortured-phrase list
     * occurs (default: no; elsewhere its entries are priced {@link
     * ChannelWeights#defaultProfileDiscount()} dearer). Its entries are the paper mills' habits
     * ("data" for "information"): in other text they are mostly wrong changes.
     */
    public Builder defaultProfileEverywhere(boolean everywhere) {
      this.defaultProfileEverywhere = everywhere;
      return this;
    }

    /** Channel weights instead of the shipped ones ({@link ChannelWeights#shipped()}). */
    public Builder channelWeights(ChannelWeights w) {
      this.weights = Objects.requireNonNull(w, "weights");
      return this;
    }

    /** A detector model file instead of the embedded one. */
    public Builder detector(Path file) {
      this.detectorFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** The spun-probability from which the verdict is "spun" (default: the detector model's). */
    public Builder spunThreshold(double p) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1) (got " + p + ")");
      }
      this.spunThreshold = p;
      return this;
    }

    public Unspin build() {
      return new Unspin(this);
    }
  }
}
