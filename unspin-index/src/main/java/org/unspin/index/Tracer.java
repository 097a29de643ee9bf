package org.unspin.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.unspin.api.Unspin;
import org.unspin.lm.LanguageModel;

/**
 * Finds the sources of a (spun) text in a {@link SourceIndex}.
 *
 * <ol>
 *   <li><b>Search</b>: a disjunction of the query's rarest terms (by document frequency) in the
 *       synonym-class field ({@value TraceConfig#DEFAULT_SYN_TERMS} at most) and in the
 *       immutables field ({@value TraceConfig#DEFAULT_IMM_TERMS}, boosted), scored by BM25. Rare
 *       terms are the ones that tell documents apart, and a spinner leaves most of them alone.
 *   <li><b>Re-rank</b>: the top {@code max(topK, candidates)} are aligned with the query ({@link
 *       Aligner}, plain scores) and ordered by the share of query words that equal their aligned
 *       source word, then coverage, then matches in sentences not accepted, then shorter source
 *       first; the best match, and any other that covers at least the fallback coverage, is
 *       aligned again, with the path that follows the synonym classes and sentence runs, for its
 *       substitutions.
 *   <li><b>Immutables</b>: when no candidate covers {@value TraceConfig#DEFAULT_FALLBACK_COVERAGE}
 *       of the query, it is searched again with its immutables alone (a heavy spin's rarest words are
 *       often the spinner's odd synonyms), and the new candidates are aligned too.
 *   <li><b>Fallback</b>: when still no candidate covers {@value TraceConfig#DEFAULT_FALLBACK_COVERAGE} of
 *       the query and an {@link Unspin} was given, the search is repeated with the restored text
 *       (slower: restoration runs the language model), and the new candidates are aligned too.
 * </ol>
 *
 * Thread-safe.
 */
public final class Tracer {
  /** A term is too common to query only when it is also in more than this many documents (small indexes keep all). */
  static final int MIN_COMMON_DF = 50;

  private final SourceIndex index;
  private final Unspin unspin;
  private final TraceConfig config;
  private final PhraseCohesion phrases;

  /** A tracer with the default settings; {@code unspin} may be null (no restore fallback). */
  public Tracer(SourceIndex index, Unspin unspin) {
    this(index, unspin, TraceConfig.defaults());
  }

  /** A tracer without a language model: phrase boundaries in changed stretches from the lexicon only. */
  public Tracer(SourceIndex index, Unspin unspin, TraceConfig config) {
    this(index, unspin, config, null);
  }

  /**
   * {@code phraseModel} (may be null): a language model that tells which word sequences are
   * phrases, to place the boundary of a spinner's phrase among neighbouring replacements when the
   * lexicon and the document tell nothing (usually {@code DefaultModels.languageModel()}).
   */
  public Tracer(SourceIndex index, Unspin unspin, TraceConfig config, LanguageModel phraseModel) {
    this.index = Objects.requireNonNull(index, "index");
    this.unspin = unspin;
    this.config = Objects.requireNonNull(config, "config");
    this.phrases = phraseModel == null ? null : new PhraseCohesion(phraseModel);
  }

  public SourceIndex index() {
    return index;
  }

