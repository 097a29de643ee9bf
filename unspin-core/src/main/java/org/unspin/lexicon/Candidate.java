package org.unspin.lexicon;

/**
 * A reusable view of one candidate original for a surface span, filled by {@link ReverseLexicon}
 * and valid only inside {@link CandidateSink#accept}; {@link #snapshot()} copies it. The candidate
 * says: a dictionary spinner may have replaced {@link #original()} with the surface, because the
 * lexicon has an edge from the original's lemma phrase to the surface's lemma phrase, and the
 * surface carries {@link #inflection()} (which the original then carries too, or its confusable
 * form when {@link #mismatch()}).
 */
public final class Candidate {
  /** The last place {@link #replacementPosition()} tells apart; later ones all read as this. */
  public static final int MAX_POSITION = 32;

  private final Lexicon lexicon;
  private final LexiconDictionary view;
  private final ReverseLexicon reverse;
  private final int max;
  private final int min;
  private final int margin;
  /** The prior of the look-up's first candidate. */
  private int firstPrior;
  /** The prior bucket the reverse index is reporting now. */
  int bucket;
  /** The look-up's per-thread marks (set by the reverse index). */
  ReverseLexicon.Marks marks;
  private String original;
  private int edge;
  private int originalLemma;
  private int surfaceLemma;
  private int surfacePos;
  private Inflection inflection;
  private Inflection originalInflection;
  private boolean mismatch;
  private boolean inverse;
  private int variant;
  private int prior;
  /** Set by the reverse index around the reports of second-order candidates. */
  boolean secondOrder;
  /** Candidates reported so far in this look-up. */
  int count;

  Candidate(ReverseLexicon reverse, int max, int min, int margin) {
    this.reverse = reverse;
    this.view = reverse.view();
    this.lexicon = view.lexicon();
    this.max = max;
    this.min = min;
    this.margin = margin;
  }

  void set(int edge, boolean inverse, int originalLemma, int surfaceLemma, int surfacePos, Inflection inflection,
      Inflection originalInflection, boolean mismatch, int variant, int prior) {
    this.variant = variant;
    this.prior = prior;
    this.edge = edge;
    this.inverse = inverse;
    this.originalLemma = originalLemma;
    this.surfaceLemma = surfaceLemma;
    this.surfacePos = surfacePos;
    this.inflection = inflection;
    this.originalInflection = originalInflection;
    this.mismatch = mismatch;
    this.original = null;
    if (count == 0) {
      firstPrior = prior;
    }
    count++;
  }

  /** Whether the look-up has reported all it may ({@link ReverseLexicon.Options}: limit and margin). */
  boolean full() {
    return max > 0 && (count >= max || (count >= min && beyondMargin(bucket)));
  }

  /** Whether candidates of prior {@code prior} are past the margin (and the minimum is reached). */
  boolean beyondMargin(int prior) {
    return margin > 0 && count > 0 && count >= min && prior > firstPrior + margin;
  }

  /**
   * The original phrase, inflected like the surface (LM form, words joined by spaces); inflected
   * forms are built on first use and cached by the reverse index.
   */
  public String original() {
    String o = original;
    if (o == null) {
      o = variant == 0 ? reverse.inflectedForm(originalLemma, originalInflection)
          : lexicon.morphology().inflectPhrase(lexicon.phrase(originalLemma), originalInflection, variant);
      original = o;
    }
    return o;
  }

  /**
   * Which accepted form of the original's head word {@link #original()} uses: 0 for the preferred
   * one, more for irregular variants ("were" after "was"; {@link Morphology#formCount}).
   */
  public int variant() {
    return variant;
  }

  /**
   * True if the original is a synonym of a synonym of the surface lemma, not a neighbour
   * ({@link ReverseLexicon.Options#secondOrder()}): {@link #edge()} then links the original to the
   * intermediate phrase of one path, and relation, rank and sense describe that edge.
   */
  public boolean secondOrder() {
    return secondOrder;
  }

  /** Id of the original's lemma phrase in the lexicon. */
  public int originalLemma() {
    return originalLemma;
  }

  /** The inflection the original carries: {@link #inflection()}, or its confusable form when {@link #mismatch()}. */
  public Inflection originalInflection() {
    return originalInflection;
  }

  /**
   * The prior cost of the candidate, 0 likeliest, in half bits ({@link Lexicon#prior} of the edge,
   * or {@link Lexicon#inverseBucket} for an {@link #inverse()} candidate, plus an offset for a
   * surface found through its lemma). Every look-up reports its candidates in this order, so a
   * limited look-up keeps the likeliest.
   */
  public int prior() {
    return prior;
  }

  /**
   * True if the lexicon lists the edge the other way round, "surface lemma -> original": a spinner
   * whose dictionary is symmetric (as most are) could have made the swap, though this lexicon does
   * not list it in that direction. Relation, rank and sense are then those of the listed edge.
   */
  public boolean inverse() {
    return inverse;
  }

