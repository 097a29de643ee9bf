package org.unspin.bench.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.unspin.index.SourceIndex;

/**
 * The two baselines of the trace evaluation, over an index built with {@code baselines = true}:
 * <ul>
 *   <li><b>BM25</b> on raw words (Lucene's StandardAnalyzer): every distinct query word a SHOULD
 *       clause (at most {@value #MAX_CLAUSES});
 *   <li><b>MinHash</b> over lower-cased 5-word shingles (Lucene's MinHashFilter, one hash, 512
 *       buckets with rotation): documents ranked by the number of buckets whose minimum equals the
 *       query's, an estimate of shingle-set Jaccard similarity, as near-duplicate detectors do.
 * </ul>
 * Thread-safe.
 */
final class Baselines {
  static final int MAX_CLAUSES = 1024;

  private final SourceIndex index;
  private final IndexSearcher searcher;
  private final Analyzer raw;
  private final Analyzer minHash;

  Baselines(SourceIndex index) {
    this.index = index;
    this.searcher = index.searcher();
    this.raw = new org.apache.lucene.analysis.standard.StandardAnalyzer();
    this.minHash = SourceIndex.minHashAnalyzer();
  }

  String[] bm25(String text, int n) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int c = 0;
    for (String t : terms(raw, SourceIndex.FIELD_RAW, text)) {
      if (c++ == MAX_CLAUSES) {
        break;
      }
      b.add(new TermQuery(new Term(SourceIndex.FIELD_RAW, t)), BooleanClause.Occur.SHOULD);
    }
    return run(b.build(), n);
  }

  String[] minHash(String text, int n) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int c = 0;
    for (String t : terms(minHash, SourceIndex.FIELD_MINHASH, text)) {
      if (c++ == MAX_CLAUSES) {
        break;
      }
      b.add(new ConstantScoreQuery(new TermQuery(new Term(SourceIndex.FIELD_MINHASH, t))),
          BooleanClause.Occur.SHOULD);
    }
    return run(b.build(), n);
  }

  private String[] run(Query q, int n) {
    try {
      ScoreDoc[] hits = searcher.search(q, n).scoreDocs;
      String[] ids = new String[hits.length];
      for (int i = 0; i < hits.length; i++) {
        ids[i] = searcher.storedFields().document(hits[i].doc).get(SourceIndex.FIELD_ID);
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("searching " + index.directory(), e);
    }
  }

  private static Set<String> terms(Analyzer a, String field, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a query", e);
    }
    return out;
  }
}