  /** The best sources of {@code text}, at most {@code topK}, re-ranked by alignment. */
  public TraceResult trace(String text, int topK) {
    Objects.requireNonNull(text, "text");
    if (topK < 1) {
      throw new IllegalArgumentException("topK: must be >= 1 (got " + topK + ")");
    }
    Words query = Words.of(text);
    int n = Math.max(topK, config.candidates());
    Map<Integer, Candidate> aligned = new LinkedHashMap<>();
    alignAll(query, search(text, n), aligned);
    if (bestCoverage(aligned) < config.fallbackCoverage()) {
      // a heavily spun text: its rarest words are often the spinner's odd synonyms, so ask again
      // with the immutables alone, which the spinner left as they were
      alignAll(query, search(query(text, 0, config.immTerms()), n), aligned);
    }
    if (unspin != null && bestCoverage(aligned) < config.fallbackCoverage()) {
      String restored = unspin.restore(text).text();
      alignAll(query, search(restored, n), aligned);
    }
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate c : aligned.values()) {
      if (c.coverage > 0) {
        ranked.add(c);
      }
    }
    // ties (a text whose sentences all occur in another document too) go to the candidate with more
    // matches in sentences not accepted, then to the shorter candidate, which explains more of itself
    ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
        .thenComparing(Comparator.comparingDouble((Candidate c) -> c.coverage).reversed())
        .thenComparing(Comparator.comparingInt((Candidate c) -> c.alignment.allMatches()).reversed())
        .thenComparingInt(c -> c.alignment.sourceWords()));
    List<SourceMatch> out = new ArrayList<>();
    // substitutions (the costly part: lexicon look-ups) only for the matches returned; the best
    // match, and any other that covers as much of the text as a source does, is aligned again with
    // the path that follows the synonym classes (the candidates were ranked by the plain alignment)
    for (int i = 0; i < Math.min(topK, ranked.size()); i++) {
      Candidate c = ranked.get(i);
      DocumentAlignment a = i == 0 || c.coverage >= config.fallbackCoverage()
          ? Aligner.align(query, c.source, index.terms().classes(), true, phrases) : c.alignment;
      out.add(a.toMatch(c.id, c.uri));
    }
    return new TraceResult(out);
  }

  /** An aligned candidate before its substitutions are worked out. */
  private static final class Candidate {
    final String id;
    final String uri;
    final Words source;
    final DocumentAlignment alignment;
    final double score;
    final double coverage;

    Candidate(String id, String uri, Words source, DocumentAlignment alignment) {
      this.id = id;
      this.uri = uri;
      this.source = source;
      this.alignment = alignment;
      this.score = alignment.score();
      this.coverage = alignment.coverage();
    }
  }

  private static double bestCoverage(Map<Integer, Candidate> aligned) {
    double b = 0;
    for (Candidate c : aligned.values()) {
      b = Math.max(b, c.coverage);
    }
    return b;
  }

  private void alignAll(Words query, int[] docs, Map<Integer, Candidate> into) {
    for (int doc : docs) {
      if (into.containsKey(doc)) {
        continue;
      }
      Document d = index.document(doc);
      String src = d.get(SourceIndex.FIELD_TEXT);
      if (src == null) {
        continue; // index built without text: nothing to align with
      }
      Words source = Words.of(src);
      DocumentAlignment a = Aligner.align(query, source, index.terms().classes(), false);
      into.put(doc, new Candidate(d.get(SourceIndex.FIELD_ID), d.get(SourceIndex.FIELD_URI), source, a));
    }
  }

  /** Lucene document numbers of the first-stage candidates for {@code text}, best first. */
  public int[] search(String text, int n) {
    return search(query(text, config.synTerms(), config.immTerms()), n);
  }

  private int[] search(Query q, int n) {
    if (q == null) {
      return new int[0];
    }
    try {
      ScoreDoc[] hits = index.searcher().search(q, n).scoreDocs;
      int[] out = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        out[i] = hits[i].doc;
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("searching " + index.directory(), e);
    }
  }

  /** The stored id of Lucene document {@code doc}. */
  public String id(int doc) {
    return index.document(doc).get(SourceIndex.FIELD_ID);
  }

  /** The first-stage query for {@code text}, or null when it has no term the index knows. */
  Query query(String text) {
    return query(text, config.synTerms(), config.immTerms());
  }

  private Query query(String text, int synTerms, int immTerms) {
    Map<String, int[]> syn = new HashMap<>();
    Map<String, int[]> imm = new HashMap<>();
    index.terms().forEach(text, t -> syn.computeIfAbsent(t, k -> new int[1])[0]++,
        t -> imm.computeIfAbsent(t, k -> new int[1])[0]++);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = synTerms == 0 ? 0 : addRarest(b, SourceIndex.FIELD_SYN, syn, synTerms, 1f);
    clauses += immTerms == 0 ? 0 : addRarest(b, SourceIndex.FIELD_IMM, imm, immTerms, config.immBoost());
    return clauses == 0 ? null : b.build();
  }

  private int addRarest(BooleanQuery.Builder b, String field, Map<String, int[]> terms, int max, float boost) {
    IndexReader reader = index.reader();
    int docs = Math.max(1, reader.numDocs());
    long[] keyed = new long[terms.size()];
    String[] names = terms.keySet().toArray(new String[0]);
    int k = 0;
    try {
      for (int i = 0; i < names.length; i++) {
        int df = reader.docFreq(new Term(field, names[i]));
        if (df == 0 || (df > docs * config.maxDocFreqShare() && df > MIN_COMMON_DF)) {
          continue;
        }
        keyed[k++] = ((long) df << 32) | i;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading term statistics of " + index.directory(), e);
    }
    long[] sorted = Arrays.copyOf(keyed, k);
    Arrays.sort(sorted);
    int used = Math.min(max, k);
    for (int i = 0; i < used; i++) {
      Query tq = new TermQuery(new Term(field, names[(int) (sorted[i] & 0xFFFFFFFFL)]));
      b.add(boost == 1f ? tq : new BoostQuery(tq, boost), BooleanClause.Occur.SHOULD);
    }
    return used;
  }
}
