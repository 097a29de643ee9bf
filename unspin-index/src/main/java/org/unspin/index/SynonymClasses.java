package org.unspin.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.lexicon.Morphology;

/**
 * Groups single words of a lexicon view into small synonym classes, so that a spinner's swap of
 * "stock" for "inventory" leaves the same class term in the index and in the query.
 *
 * <p>Classes are made by union-find over the view's one-word edges, strongest edges first: first
 * the first synonym of every word (the one a "first synonym" spinner picks), then by ascending
 * rank (WordNet sense number); a union is skipped when the merged class would hold more than
 * {@code maxClassSize} words, so a class never grows into the thesaurus' one giant component.
 * A spinner that picks a random synonym among hundreds is only partly covered: retrieval then rests
 * on the words it left alone and on the immutables.
 *
 * <p>{@link #term} maps a word (any case, inflected) to its index term: {@code "~<class>"} for a
 * class member (looked up as written, else through its lemmas), else the lower-cased word itself.
 * Built once (about a second), then immutable and thread-safe.
 */
public final class SynonymClasses {
  /** Default cap on class size; measured on simulated spins in docs/trace.md. */
  public static final int DEFAULT_MAX_CLASS_SIZE = 32;

  private final Map<String, Integer> classOf;
  private final Morphology morphology;
  private final String spec;

  private SynonymClasses(Map<String, Integer> classOf, Morphology morphology, String spec) {
    this.classOf = classOf;
    this.morphology = morphology;
    this.spec = spec;
  }

  /**
   * Classes over {@code view} (a view of the lexicon {@code lexicon}).
   *
   * @param spec a description stored with an index, so that a query uses the same classes
   */
  public static SynonymClasses build(LexiconDictionary view, int maxClassSize, String spec) {
    Objects.requireNonNull(view, "view");
    if (maxClassSize < 1) {
      throw new IllegalArgumentException("maxClassSize: must be >= 1 (got " + maxClassSize + ")");
    }
    Lexicon lex = view.lexicon();
    int n = lex.phraseCount();
    boolean[] single = new boolean[n];
    for (int p = 0; p < n; p++) {
      String s = lex.phrase(p);
      single[p] = s.indexOf(' ') < 0 && !s.isEmpty();
    }
    // edges as (priority, source, target), strongest first
    int edges = lex.edgeCount();
    long[] keys = new long[edges];
    int k = 0;
    for (int p = 0; p < n; p++) {
      if (!single[p]) {
        continue;
      }
      int first = -1;
      for (int e = lex.edgeStart(p), end = lex.edgeEnd(p); e < end; e++) {
        int info = lex.info(e);
        int t = lex.edgeTarget(e);
        if (!view.accepts(e, info) || !single[t] || t == p) {
          continue;
        }
        int prio = first < 0 ? 0 : 1 + Math.min(Lexicon.rank(info), 254);
        if (first < 0) {
          first = e;
        }
        keys[k++] = ((long) prio << 40) | e;
      }
    }
    long[] sorted = Arrays.copyOf(keys, k);
    Arrays.sort(sorted);
    int[] parent = new int[n];
    int[] size = new int[n];
    for (int p = 0; p < n; p++) {
      parent[p] = p;
      size[p] = 1;
    }
    for (long key : sorted) {
      int e = (int) (key & 0xFFFFFFFFFFL);
      int a = find(parent, lex.edgeSource(e));
      int b = find(parent, lex.edgeTarget(e));
      if (a == b || size[a] + size[b] > maxClassSize) {
        continue;
      }
      if (size[a] < size[b]) {
        int t = a;
        a = b;
        b = t;
      }
      parent[b] = a;
      size[a] += size[b];
    }
    Map<String, Integer> classOf = new HashMap<>(n * 2);
    for (int p = 0; p < n; p++) {
      if (single[p]) {
        int root = find(parent, p);
        if (size[root] > 1) {
          classOf.put(lex.phrase(p), root);
        }
      }
    }
    return new SynonymClasses(classOf, lex.morphology(), spec);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** The description given at build time (stored in index metadata). */
  public String spec() {
    return spec;
  }

  /** Number of words that belong to a class of two or more. */
  public int size() {
    return classOf.size();
  }

  /** The class id of {@code lowerWord} (as written, else through a lemma), or -1. */
  public int classOf(String lowerWord) {
    Integer c = classOf.get(lowerWord);
    if (c != null) {
      return c;
    }
    int[] found = {-1};
    morphology.analyze(lowerWord, (lemma, inflection) -> {
      if (found[0] < 0) {
        Integer lc = classOf.get(lemma);
        if (lc != null) {
          found[0] = lc;
        }
      }
    });
    return found[0];
  }

  /** The index term of a word: its class as {@code "~id"}, else the word in lower case. */
  public String term(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    int c = classOf(lower);
    return c >= 0 ? "~" + c : lower;
  }
}
