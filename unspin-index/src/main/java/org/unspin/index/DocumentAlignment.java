package org.unspin.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sentence alignments of a query with one source, turned into what a trace reports: score,
 * coverage, passages and substitutions (see {@link Aligner} for the alignment itself).
 */
final class DocumentAlignment {
  /** Longest side of a reported phrase substitution, in words (longer changed stretches are left out). */
  static final int MAX_PHRASE_WORDS = 4;

  private final Words query;
  private final Words source;
  private final List<Aligner.SentenceAlignment> sentences;
  private final SynonymClasses related;
  private final PhraseCohesion phrases;

  DocumentAlignment(Words query, Words source, List<Aligner.SentenceAlignment> sentences,
      SynonymClasses related) {
    this(query, source, sentences, related, null);
  }

  /** {@code phrases}: the language model's view of which word sequences are phrases, or null. */
  DocumentAlignment(Words query, Words source, List<Aligner.SentenceAlignment> sentences,
      SynonymClasses related, PhraseCohesion phrases) {
    this.query = query;
    this.source = source;
    this.sentences = sentences;
    this.related = related;
    this.phrases = phrases;
  }

  List<Aligner.SentenceAlignment> sentences() {
    return sentences;
  }

  /** Equal word pairs in accepted sentences. */
  int matches() {
    int m = 0;
    for (Aligner.SentenceAlignment a : sentences) {
      if (a.accepted()) {
        m += a.matches();
      }
    }
    return m;
  }

  /** Equal word pairs in all sentences, accepted or not (a tie-breaker between candidates). */
  int allMatches() {
    int m = 0;
    for (Aligner.SentenceAlignment a : sentences) {
      m += a.matches();
    }
    return m;
  }

  /** Words of the source. */
  int sourceWords() {
    return source.size();
  }

  /** Share of query words that equal their aligned source word. */
  double score() {
    return query.size() == 0 ? 0 : (double) matches() / query.size();
  }

  /**
   * Share of the steps of the accepted sentences' alignments that the source explains: a match,
   * or a replacement {@link SynonymClasses#related} to its source word (a relation that already
   * looks both ways); query-only and source-only words and other replacements count against it
   * (see {@link SourceMatch#support}).
   */
  double support() {
    int explained = 0;
    int steps = 0;
    for (Aligner.SentenceAlignment a : sentences) {
      if (!a.accepted()) {
        continue;
      }
      int q = a.queryFrom();
      int s = a.sourceFrom();
      for (byte op : a.ops()) {
        steps++;
        if (op == Aligner.OP_MATCH) {
          explained++;
          q++;
          s++;
        } else if (op == Aligner.OP_SUB) {
          if (related != null && related.related(query.key[q], source.key[s])) {
            explained++;
          }
          q++;
          s++;
        } else if (op == Aligner.OP_QUERY) {
          q++;
        } else {
          s++;
        }
      }
    }
    return steps == 0 ? 0 : (double) explained / steps;
  }

  /** Share of query words in accepted sentences. */
  double coverage() {
    if (query.size() == 0) {
      return 0;
    }
    int c = 0;
    for (Aligner.SentenceAlignment a : sentences) {
      if (a.accepted()) {
        c += a.queryTo() - a.queryFrom();
      }
    }
    return (double) c / query.size();
  }

  /** Aligned stretches; consecutive sentences that continue in the source are merged. */
  List<Passage> passages() {
    List<Passage> out = new ArrayList<>();
    int lastSentence = -2;
    int lastSourceWord = -2;
    int[] qs = new int[2];
    int[] ss = new int[2];
    for (int k = 0; k < sentences.size(); k++) {
      Aligner.SentenceAlignment a = sentences.get(k);
      if (!a.accepted() || !span(a, qs, ss)) {
        continue;
      }
      Passage p = new Passage(query.start[qs[0]], query.end[qs[1]], source.start[ss[0]], source.end[ss[1]]);
      if (lastSentence == k - 1 && ss[0] == lastSourceWord + 1 && !out.isEmpty()) {
        Passage prev = out.remove(out.size() - 1);
        p = new Passage(prev.start(), p.end(), prev.sourceStart(), p.sourceEnd());
      }
      out.add(p);
      lastSentence = k;
      lastSourceWord = ss[1];
    }
    return out;
  }

  /** First and last query and source words of a's M/X steps; false when there are none. */
  private static boolean span(Aligner.SentenceAlignment a, int[] qs, int[] ss) {
    int qi = a.queryFrom();
    int sj = Math.max(0, a.sourceFrom());
    boolean any = false;
    for (byte op : a.ops()) {
      if (op == Aligner.OP_MATCH || op == Aligner.OP_SUB) {
        if (!any) {
          qs[0] = qi;
          ss[0] = sj;
          any = true;
        }
        qs[1] = qi;
        ss[1] = sj;
        qi++;
        sj++;
      } else if (op == Aligner.OP_QUERY) {
        qi++;
      } else {
        sj++;
      }
    }
    return any;
  }

