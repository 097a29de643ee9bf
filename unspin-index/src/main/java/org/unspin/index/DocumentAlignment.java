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

  DocumentAlignment(Words query, Words source, List<Aligner.SentenceAlignment> sentences) {
    this.query = query;
    this.source = source;
    this.sentences = sentences;
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

  /** Share of query words that equal their aligned source word. */
  double score() {
    return query.size() == 0 ? 0 : (double) matches() / query.size();
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
   * Replacements of accepted sentences: every changed stretch with words on both sides; one of
   * equal length on both sides is split into one-word pairs, others are kept whole when each side
   * has at most {@value #MAX_PHRASE_WORDS} words.
   */
  List<AlignedSubstitution> aligned() {
    List<AlignedSubstitution> out = new ArrayList<>();
    for (Aligner.SentenceAlignment a : sentences) {
      if (!a.accepted()) {
        continue;
      }
      for (Aligner.Block b : Aligner.blocks(a)) {
        int ql = b.queryTo() - b.queryFrom();
        int sl = b.sourceTo() - b.sourceFrom();
        if (ql == 0 || sl == 0) {
          continue;
        }
        if (ql == sl) {
          for (int t = 0; t < ql; t++) {
            out.add(pair(b.queryFrom() + t, b.queryFrom() + t + 1, b.sourceFrom() + t, b.sourceFrom() + t + 1));
          }
        } else if (ql <= MAX_PHRASE_WORDS && sl <= MAX_PHRASE_WORDS) {
          out.add(pair(b.queryFrom(), b.queryTo(), b.sourceFrom(), b.sourceTo()));
        }
      }
    }
    return out;
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
    return new SourceMatch(id, uri, score(), coverage(), passages(), count(al), al, source.text);
  }
}