  /** Id of the surface's lemma phrase (the surface itself when {@link #inflection()} is BASE). */
  public int surfaceLemma() {
    return surfaceLemma;
  }

  /** The lexicon edge "original lemma -> surface lemma" (the other way round when {@link #inverse()}). */
  public int edge() {
    return edge;
  }

  /**
   * The surface's place among the original's replacements in the view (forward order: WordNet's
   * most common sense first, Moby's alphabetical lists last), 0 for the first, the one a spinner
   * that always takes the first synonym writes; at most {@link #MAX_POSITION}. -1 for an {@link
   * #inverse()} or {@link #secondOrder()} candidate, whose edge is not the original's.
   */
  public int replacementPosition() {
    if (inverse || secondOrder) {
      return -1;
    }
    return edge == view.firstEdge(originalLemma) ? 0 : view.position(originalLemma, edge, MAX_POSITION);
  }

  /** Resource mask ({@link Resource#bit()}) of the resources that list the edge in this view. */
  public int resources() {
    return view.resources(edge, lexicon.info(edge));
  }

  /** How the two phrases are related. */
  public Relation relation() {
    return Lexicon.relation(lexicon.info(edge));
  }

  /** The best rank of the edge for the original (WordNet sense number, 1 = most common). */
  public int senseRank() {
    return Lexicon.rank(lexicon.info(edge));
  }

  /** WordNet tag count of the original's sense (0 if none). */
  public int senseCount() {
    return Lexicon.tagCount(lexicon.info(edge));
  }

  /** Part-of-speech mask of the sense linking the two (0 if the resource has none). */
  public int sensePos() {
    return Lexicon.sensePos(lexicon.info(edge));
  }

  /** Part-of-speech mask of the original's lemma phrase. */
  public int originalPos() {
    return lexicon.pos(originalLemma());
  }

  /**
   * Part-of-speech mask of the surface: its lemma phrase's parts of speech, narrowed to those the
   * inflection allows when the surface is inflected.
   */
  public int surfacePos() {
    return surfacePos;
  }

  /** Whether the original and the surface share a part of speech. */
  public boolean posAgrees() {
    return Pos.agree(originalPos(), surfacePos);
  }

  /**
   * How many replacements the original has in a spinner's dictionary (a spinner picks one, so each
   * is less likely): its replacements in the view, and for an {@link #inverse()} candidate also
   * every phrase that lists the original without the view listing it back ({@link
   * LexiconDictionary#inverseFanIn}). An inverse candidate guesses that the spinner's dictionary is
   * symmetric where the view is not, so that it lists the surface under the original; such a
   * dictionary lists all of those under it too, and the surface is one choice among them, not
   * among the view's replacements alone (a phrase with one replacement was priced as a sure choice
   * for every phrase that lists it).
   */
  public int fanOut() {
    int o = originalLemma();
    return inverse && !secondOrder ? view.fanOut(o) + view.inverseFanIn(o) : view.fanOut(o);
  }

  /**
   * How many WordNet synonyms the original has in the view ({@link LexiconDictionary#wordnetFanOut})
   * when this edge is one of them (a WordNet edge that is not a hypernym), else 0.
   */
  public int wordnetFanOut() {
    return LexiconDictionary.wordnetSynonym(resources(), lexicon.info(edge))
        ? view.wordnetFanOut(originalLemma()) : 0;
  }

  /** Frequency class ({@link Lexicon#freqClass}) of the original's lemma phrase. */
  public int originalFreqClass() {
    return lexicon.freqClass(originalLemma());
  }

  /** Frequency class of the surface's lemma phrase. */
  public int surfaceFreqClass() {
    return lexicon.freqClass(surfaceLemma);
  }

  /** The surface's inflection, applied to the original. */
  public Inflection inflection() {
    return inflection;
  }

  /** True if the original carries the confusable inflection (participle for past and back). */
  public boolean mismatch() {
    return mismatch;
  }

  /** An immutable copy. */
  public Snapshot snapshot() {
    return new Snapshot(original(), lexicon.phrase(originalLemma()), lexicon.phrase(surfaceLemma), resources(),
        relation(), senseRank(), senseCount(), sensePos(), originalPos(), surfacePos, fanOut(), originalFreqClass(),
        surfaceFreqClass(), inflection, mismatch, inverse);
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  /** An immutable copy of a candidate's data. */
  public record Snapshot(String original, String originalLemma, String surfaceLemma, int resources,
      Relation relation, int senseRank, int senseCount, int sensePos, int originalPos, int surfacePos, int fanOut,
      int originalFreqClass, int surfaceFreqClass, Inflection inflection, boolean mismatch, boolean inverse) {
    /** Validates the fields. */
    public Snapshot {
      if (original == null || original.isEmpty()) {
        throw new IllegalArgumentException("original: null or empty");
      }
      if (inflection == null || relation == null) {
        throw new IllegalArgumentException("inflection/relation: null");
      }
    }
  }
}