  /**
   * Replacements of accepted sentences, from the changed stretches between matches:
   * <ul>
   *   <li>a stretch of up to {@value #MAX_SEGMENTED} words a side is first segmented by lexicon
   *       phrases together with the matched word on each side of it (see {@code segment}): an edge
   *       may take such a word ("sir joseph banks" for "banks", "so as to" for "to"), otherwise it
   *       stays a match; a stretch that opens or closes its sentence's alignment may leave out the
   *       source words at its far end (they belong to the neighbouring source sentence);
   *   <li>failing an edge, a stretch with words on one side only (the spinner wrote "social
   *       welfare" for "welfare", and "welfare" matched) joins the matched word after it, else the
   *       one before it;
   *   <li>a stretch with words on both sides is cut at the pairs of words a spinner may have swapped
   *       (most such pairs in order, see {@link SynonymClasses#related}); words left between two
   *       such pairs on one side only join the pair after them;
   *   <li>each piece of equal length on both sides is split into one-word pairs; others are kept
   *       whole when each side has at most {@value #MAX_PHRASE_WORDS} words.
   * </ul>
   */
  List<AlignedSubstitution> aligned() {
    List<AlignedSubstitution> out = new ArrayList<>();
    learned = related == null ? Map.of() : learn();
    sentenceFrom = 0;
    for (Aligner.SentenceAlignment a : sentences) {
      if (!a.accepted()) {
        continue;
      }
      if (phrases != null && related != null && !out.isEmpty()) {
        rebalance(out, sentenceFrom);
      }
      sentenceFrom = out.size();
      // query words before this index already belong to an emitted replacement
      int consumed = -1;
      byte[] ops = a.ops();
      if (related != null && ops.length > 0 && ops[0] == Aligner.OP_MATCH
          && edgeAround(out, a.queryFrom(), a.sourceFrom(), true)) {
        consumed = a.queryFrom() + 1;
      }
      for (Aligner.Block b : Aligner.blocks(a)) {
        int qf = b.queryFrom();
        int qt = b.queryTo();
        int sf = b.sourceFrom();
        int st = b.sourceTo();
        // a stretch that closes (opens) the sentence's alignment stops at the end (start) of the
        // source sentence of the match before (after) it: the semi-global alignment reaches into
        // the next source sentence when the spinner wrote more words than it replaced ("core
        // curricula" for "areas", then "The" of the next sentence)
        if (b.matchBefore() && !b.matchAfter() && st > sf) {
          st = Math.max(sf, Math.min(st, source.sentence[sentenceOf(sf - 1) + 1]));
        } else if (b.matchAfter() && !b.matchBefore() && st > sf) {
          sf = Math.min(st, Math.max(sf, source.sentence[sentenceOf(st)]));
        }
        if (related != null && qt - qf <= MAX_SEGMENTED && st - sf <= MAX_SEGMENTED) {
          // the matched words on either side may belong to the spinner's phrase ("sir joseph banks"
          // for "banks", "so as to" for "to"): segment the stretch with them
          boolean before = b.matchBefore() && qf - 1 >= consumed;
          boolean after = b.matchAfter();
          int end = segment(out, before ? qf - 1 : qf, after ? qt + 1 : qt, before ? sf - 1 : sf,
              after ? st + 1 : st, before, after, !b.matchBefore(), !b.matchAfter());
          if (end >= 0) {
            consumed = end;
            continue;
          }
        }
        if (qt == qf || st == sf) {
          if (b.matchAfter() && b.matchBefore() && related != null && joinsBefore(qf, qt, sf, st)) {
            qf--;
            sf--;
            emit(out, qf, qt, sf, st);
          } else if (b.matchAfter()) {
            qt++;
            st++;
          } else if (b.matchBefore()) {
            qf--;
            sf--;
          } else {
            continue;
          }
          emit(out, qf, qt, sf, st);
        } else {
          refine(out, qf, qt, sf, st);
        }
        consumed = qt;
      }
      if (related != null && ops.length > 0 && ops[ops.length - 1] == Aligner.OP_MATCH
          && a.queryTo() - 1 >= consumed) {
        edgeAround(out, a.queryTo() - 1, Aligner.sourceEnd(a) - 1, false);
      }
    }
    if (phrases != null && related != null) {
      rebalance(out, sentenceFrom);
    }
    return out;
  }

  /** Index in {@code out} of the first replacement of the sentence being worked out. */
  private int sentenceFrom;

  /** Least gain in summed {@link PhraseCohesion} for {@link #rebalance} to move phrase boundaries. */
  static final double REBALANCE_MARGIN = 0.5;

