package org.unspin.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word alignment of a (spun) query text with a candidate source, tolerant of phrase substitutions
 * of any length on either side and of reordered, dropped or added sentences.
 *
 * <p>Each query sentence is aligned on its own against the whole source, semi-globally: every
 * query word takes part, the source segment it lands on is free (it may start and end anywhere,
 * so sentences may come in any order, and source sentences no query sentence lands on were
 * dropped). Scores: {@value #MATCH} for equal words (case-insensitive), {@value #MISMATCH} for a
 * substituted word, {@value #GAP} for a word on one side only; ties prefer a substitution, then a
 * query-only word. A run of non-matching steps between two matches is one {@link Block}: the
 * spinner's {@code m:n} replacement ("a couple" for "two"). A sentence is accepted (it stems
 * from the source) when at least {@value #MIN_MATCH_SHARE} of its words, and at least {@value
 * #MIN_MATCHES} (one for a one- or two-word sentence), equal their aligned source word, one of them
 * informative (a word of {@value #INFORMATIVE_LENGTH} chars or more, or with a digit). A sentence
 * too heavily spun for that, whose neighbours are accepted, is re-aligned within the source gap they
 * leave and accepted when that has a match (see {@code fillGaps}).
 *
 * <p>Cost {@code O(query words x source words)} time and {@code O(longest sentence x source words)}
 * memory; sources beyond {@value #MAX_SOURCE_WORDS} words are aligned against their first that
 * many. Thread-safe (stateless).
 */
public final class Aligner {
  static final int MATCH = 2;
  static final int MISMATCH = -1;
  /**
   * A substituted word in the same synonym class as its source word: the spinner's swap, which
   * lines the path up with where the spinner wrote it (still a substitution, not a match).
   */
  static final int SYNONYM = 1;
  static final int GAP = -1;
  static final int MIN_MATCHES = 2;
  /**
   * Least share of a sentence's words that must equal their aligned source word. A spinner at 80%
   * leaves about a quarter of the words of a sentence; an unrelated sentence aligned with a long
   * source gets about a tenth, mostly function words.
   */
  static final double MIN_MATCH_SHARE = 0.2;
  /** A matched word of at least this many chars (or with a digit) is informative, not a function word. */
  static final int INFORMATIVE_LENGTH = 4;
  static final int MAX_SOURCE_WORDS = 50_000;

  static final byte OP_MATCH = 'M';
  static final byte OP_SUB = 'X';
  /** A query word with no source counterpart. */
  static final byte OP_QUERY = 'I';
  /** A source word with no query counterpart. */
  static final byte OP_SOURCE = 'D';

  private Aligner() {}

  /**
   * A changed stretch: query words {@code [queryFrom, queryTo)} stand where the source had {@code
   * [sourceFrom, sourceTo)} (word indexes); at least one side is non-empty. {@code inner} is true
   * when a match lies on both sides (the stretch is then reliable).
   */
  record Block(int queryFrom, int queryTo, int sourceFrom, int sourceTo, boolean inner, boolean matchBefore,
      boolean matchAfter) {}

  /**
   * One query sentence's alignment.
   *
   * @param queryFrom first query word of the sentence
   * @param queryTo one past its last word
   * @param score the alignment score
   * @param matches equal word pairs
   * @param ops the steps in order (M, X, I, D)
   * @param sourceFrom source word of the first step that consumes a source word, or -1
   * @param inContext accepted because it fills the source gap between accepted neighbours (see
   *     {@link Aligner#align(Words, Words, SynonymClasses)})
   */
  record SentenceAlignment(int queryFrom, int queryTo, int score, int matches, int informative, byte[] ops,
      int sourceFrom, boolean inContext) {
    boolean accepted() {
      if (inContext) {
        return true;
      }
      int len = queryTo - queryFrom;
      int need = len <= 2 ? 1 : Math.max(MIN_MATCHES, (int) Math.ceil(MIN_MATCH_SHARE * len));
      return matches >= need && informative >= 1;
    }
  }

  /**
   * Integer codes of the words: query words share codes with equal source words; a source word
   * that is not in the query gets a code no query word has.
   */
  static int[][] encode(String[] query, String[] source) {
    Map<String, Integer> codes = new HashMap<>(query.length * 2);
    int[] q = new int[query.length];
    for (int i = 0; i < query.length; i++) {
      Integer c = codes.get(query[i]);
      if (c == null) {
        c = codes.size();
        codes.put(query[i], c);
      }
      q[i] = c;
    }
    int m = Math.min(source.length, MAX_SOURCE_WORDS);
    int[] s = new int[m];
    for (int j = 0; j < m; j++) {
      Integer c = codes.get(source[j]);
      s[j] = c == null ? -1 - j : c;
    }
    return new int[][] {q, s};
  }

  /**
   * Aligns {@code q[from, to)} semi-globally with {@code s}: all of the query span, any segment of
   * {@code s}. {@code work} is reused between calls when big enough (may be null).
   */
  static SentenceAlignment alignSentence(int[] q, int from, int to, int[] s, int[][] work) {
    return alignSentence(q, from, to, s, work, null, null, null);
  }

  /**
   * As above; {@code informative[i]} (may be null: all) tells which query words count as
   * informative; {@code qc}/{@code sc} (both null, or neither) are synonym class codes of the query
   * and source words (negative: none): a substitution of a word by one of its class scores {@value
   * #SYNONYM} instead of {@value #MISMATCH}.
   */
  static SentenceAlignment alignSentence(int[] q, int from, int to, int[] s, int[][] work, boolean[] informative,
      int[] qc, int[] sc) {
    int len = to - from;
    int m = s.length;
    int cols = m + 1;
    int cells = (len + 1) * cols;
    int[] h = work != null && work[0] != null && work[0].length >= cells ? work[0] : new int[cells];
    if (work != null) {
      work[0] = h;
    }
    for (int j = 0; j <= m; j++) {
      h[j] = 0;
    }
    for (int i = 1; i <= len; i++) {
      int row = i * cols;
      int prev = row - cols;
      int qi = q[from + i - 1];
      int ci = qc == null ? -1 : qc[from + i - 1];
      h[row] = h[prev] + GAP;
      for (int j = 1; j <= m; j++) {
        int diag = h[prev + j - 1] + (qi == s[j - 1] ? MATCH : ci >= 0 && ci == sc[j - 1] ? SYNONYM : MISMATCH);
        int up = h[prev + j] + GAP;
        int left = h[row + j - 1] + GAP;
        int best = diag;
        if (up > best) {
          best = up;
        }
        if (left > best) {
          best = left;
        }
        h[row + j] = best;
      }
    }
    // best end column; ties to the rightmost, so that a last word spun is a substitution, not a gap
    int lastRow = len * cols;
    int bestJ = 0;
    for (int j = 1; j <= m; j++) {
      if (h[lastRow + j] >= h[lastRow + bestJ]) {
        bestJ = j;
      }
    }
    int score = h[lastRow + bestJ];
    // traceback
    byte[] rev = new byte[len + m];
    int k = 0;
    int i = len;
    int j = bestJ;
    int matches = 0;
    int inf = 0;
    int firstSource = -1;
    while (i > 0) {
      int here = h[i * cols + j];
      if (j > 0) {
        boolean eq = q[from + i - 1] == s[j - 1];
        int ci = qc == null ? -1 : qc[from + i - 1];
        if (here == h[(i - 1) * cols + j - 1] + (eq ? MATCH : ci >= 0 && ci == sc[j - 1] ? SYNONYM : MISMATCH)) {
          rev[k++] = eq ? OP_MATCH : OP_SUB;
          if (eq) {
            matches++;
            if (informative == null || informative[from + i - 1]) {
              inf++;
            }
          }
          i--;
          j--;
          firstSource = j;
          continue;
        }
      }
      if (here == h[(i - 1) * cols + j] + GAP) {
        rev[k++] = OP_QUERY;
        i--;
        continue;
      }
      rev[k++] = OP_SOURCE;
      j--;
      firstSource = j;
    }
    byte[] ops = new byte[k];
    for (int t = 0; t < k; t++) {
      ops[t] = rev[k - 1 - t];
    }
    return new SentenceAlignment(from, to, score, matches, inf, ops, firstSource, false);
  }

  static boolean isInformative(String key) {
    if (key.length() >= INFORMATIVE_LENGTH) {
      return true;
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isDigit(key.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Score of {@code ops} without class codes (for checks): the sum of the step scores. */
  static int scoreOf(byte[] ops) {
    int sc = 0;
    for (byte op : ops) {
      sc += op == OP_MATCH ? MATCH : op == OP_SUB ? MISMATCH : GAP;
    }
    return sc;
  }

  /** The changed stretches of an alignment (word indexes into the query and the source). */
  static List<Block> blocks(SentenceAlignment a) {
    List<Block> out = new ArrayList<>();
    int qi = a.queryFrom();
    int sj = Math.max(0, a.sourceFrom());
    int bq = -1;
    int bs = -1;
    boolean seenMatch = false;
    for (byte op : a.ops()) {
      if (op == OP_MATCH) {
        if (bq >= 0 && (qi > bq || sj > bs)) {
          out.add(new Block(bq, qi, bs, sj, seenMatch, seenMatch, true));
        }
        bq = -1;
        seenMatch = true;
        qi++;
        sj++;
        continue;
      }
      if (bq < 0) {
        bq = qi;
        bs = sj;
      }
      if (op == OP_SUB) {
        qi++;
        sj++;
      } else if (op == OP_QUERY) {
        qi++;
      } else {
        sj++;
      }
    }
    if (bq >= 0 && (qi > bq || sj > bs)) {
      out.add(new Block(bq, qi, bs, sj, false, seenMatch, false));
    }
    return out;
  }

  /** Aligns every sentence of {@code query} with {@code source}. */
  static DocumentAlignment align(Words query, Words source) {
    return align(query, source, null);
  }

  /**
   * As above; {@code related} (may be null) tells which (spun, original) words a spinner may have
   * swapped, to cut long changed stretches into single replacements.
   */
  static DocumentAlignment align(Words query, Words source, SynonymClasses related) {
    return align(query, source, related, true);
  }

  /**
   * As above; {@code full}: whether a substitution by a word of the same synonym class scores
   * {@value #SYNONYM} and runs of unaccepted sentences are re-aligned in their source gap (the
   * alignment whose substitutions are reported), or neither (the plain alignment candidates are
   * ranked by: a synonym path may trade a match for two synonyms, and more sentences accepted in
   * a near-duplicate reorder close candidates).
   */
  static DocumentAlignment align(Words query, Words source, SynonymClasses related, boolean full) {
    return align(query, source, related, full, null);
  }

  /**
   * As above; {@code phrases} (may be null): the language model's view of which word sequences are
   * phrases, which places phrase boundaries in changed stretches ({@link DocumentAlignment}).
   */
  static DocumentAlignment align(Words query, Words source, SynonymClasses related, boolean full,
      PhraseCohesion phrases) {
    int[][] codes = encode(query.key, source.key);
    int[] qc = null;
    int[] sc = null;
    if (related != null && full) {
      qc = classCodes(query.key, query.key.length, related);
      sc = classCodes(source.key, codes[1].length, related);
    }
    int[][] work = new int[1][];
    boolean[] informative = new boolean[query.size()];
    for (int i = 0; i < informative.length; i++) {
      informative[i] = isInformative(query.key[i]);
    }
    List<SentenceAlignment> out = new ArrayList<>(query.sentenceCount());
    for (int k = 0; k < query.sentenceCount(); k++) {
      out.add(alignSentence(codes[0], query.sentence[k], query.sentence[k + 1], codes[1], work, informative, qc,
          sc));
    }
    fillGaps(out, codes[0], codes[1], work, informative, qc, sc, full);
    return new DocumentAlignment(query, source, out, related, phrases);
  }

  /** The synonym class of each of the first {@code n} words (-1: none). */
  static int[] classCodes(String[] keys, int n, SynonymClasses related) {
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = related.classOf(keys[i]);
    }
    return c;
  }

  /** Longest source gap a sentence is re-aligned into: this many times its words, plus {@value #GAP_SLACK}. */
  static final int GAP_FACTOR = 2;
  static final int GAP_SLACK = 10;

  /**
   * A sentence too heavily spun to be accepted on its own, whose neighbours were accepted and left
   * a gap in the source between them (the first sentence: before the next one's source; the last:
   * after the previous one's), is re-aligned within that gap and accepted when the gap has at most
   * {@value #GAP_FACTOR} times its words plus {@value #GAP_SLACK} and at least half its words, and
   * the re-alignment has a match: it stands where the source had the sentence it replaces. With
   * {@code runs}, a run of such sentences is re-aligned the same way (see {@code fillRun}).
   */
  private static void fillGaps(List<SentenceAlignment> out, int[] q, int[] s, int[][] work, boolean[] informative,
      int[] qc, int[] sc, boolean runs) {
    int n = out.size();
    for (int k = 0; k < n; k++) {
      SentenceAlignment a = out.get(k);
      if (a.accepted()) {
        continue;
      }
      SentenceAlignment prev = k > 0 ? out.get(k - 1) : null;
      SentenceAlignment next = k + 1 < n ? out.get(k + 1) : null;
      boolean prevOk = prev != null && prev.accepted();
      boolean nextOk = next != null && next.accepted() && next.sourceFrom() >= 0;
      if (runs && (prevOk || k == 0) && next != null && !next.accepted()) {
        k = fillRun(out, k, q, s, work, informative, qc, sc) - 1;
        continue;
      }
      if (!(prevOk || k == 0) || !(nextOk || k == n - 1) || (!prevOk && !nextOk)) {
        continue;
      }
      int len = a.queryTo() - a.queryFrom();
      int maxGap = GAP_FACTOR * len + GAP_SLACK;
      int from = prevOk ? sourceEnd(prev) : Math.max(0, next.sourceFrom() - maxGap);
      int to = nextOk ? next.sourceFrom() : Math.min(s.length, from + maxGap);
      if (to - from > maxGap || 2 * (to - from) < len) {
        continue;
      }
      SentenceAlignment g = alignSentence(q, a.queryFrom(), a.queryTo(), java.util.Arrays.copyOfRange(s, from, to),
          work, informative, qc, sc == null ? null : java.util.Arrays.copyOfRange(sc, from, to));
      if (g.matches() == 0 || g.sourceFrom() < 0) {
        continue;
      }
      out.set(k, new SentenceAlignment(g.queryFrom(), g.queryTo(), g.score(), g.matches(), g.informative(), g.ops(),
          g.sourceFrom() + from, true));
    }
  }

  /**
   * A run of two or more sentences from {@code k} too spun to be accepted, between accepted
   * neighbours: re-aligned one after the other, in order, within the source gap the neighbours
   * leave, when that gap has at most {@value #GAP_FACTOR} times the run's words plus {@value
   * #GAP_SLACK} and at least half its words; a sentence whose re-alignment has a match is accepted
   * and the next one starts after it. Returns the index after the run.
   */
  private static int fillRun(List<SentenceAlignment> out, int k, int[] q, int[] s, int[][] work,
      boolean[] informative, int[] qc, int[] sc) {
    int n = out.size();
    int r = k;
    int len = 0;
    while (r < n && !out.get(r).accepted()) {
      len += out.get(r).queryTo() - out.get(r).queryFrom();
      r++;
    }
    if (r < n && out.get(r).sourceFrom() < 0) {
      return r;
    }
    if (k == 0 && r == n) {
      return r; // nothing accepted to place the run against
    }
    // a run that opens (ends) the text: as far into the source as its words allow
    int maxGap = GAP_FACTOR * len + GAP_SLACK;
    int from = k > 0 ? sourceEnd(out.get(k - 1)) : Math.max(0, out.get(r).sourceFrom() - maxGap);
    int to = r < n ? out.get(r).sourceFrom() : Math.min(s.length, from + maxGap);
    if (to - from > maxGap || 2 * (to - from) < len) {
      return r;
    }
    for (int t = k; t < r && from < to; t++) {
      SentenceAlignment a = out.get(t);
      SentenceAlignment g = alignSentence(q, a.queryFrom(), a.queryTo(), java.util.Arrays.copyOfRange(s, from, to),
          work, informative, qc, sc == null ? null : java.util.Arrays.copyOfRange(sc, from, to));
      if (g.matches() == 0 || g.sourceFrom() < 0) {
        continue;
      }
      SentenceAlignment placed = new SentenceAlignment(g.queryFrom(), g.queryTo(), g.score(), g.matches(),
          g.informative(), g.ops(), g.sourceFrom() + from, true);
      out.set(t, placed);
      from = sourceEnd(placed);
    }
    return r;
  }

  /** One past the last source word that {@code a}'s steps consume. */
  static int sourceEnd(SentenceAlignment a) {
    int sj = Math.max(0, a.sourceFrom());
    for (byte op : a.ops()) {
      if (op != OP_QUERY) {
        sj++;
      }
    }
    return sj;
  }
}
