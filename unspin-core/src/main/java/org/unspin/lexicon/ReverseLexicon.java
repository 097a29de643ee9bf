package org.unspin.lexicon;

/**
 * The reverse index: for a surface phrase of 1 to 3 LM-form words, every original phrase that a
 * dictionary spinner using the view's entries could have turned into it. A candidate comes from an
 * edge "original -> surface lemma" where the surface lemma is the surface itself or, with
 * morphology on, the surface with its head word lemmatized ("financial institutions" -> "financial
 * institution", "gave up" -> "give up", "more useful" -> "useful"); the original is then inflected
 * the same way ("banks"), and with mismatches on also in the confusable form a spinner leaves
 * behind (past for participle and back, flagged {@link Candidate#mismatch()}).
 *
 * <p>Candidates are reported in lexicon order (by surface lemma analysis, then original id), not
 * ranked: rank them with their features. The same original string can arrive twice through two
 * analyses of the surface ("left": base adjective, and past of "leave"). Surface case is the
 * caller's business: pass lower-case LM forms. Digit strings are LM forms too ("0", "00"), so
 * "0" has every one-digit number word as candidate; filter with {@link NumberWords#value} when the
 * raw digits are known.
 *
 * <p>Immutable and thread-safe; a look-up allocates only for inflected originals.
 */
public final class ReverseLexicon {
  /** Look-up options. */
  public record Options(boolean morphology, boolean mismatches) {
    /** Morphology and participle/past mismatches on. */
    public static final Options DEFAULT = new Options(true, true);
    /** Exact surface phrases only. */
    public static final Options EXACT = new Options(false, false);

    /** Validates the combination. */
    public Options {
      if (mismatches && !morphology) {
        throw new IllegalArgumentException("mismatches: need morphology on");
      }
    }
  }

  private final LexiconDictionary view;
  private final Lexicon lex;
  private final Morphology morph;
  private final Options options;

  ReverseLexicon(LexiconDictionary view, Options options) {
    if (options == null) {
      throw new IllegalArgumentException("options: null");
    }
    this.view = view;
    this.lex = view.lexicon();
    this.morph = lex.morphology();
    this.options = options;
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
    Candidate c = new Candidate(view);
    int n = 0;
    int id = lex.find(lmForms, from, len);
    if (id >= 0) {
      n += emit(id, Inflection.BASE, lex.pos(id), c, sink);
    }
    if (!options.morphology()) {
      return n;
    }
    int[] count = {n};
    int headLast = from + len - 1;
    morph.analyze(lmForms[headLast], (lemma, infl) -> {
      if (len == 1 || !infl.headIsFirst()) {
        count[0] += inflected(lmForms, from, len, headLast, lemma, infl, c, sink);
      }
    });
    if (len > 1) {
      morph.analyze(lmForms[from], (lemma, infl) -> {
        if (infl.headIsFirst()) {
          count[0] += inflected(lmForms, from, len, from, lemma, infl, c, sink);
        }
      });
      if (len == 2) {
        String w = lmForms[from];
        Inflection infl = w.equals("more") ? Inflection.COMPARATIVE
            : w.equals("most") ? Inflection.SUPERLATIVE : null;
        String lemma = lmForms[from + 1];
        if (infl != null && (w + " " + lemma).equals(morph.inflect(lemma, infl))) {
          int lid = lex.find(lemma);
          if (lid >= 0 && posAllows(lid, infl)) {
            count[0] += emit(lid, infl, surfacePos(lid, infl), c, sink);
          }
        }
      }
    }
    return count[0];
  }

  private int inflected(String[] forms, int from, int len, int head, String lemma, Inflection infl, Candidate c,
      CandidateSink sink) {
    int lid;
    if (len == 1) {
      lid = lex.find(lemma);
    } else {
      String[] span = new String[len];
      System.arraycopy(forms, from, span, 0, len);
      span[head - from] = lemma;
      lid = lex.find(span, 0, len);
    }
    if (lid < 0 || !posAllows(lid, infl)) {
      return 0;
    }
    return emit(lid, infl, surfacePos(lid, infl), c, sink);
  }

  private boolean posAllows(int lemmaId, Inflection infl) {
    int p = lex.pos(lemmaId);
    return p == 0 || (p & infl.pos()) != 0;
  }

  private int surfacePos(int lemmaId, Inflection infl) {
    int p = lex.pos(lemmaId);
    return p == 0 ? infl.pos() : p & infl.pos();
  }

  private int emit(int surfaceLemma, Inflection infl, int surfacePos, Candidate c, CandidateSink sink) {
    int n = 0;
    Inflection conf = options.mismatches() ? Morphology.confusable(infl) : null;
    for (int k = lex.reverseStart(surfaceLemma), end = lex.reverseEnd(surfaceLemma); k < end; k++) {
      int e = lex.reverseEdge(k);
      if (!view.accepts(e)) {
        continue;
      }
      String src = lex.phrase(lex.edgeSource(e));
      String orig = morph.inflectPhrase(src, infl);
      if (orig == null) {
        continue;
      }
      c.edge = e;
      c.surfaceLemma = surfaceLemma;
      c.surfacePos = surfacePos;
      c.inflection = infl;
      c.original = orig;
      c.mismatch = false;
      sink.accept(c);
      n++;
      if (conf != null) {
        String other = morph.inflectPhrase(src, conf);
        if (other != null && !other.equals(orig)) {
          c.original = other;
          c.mismatch = true;
          sink.accept(c);
          n++;
        }
      }
    }
    return n;
  }
}