  /**
   * Moves the boundaries between the spun sides of a run of adjacent replacements of one original
   * word each (adjacent on both sides), none with lexicon or document evidence (an edge, a learned
   * replacement, a spun side that is a lexicon phrase or keeps the original word; a related
   * one-word pair is no evidence here: it was cut on the diagonal), to where the language model
   * sees phrases:
   * "as" for "to" then "far as pampa" for "range" becomes "as far as" for "to" then "pampa" for
   * "range". The run's spun words are cut into as many pieces of 1..{@value #MAX_PHRASE_WORDS}
   * words, in order, maximizing the summed cohesion of the multi-word pieces; the new cut is kept
   * when it gains at least {@value #REBALANCE_MARGIN} (log10) over the old one. A replacement whose spun
   * side keeps its original word ends a run (it is its own evidence).
   */
  private void rebalance(List<AlignedSubstitution> out, int from) {
    int n = out.size();
    int[] qw = new int[2];
    int[] sw = new int[2];
    int k = from;
    while (k < n) {
      int e = k;
      int prevQ = -1;
      int prevS = -1;
      while (e < n) {
        AlignedSubstitution x = out.get(e);
        words(x, qw, sw);
        if (sw[1] - sw[0] != 1 || qw[1] - qw[0] > MAX_PHRASE_WORDS || hasEvidence(qw, sw)
            || (e > k && (qw[0] != prevQ || sw[0] != prevS))) {
          break;
        }
        prevQ = qw[1];
        prevS = sw[1];
        e++;
      }
      if (e - k >= 2) {
        repartition(out, k, e);
      }
      k = Math.max(e, k + 1);
    }
  }

  /** Query and source word ranges of a replacement. */
  private void words(AlignedSubstitution x, int[] qw, int[] sw) {
    qw[0] = java.util.Arrays.binarySearch(query.start, x.start());
    qw[1] = java.util.Arrays.binarySearch(query.end, x.end()) + 1;
    sw[0] = java.util.Arrays.binarySearch(source.start, x.sourceStart());
    sw[1] = java.util.Arrays.binarySearch(source.end, x.sourceEnd()) + 1;
  }

  private boolean hasEvidence(int[] qw, int[] sw) {
    if (qw[0] < 0 || sw[0] < 0 || qw[1] <= 0 || sw[1] <= 0) {
      return true; // not on word boundaries: leave alone
    }
    for (int i = qw[0]; i < qw[1]; i++) {
      for (int j = sw[0]; j < sw[1]; j++) {
        if (query.key[i].equals(source.key[j])) {
          return true; // a phrase that keeps the original word: its own evidence
        }
      }
    }
    String spun = join(query.key, qw[0], qw[1]);
    String orig = join(source.key, sw[0], sw[1]);
    return related.isEdge(orig, spun) || isLearned(orig, spun)
        || (qw[1] - qw[0] > 1 && related.isKnownPhrase(spun));
  }

  /** Re-cuts the spun words of the run {@code out[k, e)} (see {@link #rebalance}). */
  private void repartition(List<AlignedSubstitution> out, int k, int e) {
    int m = e - k;
    int[] qw = new int[2];
    int[] sw = new int[2];
    words(out.get(k), qw, sw);
    int q0 = qw[0];
    int s0 = sw[0];
    double current = 0;
    for (int t = k; t < e; t++) {
      words(out.get(t), qw, sw);
      current += qw[1] - qw[0] > 1 ? phrases.cohesion(join(query.key, qw[0], qw[1])) : 0;
    }
    int q1 = qw[1];
    int w = q1 - q0;
    if (w <= m) {
      return; // one word each: nothing to move
    }
    double[][] f = new double[m + 1][w + 1];
    int[][] back = new int[m + 1][w + 1];
    for (double[] row : f) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    f[0][0] = 0;
    for (int t = 1; t <= m; t++) {
      for (int j = t; j <= w; j++) {
        for (int g = 1; g <= MAX_PHRASE_WORDS && g <= j; g++) {
          if (f[t - 1][j - g] == Double.NEGATIVE_INFINITY) {
            continue;
          }
          double v = f[t - 1][j - g] + (g > 1 ? phrases.cohesion(join(query.key, q0 + j - g, q0 + j)) : 0);
          if (v > f[t][j]) {
            f[t][j] = v;
            back[t][j] = g;
          }
        }
      }
    }
    if (!(f[m][w] >= current + REBALANCE_MARGIN)) {
      return;
    }
    int j = w;
    for (int t = m; t >= 1; t--) {
      int g = back[t][j];
      out.set(k + t - 1, pair(q0 + j - g, q0 + j, s0 + t - 1, s0 + t));
      j -= g;
    }
  }

  /** Evidence for a (original, spun) pair a piece must have to count as learned from the document. */
  static final int LEARNED_EVIDENCE = 2;
  /** Ambiguous stretches that must allow a one-word to phrase piece for it to count as learned. */
  static final int SOFT_EVIDENCE = 3;

  /** The replacements this document shows, keyed by {@link #pairKey}: see {@link #learn}. */
  private Map<String, Integer> learned = Map.of();

  private static String pairKey(String original, String spun) {
    return original + '\u0000' + spun;
  }

