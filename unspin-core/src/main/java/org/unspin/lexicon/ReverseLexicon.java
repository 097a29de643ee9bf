package org.unspin.lexicon;

/**
 * The reverse index: for a surface phrase of 1 to 3 LM-form words, every original phrase that a
 * dictionary spinner using the view's entries could have turned into it. A candidate comes from an
 * edge "original -> surface lemma" where the surface lemma is the surface itself or, with
 * morphology on, the surface with its head word lemmatized ("financial institutions" -> "financial
 * institution", "gave up" -> "give up", "more useful" -> "useful"); the original is then inflected
 * the same way ("banks"), and with mismatches on also in the confusable form a spinner leaves
 * behind (past for participle and back, flagged {@link Candidate#mismatch()}), unless the surface
 * is that form too ("raised" is past and participle: its two analyses already cover both). Such a
 * word reports an original whose past and participle coincide once, as PAST ("lifted").
 *
 * <p>Candidates are reported in increasing {@link Candidate#prior()}: the surface and its analyses
 * are merged by prior, so a limited look-up keeps the likeliest of all of them. An inflected
 * surface only reaches edges whose sense has the inflection's part of speech (an edge without a
 * sense: whose original may have it), as a spinner that inflects its replacement works. An original
 * string that another analysis already reported is not reported again ("outcomes" for "results"
 * as plural and as third person). Surface case is the
 * caller's business: pass lower-case LM forms. Digit strings are LM forms too ("0", "00"), so
 * "0" has every one-digit number word as candidate; filter with {@link NumberWords#value} when the
 * raw digits are known.
 *
 * <p>A sink must not start another look-up on the same thread (per-thread marks would mix).
 * Thread-safe (per-phrase and per-word caches fill in with benign races; at most 100,000
 * words' analyses are cached). A look-up allocates one small object, plus the analyses of a word
 * not seen before; inflected originals are built only when {@link Candidate#original()} is called.
 */
public final class ReverseLexicon {
  /**
   * Look-up options.
   *
   * @param morphology also look up the surface with its head word lemmatized
   * @param mismatches also propose the participle for a past tense and back
   * @param inverse also propose the surface's own replacements, as if the lexicon were symmetric
   *     ({@link Candidate#inverse()}); reverse edges and inverse ones are merged by prior bucket
   * @param maxCandidates stop a look-up after this many candidates (0: no limit); since candidates
   *     come in {@link Candidate#prior()} order, the kept ones are the likelier
   * @param secondOrder also propose up to this many synonyms of synonyms per surface lemma (phrases
   *     two edges away, ranked by shared neighbours and prior; {@link Candidate#secondOrder()}),
   *     merged with the others by prior; 0: none. For unknown spinners: see {@link SecondOrder}
   * @param minCandidates with a margin: the candidates a look-up reports whatever their prior (if it
   *     has that many), at most {@code maxCandidates}
   * @param margin an adaptive limit, 0: off. Past the first {@code minCandidates}, a look-up reports
   *     only candidates whose {@link Candidate#prior()} is at most the first one's plus this many
   *     half bits (and never more than {@code maxCandidates}): a surface whose originals are about
   *     equally likely keeps more of them, one with a clear favourite fewer
   *     (docs/evaluation-lexicon.md, "Lexicon round 3")
   */
  public record Options(boolean morphology, boolean mismatches, boolean inverse, int maxCandidates,
      int secondOrder, int minCandidates, int margin) {
    /** Morphology, participle/past mismatches and inverse edges on, no limit, no second-order candidates. */
    public static final Options DEFAULT = new Options(true, true, true, 0, 0);
    /** The surface as written, through the lexicon's own edge direction only, no limit. */
    public static final Options EXACT = new Options(false, false, false, 0, 0);

    /** Validates the combination. */
    public Options {
      if (mismatches && !morphology) {
        throw new IllegalArgumentException("mismatches: need morphology on");
      }
      if (maxCandidates < 0) {
        throw new IllegalArgumentException("maxCandidates: must be >= 0 (got " + maxCandidates + ")");
      }
      if (secondOrder < 0) {
        throw new IllegalArgumentException("secondOrder: must be >= 0 (got " + secondOrder + ")");
      }
      if (margin < 0) {
        throw new IllegalArgumentException("margin: must be >= 0 (got " + margin + ")");
      }
      if (minCandidates < 0 || (margin > 0 && (maxCandidates == 0 || minCandidates > maxCandidates))) {
        throw new IllegalArgumentException("minCandidates: must be in 0..maxCandidates (" + maxCandidates
            + ") with a margin (got " + minCandidates + ", margin " + margin + ")");
      }
    }

    /** Options with a fixed limit (no margin). */
    public Options(boolean morphology, boolean mismatches, boolean inverse, int maxCandidates, int secondOrder) {
      this(morphology, mismatches, inverse, maxCandidates, secondOrder, 0, 0);
    }

    /** Options without second-order candidates, with a fixed limit. */
    public Options(boolean morphology, boolean mismatches, boolean inverse, int maxCandidates) {
      this(morphology, mismatches, inverse, maxCandidates, 0);
    }

    /** These options with a fixed candidate limit (0: none), the margin off. */
    public Options withMaxCandidates(int max) {
      return new Options(morphology, mismatches, inverse, max, secondOrder, 0, 0);
    }

    /**
     * These options with an adaptive limit: at least {@code min} candidates (if there are), at most
     * {@code max}, and in between those within {@code margin} half bits of the first one's prior.
     */
    public Options withAdaptiveLimit(int min, int max, int margin) {
      if (max < 1 || margin < 1) {
        throw new IllegalArgumentException("adaptive limit: max and margin must be >= 1 (got max " + max
            + ", margin " + margin + ")");
      }
      return new Options(morphology, mismatches, inverse, max, secondOrder, min, margin);
    }

    /** These options with up to {@code perSurface} second-order candidates per surface lemma (0: none). */
    public Options withSecondOrder(int perSurface) {
      return new Options(morphology, mismatches, inverse, maxCandidates, perSurface, minCandidates, margin);
    }
  }