  /**
   * The spinner's habits as this document shows them: a spinner repeats its replacements within a
   * text. Learned, and then scored as lexicon edges when changed stretches are segmented:
   * <ul>
   *   <li>a replacement that fills a changed stretch between two matches with one word on one side
   *       and at most {@value #MAX_PHRASE_WORDS} on the other ("as far as" for "to"), seen in
   *       {@value #LEARNED_EVIDENCE} such stretches;
   *   <li>a one-word to phrase (2..{@value #MAX_PHRASE_WORDS} - 1 words) replacement that at least
   *       {@value #SOFT_EVIDENCE} longer two-sided stretches allow near their diagonal;
   *   <li>a phrase that keeps the original word ("on route to" for "to", "more" for "more than"):
   *       seen alone between two matches and with {@value #LEARNED_EVIDENCE} different contexts
   *       (the rest of the stretch and the word beyond it), so that "beaver fur creek" for "beaver
   *       creek" three times, which tells nothing about which word "fur" joins, teaches nothing.
   * </ul>
   */
  private Map<String, Integer> learn() {
    Map<String, Integer> ev = new java.util.HashMap<>();
    Map<String, java.util.Set<String>> keeps = new java.util.HashMap<>();
    Map<String, Integer> soft = new java.util.HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Aligner.SentenceAlignment a : sentences) {
      if (!a.accepted()) {
        continue;
      }
      for (Aligner.Block b : Aligner.blocks(a)) {
        keepReadings(b, keeps);
        if (!b.matchBefore() || !b.matchAfter()) {
          continue;
        }
        int qf = b.queryFrom();
        int qt = b.queryTo();
        int sf = b.sourceFrom();
        int st = b.sourceTo();
        int ql = qt - qf;
        int sl = st - sf;
        if (ql >= 1 && sl >= 1) {
          if (Math.min(ql, sl) == 1 && Math.max(ql, sl) <= MAX_PHRASE_WORDS) {
            ev.merge(pairKey(join(source.key, sf, st), join(query.key, qf, qt)), 1, Integer::sum);
          } else if (ql <= MAX_SEGMENTED && sl <= MAX_SEGMENTED) {
            candidates(qf, qt, sf, st, seen);
            for (String key : seen) {
              soft.merge(key, 1, Integer::sum);
            }
            seen.clear();
          }
        }
      }
    }
    ev.values().removeIf(v -> v < LEARNED_EVIDENCE);
    // a one-word to phrase replacement that several ambiguous stretches allow
    for (Map.Entry<String, Integer> e : soft.entrySet()) {
      if (e.getValue() >= SOFT_EVIDENCE) {
        ev.merge(e.getKey(), e.getValue(), Math::max);
      }
    }
    // a phrase that keeps the original word, seen with different words around it ("beaver fur
    // creek" for "beaver creek" three times tells nothing about which word "fur" joins)
    for (Map.Entry<String, java.util.Set<String>> e : keeps.entrySet()) {
      if (e.getValue().size() > LEARNED_EVIDENCE && e.getValue().contains(ONE_SIDED)) {
        ev.merge(e.getKey(), e.getValue().size(), Math::max);
      }
    }
    return ev;
  }

  /** Context mark of a keep reading seen in a stretch with words on one side only. */
  private static final String ONE_SIDED = "\u0001";

  /**
   * The readings of a stretch in which the matched word next to it is the word a spinner's phrase
   * kept ("on route to" for "to", "technical" for "limited" before it) or the word left of an
   * original phrase ("more" for "more than"), each with the rest of the stretch and the word on its
   * far side as context; a stretch with words on one side only also marks both its readings
   * {@link #ONE_SIDED}.
   */
  private void keepReadings(Aligner.Block b, Map<String, java.util.Set<String>> into) {
    int qf = b.queryFrom();
    int qt = b.queryTo();
    int sf = b.sourceFrom();
    int st = b.sourceTo();
    String[] q = query.key;
    String[] s = source.key;
    if (qt == qf || st == sf) {
      if (b.matchBefore() && b.matchAfter() && Math.max(qt - qf, st - sf) <= MAX_PHRASE_WORDS - 2) {
        // words on one side only, between two matches: the clearest sign of a phrase that keeps a word
        into.computeIfAbsent(pairKey(join(s, sf - 1, st), join(q, qf - 1, qt)), x -> new java.util.HashSet<>())
            .add(ONE_SIDED);
        into.computeIfAbsent(pairKey(join(s, sf, st + 1), join(q, qf, qt + 1)), x -> new java.util.HashSet<>())
            .add(ONE_SIDED);
      }
    }
    if (b.matchAfter()) {
      String far = b.matchBefore() ? q[qf - 1] : "";
      for (int k = 1; k <= Math.min(qt - qf, MAX_PHRASE_WORDS - 2); k++) {
        into.computeIfAbsent(pairKey(s[st], join(q, qt - k, qt + 1)), x -> new java.util.HashSet<>())
            .add(join(q, qf, qt - k) + '|' + join(s, sf, st) + '|' + far);
      }
      for (int k = 1; k <= Math.min(st - sf, MAX_PHRASE_WORDS - 2); k++) {
        into.computeIfAbsent(pairKey(join(s, st - k, st + 1), q[qt]), x -> new java.util.HashSet<>())
            .add(join(q, qf, qt) + '|' + join(s, sf, st - k) + '|' + far);
      }
    }
    if (b.matchBefore()) {
      String far = b.matchAfter() ? q[qt] : "";
      for (int k = 1; k <= Math.min(qt - qf, MAX_PHRASE_WORDS - 2); k++) {
        into.computeIfAbsent(pairKey(s[sf - 1], join(q, qf - 1, qf + k)), x -> new java.util.HashSet<>())
            .add(join(q, qf + k, qt) + '|' + join(s, sf, st) + '|' + far);
      }
      for (int k = 1; k <= Math.min(st - sf, MAX_PHRASE_WORDS - 2); k++) {
        into.computeIfAbsent(pairKey(join(s, sf - 1, sf + k), q[qf - 1]), x -> new java.util.HashSet<>())
            .add(join(q, qf, qt) + '|' + join(s, sf + k, st) + '|' + far);
      }
    }
  }

  /**
   * The one-word to phrase (2..{@value #MAX_PHRASE_WORDS} - 1 words) pieces a two-sided stretch
   * allows near its diagonal: the two sides' pieces start at most one word further apart than the
   * sides' lengths differ.
   */
  private void candidates(int qf, int qt, int sf, int st, java.util.Set<String> into) {
    int ql = qt - qf;
    int sl = st - sf;
    int band = Math.abs(ql - sl) + 1;
    for (int i = 0; i < ql; i++) {
      for (int j = Math.max(0, i - band); j <= Math.min(sl - 1, i + band); j++) {
        for (int k = 2; k < MAX_PHRASE_WORDS; k++) {
          if (i + k <= ql) {
            into.add(pairKey(source.key[sf + j], join(query.key, qf + i, qf + i + k)));
          }
          if (j + k <= sl) {
            into.add(pairKey(join(source.key, sf + j, sf + j + k), query.key[qf + i]));
          }
        }
      }
    }
  }

  private boolean isLearned(String original, String spun) {
    return !learned.isEmpty() && learned.containsKey(pairKey(original, spun));
  }

  /**
   * Whether the words on one side only of a stretch between two matches more likely form a phrase
   * with the matched word before them ("on foot" for "on") than with the one after ("foot 2" for
   * "2"): the phrase shapes of the lexicon view decide, as the product of how many of its phrases
   * start with the phrase's first word and end with its last word (a tie joins the word after).
   */
  private boolean joinsBefore(int qf, int qt, int sf, int st) {
    String[] k = qt > qf ? query.key : source.key;
    int from = qt > qf ? qf : sf;
    int to = qt > qf ? qt : st;
    long before = (long) related.phrasesWith(k[from - 1], true) * related.phrasesWith(k[to - 1], false);
    long after = (long) related.phrasesWith(k[from], true) * related.phrasesWith(k[to], false);
    return before > after;
  }

  /** The source sentence that word {@code w} belongs to. */
  private int sentenceOf(int w) {
    int k = java.util.Arrays.binarySearch(source.sentence, w);
    return k >= 0 ? k : -k - 2;
  }

  /**
   * The first (last) query word of an alignment, matched with source word {@code s}, may be what
   * is left of an original phrase whose other words the semi-global alignment left out ("Jury" for
   * "Grand Jury"): emits it when 1..3 source words before (after) {@code s}, with it, form an
   * original phrase with an edge to that word.
   */
  private boolean edgeAround(List<AlignedSubstitution> out, int q, int s, boolean before) {
    for (int b = MAX_PHRASE_WORDS - 1; b >= 1; b--) {
      int from = before ? s - b : s;
      int to = before ? s + 1 : s + b + 1;
      if (from < 0 || to > source.size() || sentenceOf(from) != sentenceOf(to - 1)) {
        continue;
      }
      if (related.isEdge(join(source.key, from, to), query.key[q])) {
        out.add(pair(q, q + 1, from, to));
        return true;
      }
    }
    return false;
  }

  /** Longest side of a stretch that is segmented by lexicon phrases (longer ones: word pairs only). */
  static final int MAX_SEGMENTED = 20;
  /** Score of a one-word lexicon edge (original to spun); each further word of an edge piece adds 2. */
  static final int EDGE_SCORE = 3;
  /** Score of a piece with no edge whose multi-word side(s) are lexicon phrases. */
  static final int PHRASE_SCORE = 2;

  /** Cuts a two-sided stretch at related word pairs and emits the pieces. */
  private void refine(List<AlignedSubstitution> out, int qf, int qt, int sf, int st) {
    int ql = qt - qf;
    int sl = st - sf;
    if (related == null || (ql == 1 && sl == 1)) {
      emit(out, qf, qt, sf, st);
      return;
    }
    // most related pairs in order (LCS with "related" as equality)
    int[][] h = new int[ql + 1][sl + 1];
    boolean[][] rel = new boolean[ql][sl];
    for (int i = 1; i <= ql; i++) {
      for (int j = 1; j <= sl; j++) {
        rel[i - 1][j - 1] = related.related(query.key[qf + i - 1], source.key[sf + j - 1]);
        int best = Math.max(h[i - 1][j], h[i][j - 1]);
        if (rel[i - 1][j - 1]) {
          best = Math.max(best, h[i - 1][j - 1] + 1);
        }
        h[i][j] = best;
      }
    }
    if (h[ql][sl] == 0) {
      emit(out, qf, qt, sf, st);
      return;
    }
    int k = h[ql][sl];
    int[] aq = new int[k];
    int[] as = new int[k];
    for (int i = ql, j = sl; i > 0 && j > 0;) {
      if (rel[i - 1][j - 1] && h[i][j] == h[i - 1][j - 1] + 1) {
        k--;
        aq[k] = qf + i - 1;
        as[k] = sf + j - 1;
        i--;
        j--;
      } else if (h[i - 1][j] >= h[i][j - 1]) {
        i--;
      } else {
        j--;
      }
    }
    int pq = qf;
    int ps = sf;
    for (int t = 0; t < aq.length; t++) {
      int uq = aq[t];
      int us = as[t];
      if (uq > pq && us > ps) {
        emit(out, pq, uq, ps, us);
      } else {
        uq = pq;
        us = ps;
      }
      int eq = aq[t] + 1;
      int es = as[t] + 1;
      if (t == aq.length - 1) {
        boolean restQ = eq < qt;
        boolean restS = es < st;
        if (restQ && restS) {
          emit(out, Math.min(uq, aq[t]), eq, Math.min(us, as[t]), es);
          emit(out, eq, qt, es, st);
          return;
        }
        eq = qt;
        es = st;
      }
      emit(out, Math.min(uq, aq[t]), eq, Math.min(us, as[t]), es);
      pq = eq;
      ps = es;
    }
  }

  /**
   * Segments a stretch into pieces of 1..{@value #MAX_PHRASE_WORDS} words on each side (or spun
   * words with no original), maximizing: {@value #EDGE_SCORE} per piece that is a lexicon edge
   * ("an" to "associate in nursing") or a replacement learned from the document (see {@code
   * learn}), plus 2 per word beyond one a side, {@value #PHRASE_SCORE} per other piece whose
   * multi-word side(s) are lexicon phrases (1/2 when it takes a matched word around the stretch), 1
   * per related one-word pair, 0 per other one-word pair, -1 per extra word of another piece, and
   * -{@value #GAP_COST} per word with no counterpart ({@value #LOOSE_GAP_COST} when the stretch's
   * sides differ more than {@value #MAX_RATIO}-fold, or for a spun word equal to a source word within
   * {@value #ECHO_WORDS} words of the stretch) (scores are kept doubled, as integers; a pair of equal words is
   * related: the matched words around a changed stretch may be given, and stay matches unless an
   * edge takes them: {@code firstMatch}/{@code lastMatch}, the first/last words of both sides are
   * such a match, which only an edge piece or their own equal pair may cover). Emits the pieces and
   * returns the query word after the last one that is not a trailing equal pair, when at least one
   * piece is an edge; else emits nothing and returns -1. {@code freeStart}/{@code freeEnd}: the
   * stretch opens/closes its sentence's alignment, so source words before/after the pieces may be
   * left out at no cost (the semi-global alignment may have reached into the neighbouring source
   * sentence: "Information technology" for "It" must not take the word before "It").
   */
  private int segment(List<AlignedSubstitution> out, int qf, int qt, int sf, int st, boolean firstMatch,
      boolean lastMatch, boolean freeStart, boolean freeEnd) {
    int ql = qt - qf;
    int sl = st - sf;
    int neg = Integer.MIN_VALUE / 4;
    // the spinner only substitutes, so a word with no counterpart is a sign of a wrong cut, unless
    // the stretch's sides are too unbalanced for the spinner's phrases (a match on a wrong word)
    int innerQ = ql - (firstMatch ? 1 : 0) - (lastMatch ? 1 : 0);
    int innerS = sl - (firstMatch ? 1 : 0) - (lastMatch ? 1 : 0);
    boolean balanced = innerQ <= MAX_RATIO * Math.max(1, innerS) && innerS <= MAX_RATIO * Math.max(1, innerQ);
    int gap = balanced ? 2 * GAP_COST : 2 * LOOSE_GAP_COST;
    int[][] best = new int[ql + 1][sl + 1];
    int[][] edges = new int[ql + 1][sl + 1];
    int[][] back = new int[ql + 1][sl + 1];
    for (int[] row : best) {
      java.util.Arrays.fill(row, neg);
    }
    best[0][0] = 0;
    for (int j = 1; freeStart && j <= sl; j++) {
      best[0][j] = 0;
      back[0][j] = SKIP | j;
    }
    String[] qk = query.key;
    String[] sk = source.key;
    // the phrases of each side, [start][words - 1]
    String[][] spunAt = new String[ql][MAX_PHRASE_WORDS];
    String[][] origAt = new String[sl][MAX_PHRASE_WORDS];
    for (int i = 0; i < ql; i++) {
      for (int a = 1; a <= MAX_PHRASE_WORDS && i + a <= ql; a++) {
        spunAt[i][a - 1] = a == 1 ? qk[qf + i] : spunAt[i][a - 2] + ' ' + qk[qf + i + a - 1];
      }
    }
    for (int j = 0; j < sl; j++) {
      for (int b = 1; b <= MAX_PHRASE_WORDS && j + b <= sl; b++) {
        origAt[j][b - 1] = b == 1 ? sk[sf + j] : origAt[j][b - 2] + ' ' + sk[sf + j + b - 1];
      }
    }
    // prefix sums of the cost of leaving spun words out: a word equal to a source word near the
    // stretch is the rest of a reordered phrase ("of finance" after "Minister" matched "Minister"
    // in "Finance Minister")
    int[] gapCost = new int[ql + 1];
    int[] echoes = new int[ql + 1];
    int[][] coh = phrases == null ? null : new int[ql][MAX_PHRASE_WORDS];
    for (int i = 0; i < ql; i++) {
      boolean echo = false;
      for (int j = Math.max(0, sf - ECHO_WORDS); j < Math.min(source.size(), st + ECHO_WORDS) && !echo; j++) {
        echo = qk[qf + i].equals(sk[j]);
      }
      gapCost[i + 1] = gapCost[i] + (echo ? 2 * LOOSE_GAP_COST : gap);
      echoes[i + 1] = echoes[i] + (echo ? 1 : 0);
    }
    for (int i = 0; i <= ql; i++) {
      for (int j = 0; j <= sl; j++) {
        if (best[i][j] == neg) {
          continue;
        }
        for (int a = 1; a <= MAX_PHRASE_WORDS && i + a <= ql; a++) {
          boolean qFirst = firstMatch && i == 0;
          boolean qLast = lastMatch && i + a == ql;
          // spun words with no original
          if (!qFirst && !qLast) {
            relax(best, edges, back, i, j, a, 0, best[i][j] - gapCost[i + a] + gapCost[i], 0);
          }
          for (int b = 1; b <= MAX_PHRASE_WORDS && j + b <= sl; b++) {
            boolean sFirst = firstMatch && j == 0;
            boolean sLast = lastMatch && j + b == sl;
            int score;
            int edge = 0;
            String orig = origAt[j][b - 1];
            String spun = spunAt[i][a - 1];
            if (related.isEdge(orig, spun) || isLearned(orig, spun)) {
              // a longer edge explains more words: "information technology" for "it" beats
              // "technology" for "it" next to an unexplained pair
              score = 2 * (EDGE_SCORE + 2 * (a + b - 2));
              edge = 1;
            } else if ((a > 1 || b > 1) && a <= MAX_PHRASE_WORDS - 1 && b <= MAX_PHRASE_WORDS - 1
                && (a == 1 || related.isKnownPhrase(spun)) && (b == 1 || related.isPhrase(orig))) {
              // no edge between them, but the multi-word side(s) are phrases of the lexicon: a
              // replacement by a spinner with another thesaurus ("be there" for "be")
              // (less when it takes a matched word around the stretch: "growth" for "economic growth"
              // must not take "economic" from its own replacement)
              score = qFirst || sFirst || qLast || sLast ? 2 * PHRASE_SCORE - 3 : 2 * PHRASE_SCORE;
              if (!(qFirst || sFirst || qLast || sLast)) {
                score += cohesionBonus(coh, echoes, i, a, b, spun);
              }
              edge = 1;
            } else if ((qFirst || sFirst || qLast || sLast)
                && !(a == 1 && b == 1 && ((qFirst && sFirst) || (qLast && sLast)))) {
              continue; // a match around the stretch is taken only by an edge
            } else if (a == 1 && b == 1) {
              score = related.related(qk[qf + i], sk[sf + j]) ? 2 : 0;
            } else {
              score = -2 * (a + b - 2);
              score += cohesionBonus(coh, echoes, i, a, b, spun);
            }
            relax(best, edges, back, i, j, a, b, best[i][j] + score, edge);
          }
        }
        // original words with no spun counterpart
        for (int b = 1; b <= MAX_PHRASE_WORDS && j + b <= sl && !(firstMatch && j == 0)
            && !(lastMatch && j + b == sl); b++) {
          relax(best, edges, back, i, j, 0, b, best[i][j] - gap * b, 0);
        }
      }
    }
    int endJ = sl;
    for (int j = sl - 1; freeEnd && j >= 0; j--) {
      if (best[ql][j] > best[ql][endJ] || (best[ql][j] == best[ql][endJ] && edges[ql][j] > edges[ql][endJ])) {
        endJ = j;
      }
    }
    if (best[ql][endJ] == neg || edges[ql][endJ] == 0) {
      return -1;
    }
    List<int[]> pieces = new ArrayList<>();
    for (int i = ql, j = endJ; i > 0 || j > 0;) {
      if ((back[i][j] & SKIP) != 0) {
        break; // source words before the first piece, left out
      }
      int a = back[i][j] >> 8;
      int b = back[i][j] & 0xFF;
      pieces.add(new int[] {qf + i - a, qf + i, sf + j - b, sf + j});
      i -= a;
      j -= b;
    }
    for (int k = pieces.size() - 1; k >= 0; k--) {
      int[] p = pieces.get(k);
      emit(out, p[0], p[1], p[2], p[3]);
    }
    int[] last = pieces.get(0);
    return lastMatch && last[1] - last[0] == 1 && last[3] - last[2] == 1 ? qt - 1 : qt;
  }

  /**
   * Cost of a word with no counterpart inside a segmented stretch whose sides are balanced (the
   * simulated and real spinners substitute, they do not insert or delete: such a word is a cut in
   * the wrong place, while a wrong boundary between two pieces costs nothing).
   */
  static final int GAP_COST = 4;
  /** Cost of such a word in an unbalanced stretch, or of a spun word that echoes a source word nearby. */
  static final int LOOSE_GAP_COST = 1;
  /** Sides of a stretch more than this many times longer than the other are unbalanced. */
  static final int MAX_RATIO = 3;
  /** Source words on each side of a stretch where a spun word left out may find its equal. */
  static final int ECHO_WORDS = 2;

  /**
   * Weight (per log10 of {@link PhraseCohesion}) of the cohesion of the spun side of a one-word
   * replacement by 2..{@value #MAX_PHRASE_WORDS} - 1 words with no edge, in the segmentation: the
   * language model tells where the spinner's phrase ends ("in point of" for "about", not "in point"
   * for "informed" and "of" for "about").
   */
  static final double COHESION_WEIGHT = 1.0;

  /**
   * The doubled cohesion bonus of spun words {@code [i, i + a)} of a segmented stretch replacing
   * {@code b} words (see {@link #COHESION_WEIGHT}): 0 without a model, for a one-word spun side or a
   * longer original, or when one of the words equals a source word near the stretch (the rest of a
   * reordered phrase, not the spinner's: "of interest" after "rate" matched in "interest rate").
   * {@code coh} caches the values by {@code [i][a - 1]}, +1 (0: not yet known).
   */
  private int cohesionBonus(int[][] coh, int[] echoes, int i, int a, int b, String spun) {
    if (coh == null || b != 1 || a < 2 || a >= MAX_PHRASE_WORDS || echoes[i + a] != echoes[i]) {
      return 0;
    }
    if (coh[i][a - 1] == 0) {
      coh[i][a - 1] = 1 + (int) Math.round(2 * COHESION_WEIGHT * phrases.cohesion(spun));
    }
    return coh[i][a - 1] - 1;
  }

  /** Flag of a back pointer: source words skipped before the first piece. */
  private static final int SKIP = 1 << 20;

  private static void relax(int[][] best, int[][] edges, int[][] back, int i, int j, int a, int b, int score,
      int edge) {
    int e = edges[i][j] + edge;
    if (score > best[i + a][j + b] || (score == best[i + a][j + b] && e > edges[i + a][j + b])) {
      best[i + a][j + b] = score;
      edges[i + a][j + b] = e;
      back[i + a][j + b] = (a << 8) | b;
    }
  }

  private static String join(String[] keys, int from, int to) {
    if (to - from == 1) {
      return keys[from];
    }
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(k == from ? "" : " ").append(keys[k]);
    }
    return sb.toString();
  }

  private void emit(List<AlignedSubstitution> out, int qf, int qt, int sf, int st) {
    int ql = qt - qf;
    int sl = st - sf;
    if (ql <= 0 || sl <= 0) {
      return;
    }
    if (ql == sl) {
      for (int t = 0; t < ql; t++) {
        if (!query.key[qf + t].equals(source.key[sf + t])) {
          out.add(pair(qf + t, qf + t + 1, sf + t, sf + t + 1));
        }
      }
    } else if (ql <= MAX_PHRASE_WORDS && sl <= MAX_PHRASE_WORDS) {
      out.add(pair(qf, qt, sf, st));
    }
  }

  private AlignedSubstitution pair(int qFrom, int qTo, int sFrom, int sTo) {
    int qs = query.start[qFrom];
    int qe = query.end[qTo - 1];
    int ss = source.start[sFrom];
    int se = source.end[sTo - 1];
    return new AlignedSubstitution(qs, qe, ss, se, query.text.substring(qs, qe), source.text.substring(ss, se));
  }

  /** {@link #aligned} counted by (surface, original), case-folded, most frequent first, ties in text order. */
  static List<SubstitutionCount> count(List<AlignedSubstitution> aligned) {
    Map<String, Object[]> counts = new LinkedHashMap<>();
    for (AlignedSubstitution a : aligned) {
      String key = a.surface().toLowerCase(Locale.ROOT) + '\u0000' + a.original().toLowerCase(Locale.ROOT);
      Object[] c = counts.computeIfAbsent(key, k -> new Object[] {a.surface(), a.original(), new int[1]});
      ((int[]) c[2])[0]++;
    }
    List<SubstitutionCount> out = new ArrayList<>(counts.size());
    for (Object[] c : counts.values()) {
      out.add(new SubstitutionCount((String) c[0], (String) c[1], ((int[]) c[2])[0]));
    }
    out.sort((x, y) -> Integer.compare(y.count(), x.count()));
    return out;
  }

  SourceMatch toMatch(String id, String uri) {
    List<AlignedSubstitution> al = aligned();
    return new SourceMatch(id, uri, score(), coverage(), support(), passages(), count(al), al, source.text);
  }
}