  private final LexiconDictionary view;
  private final Lexicon lex;
  private final Morphology morph;
  private final Options options;
  /** Most distinct words whose analyses are cached (about 100 bytes each). */
  private static final int CACHE_LIMIT = 100_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Analyses> cache =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Inflected forms of phrases, filled on demand: slot {@code id * INFLECTIONS + inflection}. */
  private final String[] inflected;
  /** Second-order candidates per surface lemma, or null when off. */
  private final SecondOrder second;
  /** Forms of each phrase's head word per inflection (0: not yet computed), slots as in {@link #inflected}. */
  private final byte[] formCounts;
  /** Per phrase: 0 unknown, 1 past equals participle, 2 they differ. */
  private final byte[] pastParticiple;

  ReverseLexicon(LexiconDictionary view, Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options: null");
    }
    this.view = view;
    this.lex = view.lexicon();
    this.morph = lex.morphology();
    this.options = options;
    this.pastParticiple = new byte[lex.phraseCount()];
    this.inflected = new String[lex.phraseCount() * INFLECTIONS];
    this.formCounts = new byte[lex.phraseCount() * INFLECTIONS];
    this.second = options.secondOrder() > 0 ? view.secondOrder(options.secondOrder()) : null;
  }

  private static final int INFLECTIONS = Inflection.values().length;

  /** {@code morphology.inflectPhrase(phrase(id), infl)}, cached per phrase and inflection (benign races). */
  String inflectedForm(int id, Inflection infl) {
    if (infl == Inflection.BASE) {
      return lex.phrase(id);
    }
    int slot = id * INFLECTIONS + infl.ordinal();
    String s = inflected[slot];
    if (s == null) {
      s = alreadyInflected(lex, lex.phrase(id), infl) ? lex.phrase(id) : morph.inflectPhrase(lex.phrase(id), infl);
      inflected[slot] = s;
    }
    return s;
  }

  /**
   * Whether {@code phrase}'s head word is already form {@code infl} of another word of {@code lex},
   * so that the phrase is its own form {@code infl}: Moby's headwords include inflected words
   * ("operations", "trafficking", "founded"), which inflected again gave "operationses",
   * "traffickinging" and "foundeded". For a plural, the other word must be a noun of three letters
   * or more ("glasses", "means", "species" stay as they are; "gas" is not "ga" + s); for a verb
   * form, a verb, and the head must not be a verb itself ("weed" is not the past of "wee", "feed"
   * not that of "fee"). Comparisons are left to {@link Morphology#inflectPhrase}.
   */
  static boolean alreadyInflected(Lexicon lex, String phrase, Inflection infl) {
    if (infl == Inflection.BASE || infl == Inflection.COMPARATIVE || infl == Inflection.SUPERLATIVE) {
      return false;
    }
    String head = Morphology.head(phrase, infl);
    if (infl != Inflection.PLURAL) {
      int own = lex.find(head);
      if (own >= 0 && (lex.pos(own) & infl.pos()) != 0) {
        return false;
      }
    }
    boolean[] found = {false};
    lex.morphology().analyze(head, (lemma, form) -> {
      if (form == infl && lemma.length() >= (infl == Inflection.PLURAL ? 3 : 2) && !lemma.equals(phrase)) {
        int lid = lex.find(lemma);
        if (lid >= 0 && (lex.pos(lid) & infl.pos()) != 0) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }

  /** The forward view this index inverts. */
  public LexiconDictionary view() {
    return view;
  }

  /** The options of this index. */
  public Options options() {
    return options;
  }

  /** Candidates for a phrase of words joined by single spaces; see {@link #candidates(String[], int, int, CandidateSink)}. */
  public int candidates(String phrase, CandidateSink sink) {
    String[] toks = phrase.split(" ");
    return candidates(toks, 0, toks.length, sink);
  }

  /**
   * Reports to {@code sink} every candidate original of the surface {@code lmForms[from..from+len)}.
   *
   * @return the number of candidates reported
   * @throws IllegalArgumentException if the span is outside the array or {@code len} is not 1..3
   */
  public int candidates(String[] lmForms, int from, int len, CandidateSink sink) {
    if (len < 1 || len > LexiconBuilder.MAX_WORDS || from < 0 || from + len > lmForms.length) {
      throw new IllegalArgumentException("span: from=" + from + " len=" + len + " outside 1.." + LexiconBuilder.MAX_WORDS
          + " words of an array of " + lmForms.length);
    }
    Candidate c = new Candidate(this, options.maxCandidates(), options.minCandidates(), options.margin());
    Sources src = Sources.acquire();
    try {
      int id = lex.find(lmForms, from, len);
      if (id >= 0) {
        src.add(id, Inflection.BASE, lex.pos(id), false, false, 0);
      }
      if (options.morphology()) {
        int headLast = from + len - 1;
        if (len == 1 || lex.isHead(lmForms, from, len - 1)) {
          Analyses a = analyses(lmForms[headLast]);
          for (int i = 0; i < a.lemmas.length; i++) {
            Inflection infl = a.inflections[i];
            if (len == 1) {
              int lid = a.lemmaIds[i];
              if (lid >= 0 && posAllows(lid, infl)) {
                src.add(lid, infl, surfacePos(lid, infl), !a.alsoConfusable[i],
                    a.alsoConfusable[i] && infl == Inflection.PAST_PARTICIPLE, Lexicon.ANALYSIS_PENALTY);
              }
            } else if (!infl.headIsFirst() && infl != Inflection.COMPARATIVE && infl != Inflection.SUPERLATIVE
                && !(infl == Inflection.PLURAL && complementAfterFirst(lmForms, from, len))) {
              // (a phrase of several words has no comparative: Morphology.inflectPhrase)
              inflected(lmForms, from, len, headLast, a.lemmas[i], infl, a.alsoConfusable[i], src);
            }
          }
        }
        if (len > 1) {
          if (lex.isTail(lmForms, from + 1, len - 1)) {
            Analyses a = analyses(lmForms[from]);
            boolean nounHeadFirst = complementAfterFirst(lmForms, from, len);
            for (int i = 0; i < a.lemmas.length; i++) {
              Inflection infl = a.inflections[i];
              if (infl.headIsFirst() || nounHeadFirst && infl == Inflection.PLURAL) {
                inflected(lmForms, from, len, from, a.lemmas[i], infl, a.alsoConfusable[i], src);
              }
            }
          }
          if (len == 2) {
            String w = lmForms[from];
            Inflection infl = w.equals("more") ? Inflection.COMPARATIVE
                : w.equals("most") ? Inflection.SUPERLATIVE : null;
            String lemma = lmForms[from + 1];
            if (infl != null && (w + " " + lemma).equals(morph.inflect(lemma, infl))) {
              int lid = lex.find(lemma);
              if (lid >= 0 && posAllows(lid, infl)) {
                src.add(lid, infl, surfacePos(lid, infl), false, false, Lexicon.ANALYSIS_PENALTY);
              }
            }
          }
        }
      }
      emit(src, c, sink);
    } finally {
      src.release();
    }
    return c.count;
  }

  /**
   * Whether {@link #candidates(String[], int, int, CandidateSink)} of a span of {@code len >= 2}
   * words starting with {@code first second} may report anything: false only when it reports
   * nothing. Every candidate of such a span comes from a phrase of the lexicon that starts with
   * the span's first two words, or with the first word and the second's lemma (a two-word span
   * whose last word is inflected), or with the first word's lemma and the second word (a verb
   * phrase inflected on its first word), or is a "more"/"most" comparative. The test reads a small
   * bit set ({@link Lexicon#pairFilter}) and, only when the first word may start a two-word phrase
   * or the second may be the second word of a phrase of the span's length, the cached analyses of a
   * word.
   */
  public boolean mayHaveCandidates(String first, String second, int len) {
    WordPairFilter f = lex.pairFilter();
    if (f.mayContain(first, second) || first.indexOf(' ') >= 0 || second.indexOf(' ') >= 0) {
      return true; // (a token with a space inside would shift the words of the joined span)
    }
    if (!options.morphology()) {
      return false;
    }
    if (len == 2) {
      if (first.equals("more") || first.equals("most")) {
        return true;
      }
      if (f.mayStart(first, 2)) { // "first X" is a phrase of two words
        Analyses a = analyses(second);
        for (int i = 0; i < a.lemmas.length; i++) {
          if (!a.inflections[i].headIsFirst() && f.mayContain(first, a.lemmas[i])) {
            return true;
          }
        }
      }
    }
    if (f.mayFollow(second, len)) { // "X second ..." is a phrase of len words
      Analyses a = analyses(first);
      boolean nounHeadFirst = len >= 3 && Morphology.HEAD_PREPOSITIONS.contains(second);
      for (int i = 0; i < a.lemmas.length; i++) {
        Inflection infl = a.inflections[i];
        if ((infl.headIsFirst() || nounHeadFirst && infl == Inflection.PLURAL) && f.mayContain(a.lemmas[i], second)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a noun plural of the span {@code lmForms[from..from+len)} is written on its first word:
   * its second word opens a complement ("rates of interest"; {@link Morphology#headIndex}).
   */
  private static boolean complementAfterFirst(String[] lmForms, int from, int len) {
    return len >= 3 && Morphology.HEAD_PREPOSITIONS.contains(lmForms[from + 1]);
  }

  /**
   * The surface lemmas of one look-up (the surface itself and its analyses), each with its
   * inflection and a prior offset, and each one's read positions during the merge. Reused per
   * thread; a nested look-up from inside a sink gets its own.
   */
  private static final class Sources {
    static final int MAX = 32;
    private static final ThreadLocal<Sources> FREE = ThreadLocal.withInitial(Sources::new);
    int n;
    boolean busy;
    final int[] lemma = new int[MAX];
    final Inflection[] inflection = new Inflection[MAX];
    final int[] pos = new int[MAX];
    final boolean[] mismatches = new boolean[MAX];
    final boolean[] onlyDistinct = new boolean[MAX];
    final int[] penalty = new int[MAX];
    final int[] k = new int[MAX];
    final int[] kEnd = new int[MAX];
    final int[] next = new int[MAX];
    final int[] nextEnd = new int[MAX];
    final SecondOrder.Entry[] hops = new SecondOrder.Entry[MAX];
    final int[] hop = new int[MAX];

    static Sources acquire() {
      Sources s = FREE.get();
      if (s.busy) {
        s = new Sources();
      }
      s.busy = true;
      s.n = 0;
      return s;
    }

    void release() {
      busy = false;
    }

    void add(int lemmaId, Inflection infl, int surfacePos, boolean mism, boolean distinct, int pen) {
      if (n == MAX) {
        return; // never reached: a word has a handful of analyses
      }
      lemma[n] = lemmaId;
      inflection[n] = infl;
      pos[n] = surfacePos;
      mismatches[n] = mism;
      onlyDistinct[n] = distinct;
      penalty[n] = pen;
      n++;
    }
  }

  /** The analyses of one word, with the lexicon ids of the lemmas as one-word phrases (-1 if absent). */
  private static final class Analyses {
    static final Analyses NONE = new Analyses(new String[0], new Inflection[0], new int[0]);
    final String[] lemmas;
    final Inflection[] inflections;
    final int[] lemmaIds;
    /** Whether the word is also the confusable form of the same lemma (regular "raised": past and participle). */
    final boolean[] alsoConfusable;

    Analyses(String[] lemmas, Inflection[] inflections, int[] lemmaIds) {
      this.lemmas = lemmas;
      this.inflections = inflections;
      this.lemmaIds = lemmaIds;
      alsoConfusable = new boolean[lemmas.length];
      for (int i = 0; i < lemmas.length; i++) {
        Inflection conf = Morphology.confusable(inflections[i]);
        for (int j = 0; j < lemmas.length && conf != null; j++) {
          if (inflections[j] == conf && lemmas[j].equals(lemmas[i])) {
            alsoConfusable[i] = true;
          }
        }
      }
    }
  }

  /** Analyses cached per word: running text repeats its words (Zipf), and analysis allocates. */
  private Analyses analyses(String word) {
    Analyses a = cache.get(word);
    if (a != null) {
      return a;
    }
    java.util.List<String> lemmas = new java.util.ArrayList<>(4);
    java.util.List<Inflection> infls = new java.util.ArrayList<>(4);
    morph.analyze(word, (lemma, infl) -> {
      lemmas.add(lemma);
      infls.add(infl);
    });
    if (lemmas.isEmpty()) {
      a = Analyses.NONE;
    } else {
      int[] ids = new int[lemmas.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = lex.find(lemmas.get(i));
      }
      a = new Analyses(lemmas.toArray(new String[0]), infls.toArray(new Inflection[0]), ids);
    }
    if (cache.size() < CACHE_LIMIT) {
      cache.putIfAbsent(word, a);
    }
    return a;
  }

  private void inflected(String[] forms, int from, int len, int head, String lemma, Inflection infl,
      boolean alsoConfusable, Sources src) {
    int lid;
    if (len == 1) {
      lid = lex.find(lemma);
    } else {
      String[] span = new String[len];
      System.arraycopy(forms, from, span, 0, len);
      span[head - from] = lemma;
      lid = lex.find(span, 0, len);
    }
    if (lid >= 0 && posAllows(lid, infl)) {
      src.add(lid, infl, surfacePos(lid, infl), !alsoConfusable, alsoConfusable && infl == Inflection.PAST_PARTICIPLE,
          Lexicon.ANALYSIS_PENALTY);
    }
  }

  private boolean posAllows(int lemmaId, Inflection infl) {
    int p = lex.pos(lemmaId);
    return p == 0 || (p & infl.pos()) != 0;
  }

  private int surfacePos(int lemmaId, Inflection infl) {
    int p = lex.pos(lemmaId);
    return p == 0 ? infl.pos() : p & infl.pos();
  }

  /**
   * Reports the originals of every source in one order of increasing prior cost (edge bucket plus
   * the source's offset), merging the sources' reverse lists and, with inverse edges on, their
   * forward lists read the other way round (skipping originals a reverse edge of the same source
   * already reported). Per source: {@code mismatches}, also in the confusable form; {@code
   * onlyDistinct}, for a participle analysis of a word that is also the past of the same lemma,
   * skip originals whose participle equals their past (the past analysis has them).
   */
  private void emit(Sources s, Candidate c, CandidateSink sink) {
    if (s.n == 0) {
      return;
    }
    boolean inverse = options.inverse();
    Marks marks = MARKS.get();
    marks.nextLookUp(lex.phraseCount());
    c.marks = marks;
    for (int i = 0; i < s.n; i++) {
      int lemma = s.lemma[i];
      s.k[i] = lex.reverseStart(lemma);
      s.kEnd[i] = lex.reverseEnd(lemma);
      s.next[i] = lex.edgeStart(lemma);
      s.nextEnd[i] = inverse ? lex.edgeEnd(lemma) : s.next[i];
      s.hops[i] = second == null ? SecondOrder.Entry.EMPTY : second.of(lemma);
      s.hop[i] = 0;
    }
    while (!c.full()) {
      // the smallest cost any source has next
      int b = Integer.MAX_VALUE;
      for (int i = 0; i < s.n; i++) {
        if (s.k[i] < s.kEnd[i]) {
          b = Math.min(b, lex.bucket(lex.reverseEdge(s.k[i])) + s.penalty[i]);
        }
        if (s.next[i] < s.nextEnd[i]) {
          b = Math.min(b, lex.inverseBucket(lex.inverseOrder(s.next[i])) + s.penalty[i]);
        }
        if (s.hop[i] < s.hops[i].cost.length) {
          b = Math.min(b, s.hops[i].cost[s.hop[i]] + s.penalty[i]);
        }
      }
      if (b == Integer.MAX_VALUE || c.beyondMargin(b)) {
        return;
      }
      c.bucket = b;
      for (int i = 0; i < s.n && !c.full(); i++) {
        int bb = b - s.penalty[i];
        Inflection infl = s.inflection[i];
        Inflection conf = s.mismatches[i] && options.mismatches() ? Morphology.confusable(infl) : null;
        boolean comparison = infl == Inflection.COMPARATIVE || infl == Inflection.SUPERLATIVE;
        int k = s.k[i];
        int end = s.kEnd[i];
        for (; k < end && lex.bucket(lex.reverseEdge(k)) == bb && !c.full(); k++) {
          reverseOne(k, s.lemma[i], infl, s.pos[i], conf, comparison, s.onlyDistinct[i], b, c, sink);
        }
        s.k[i] = k;
        int next = s.next[i];
        int fe = s.nextEnd[i];
        for (; next < fe && lex.inverseBucket(lex.inverseOrder(next)) == bb && !c.full(); next++) {
          int f = lex.inverseOrder(next);
          if (!view.accepts(f, lex.info(f))) {
            continue;
          }
          // the view lists "original -> surface lemma" itself: the reverse list reports it
          int tw = lex.twin(f);
          if (tw >= 0 && view.accepts(tw, lex.info(tw))) {
            continue;
          }
          int orig = lex.edgeTarget(f);
          one(f, true, orig, s.lemma[i], infl, s.pos[i], conf, comparison, s.onlyDistinct[i], b, c, sink);
        }
        s.next[i] = next;
        SecondOrder.Entry he = s.hops[i];
        int h = s.hop[i];
        for (; h < he.cost.length && he.cost[h] == bb && !c.full(); h++) {
          c.secondOrder = true;
          one(he.edge[h], false, he.original[h], s.lemma[i], infl, s.pos[i], conf, comparison, s.onlyDistinct[i], b,
              c, sink);
          c.secondOrder = false;
        }
        s.hop[i] = h;
      }
    }
  }

  private void reverseOne(int k, int surfaceLemma, Inflection infl, int surfacePos, Inflection conf,
      boolean comparison, boolean onlyDistinctParticiples, int prior, Candidate c, CandidateSink sink) {
    int e = lex.reverseEdge(k);
    if (!view.accepts(e, lex.reverseInfo(k))) {
      return;
    }
    int src = lex.reverseSource(k);
    one(e, false, src, surfaceLemma, infl, surfacePos, conf, comparison, onlyDistinctParticiples, prior, c, sink);
  }

  private void one(int e, boolean inverse, int src, int surfaceLemma, Inflection infl, int surfacePos,
      Inflection conf, boolean comparison, boolean onlyDistinctParticiples, int prior, Candidate c,
      CandidateSink sink) {
    if (comparison && lex.phrase(src).indexOf(' ') >= 0) {
      return; // multiword phrases have no comparative
    }
    if (onlyDistinctParticiples && !pastDiffersFromParticiple(src)) {
      return;
    }
    if (infl != Inflection.BASE && !inflectable(e, src, infl)) {
      return;
    }
    if (!seen(src, infl, c)) {
      int forms = formCount(src, infl);
      for (int v = 0; v < forms && !c.full(); v++) {
        c.set(e, inverse, src, surfaceLemma, surfacePos, infl, infl, false, v, prior);
        sink.accept(c);
      }
    }
    // the confusable form even when the form itself was reported ("run" for base and participle:
    // "ran" is new), once per look-up and original
    if (conf != null && !c.full() && pastDiffersFromParticiple(src) && firstMismatch(src, conf, c)) {
      int forms = formCount(src, conf);
      for (int v = 0; v < forms && !c.full(); v++) {
        c.set(e, inverse, src, surfaceLemma, surfacePos, infl, conf, true, v, prior);
        sink.accept(c);
      }
    }
  }

  /**
   * Whether a spinner inflecting its replacement like the original could have used edge {@code e}
   * with {@code infl}: the sense linking the two has the inflection's part of speech or, for an
   * edge without a sense (Moby), the original's part of speech allows it or is unknown. ("coached"
   * is not "basketball coach" + ed.) {@link LexiconDictionary#synonyms(String, int)} is the
   * forward side of the same rule.
   */
  private boolean inflectable(int e, int original, Inflection infl) {
    int sense = Lexicon.sensePos(lex.info(e));
    if (sense != 0) {
      return (sense & infl.pos()) != 0;
    }
    int p = lex.pos(original);
    return p == 0 || (p & infl.pos()) != 0;
  }

  /**
   * Whether this look-up already reported original lemma {@code src} inflected the same way as
   * {@code infl} would spell it (a noun plural and a verb's third person, "outcomes"), and if not,
   * remembers it. Only the first inflection reported for a lemma is remembered.
   */
  private boolean seen(int src, Inflection infl, Candidate c) {
    Marks m = c.marks;
    if (m.seenStamp[src] != m.lookUp) {
      m.seenStamp[src] = m.lookUp;
      m.seenInflection[src] = (byte) infl.ordinal();
      m.mismatchMask[src] = 0;
      return false;
    }
    Inflection first = Inflection.of(m.seenInflection[src]);
    if (first == infl) {
      return true; // reported by another surface lemma of this look-up (within one, marks prevent it)
    }
    String a = inflectedForm(src, first);
    return a != null && a.equals(inflectedForm(src, infl));
  }

  /**
   * Whether this look-up has not yet reported original lemma {@code src} in confusable form
   * {@code conf} as a mismatch, and if so, remembers it. Called after {@link #seen}, which stamps
   * the original for this look-up.
   */
  private static boolean firstMismatch(int src, Inflection conf, Candidate c) {
    Marks m = c.marks;
    int bit = 1 << conf.ordinal();
    if ((m.mismatchMask[src] & bit) != 0) {
      return false;
    }
    m.mismatchMask[src] |= bit;
    return true;
  }

  /** {@link Morphology#formCount} of phrase {@code id}'s head word (cached per phrase and inflection; benign races). */
  private int formCount(int id, Inflection infl) {
    if (infl == Inflection.BASE) {
      return 1;
    }
    int slot = id * INFLECTIONS + infl.ordinal();
    byte b = formCounts[slot];
    if (b == 0) {
      b = alreadyInflected(lex, lex.phrase(id), infl) ? 1
          : (byte) Math.min(Byte.MAX_VALUE, morph.formCount(Morphology.head(lex.phrase(id), infl), infl));
      formCounts[slot] = b;
    }
    return b;
  }

  /** Per-thread stamps over phrase ids, to skip originals already reported in one emit call. */
  static final class Marks {
    /** Per original lemma: the look-up that last reported it, and the inflection it was first reported with. */
    int[] seenStamp = new int[0];
    byte[] seenInflection = new byte[0];
    /** Per original lemma: bit per inflection ordinal, the confusable forms reported as mismatches. */
    short[] mismatchMask = new short[0];
    int lookUp;

    void nextLookUp(int size) {
      if (seenStamp.length < size) {
        seenStamp = new int[size];
        seenInflection = new byte[size];
        mismatchMask = new short[size];
        lookUp = 0;
      }
      if (++lookUp == Integer.MAX_VALUE) {
        java.util.Arrays.fill(seenStamp, 0);
        lookUp = 1;
      }
    }
  }

  private static final ThreadLocal<Marks> MARKS = ThreadLocal.withInitial(Marks::new);

  /** Whether the past and past participle of phrase {@code id} differ (cached per phrase; benign races). */
  private boolean pastDiffersFromParticiple(int id) {
    byte b = pastParticiple[id];
    if (b == 0) {
      b = inflectedForm(id, Inflection.PAST).equals(inflectedForm(id, Inflection.PAST_PARTICIPLE)) ? (byte) 1
          : (byte) 2;
      pastParticiple[id] = b;
    }
    return b == 2;
  }
}
