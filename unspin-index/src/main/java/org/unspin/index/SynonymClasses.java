package org.unspin.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

  /** Two words that share at least this many leading chars count as related (exports, exportations). */
  static final int RELATED_PREFIX = 5;

  /** Most words whose lemma look-up is cached (the vocabulary of a large collection fits). */
  static final int MAX_CACHED = 2_000_000;

  private final Map<String, Integer> classOf;
  /** Look-ups through lemmas, cached: indexing asks for the same words again and again. */
  private final Map<String, Integer> viaLemma = new java.util.concurrent.ConcurrentHashMap<>();
  /** Most phrases whose lexicon targets are cached. */
  static final int MAX_CACHED_SETS = 200_000;
  private final Map<String, Set<String>> targetsCache = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Set<String>> targetWordsCache = new java.util.concurrent.ConcurrentHashMap<>();
  private final Morphology morphology;
  private final LexiconDictionary view;
  private final String spec;

  /** Phrases of several words in this view (either end of an accepted edge), by first word and by last word. */
  private final Map<String, Integer> phraseStarts;
  private final Map<String, Integer> phraseEnds;

  private SynonymClasses(Map<String, Integer> classOf, LexiconDictionary view, String spec) {
    this.classOf = classOf;
    this.phraseStarts = new HashMap<>();
    this.phraseEnds = new HashMap<>();
    Lexicon lex = view.lexicon();
    boolean[] seen = new boolean[lex.phraseCount()];
    for (int p = 0; p < seen.length; p++) {
      for (int e = lex.edgeStart(p), end = lex.edgeEnd(p); e < end; e++) {
        if (!view.accepts(e)) {
          continue;
        }
        for (int x : new int[] {p, lex.edgeTarget(e)}) {
          if (seen[x]) {
            continue;
          }
          seen[x] = true;
          String ph = lex.phrase(x);
          int a = ph.indexOf(' ');
          if (a > 0) {
            phraseStarts.merge(ph.substring(0, a), 1, Integer::sum);
            phraseEnds.merge(ph.substring(ph.lastIndexOf(' ') + 1), 1, Integer::sum);
          }
        }
      }
    }
    this.morphology = view.lexicon().morphology();
    this.view = view;
    this.spec = spec;
    this.inEdges = seen;
  }

  /** Phrase ids that are either end of an edge the view accepts. */
  private final boolean[] inEdges;

  /**
   * Whether {@code phrase} (of several words) is either end of an edge of this view, also through
   * the lemmas of its last or first word: the view's phrase vocabulary, wider than {@link #isPhrase}
   * (which needs edges from the phrase). Phrases only held-out entries use stay invisible.
   */
  public boolean isKnownPhrase(String phrase) {
    for (String f : lastWordForms(phrase)) {
      if (inViewEdges(f)) {
        return true;
      }
    }
    return false;
  }

  /** Whether exactly this phrase is either end of an edge of this view. */
  boolean inViewEdges(String phrase) {
    int id = view.lexicon().find(phrase);
    return id >= 0 && inEdges[id];
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
    return new SynonymClasses(classOf, view, spec);
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
    Integer cached = viaLemma.get(lowerWord);
    if (cached != null) {
      return cached;
    }
    int found = classOfLemma(lowerWord);
    if (viaLemma.size() < MAX_CACHED) {
      viaLemma.put(lowerWord, found);
    }
    return found;
  }

  private int classOfLemma(String lowerWord) {
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

  /**
   * Whether a spinner may have written {@code spun} (lower case) for {@code original} (lower case):
   * equal, same class, a shared prefix of {@value #RELATED_PREFIX} chars, or a lexicon edge of this
   * view between the two (or their lemmas) in either direction, where a phrase on the far side
   * counts when it contains the word ("labor unions" for "unions").
   */
  public boolean related(String spun, String original) {
    if (spun.equals(original)) {
      return true;
    }
    int a = classOf(spun);
    if (a >= 0 && a == classOf(original)) {
      return true;
    }
    int p = 0;
    int max = Math.min(spun.length(), original.length());
    while (p < max && spun.charAt(p) == original.charAt(p)) {
      p++;
    }
    if (p >= RELATED_PREFIX) {
      return true;
    }
    return linked(original, spun) || linked(spun, original);
  }

  /** Whether a target phrase of {@code from} (or of its lemmas) contains {@code to} or one of its lemmas. */
  private boolean linked(String from, String to) {
    Set<String> words = targetWords(from);
    if (words.isEmpty()) {
      return false;
    }
    for (String t : forms(to)) {
      if (words.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The words of every target phrase of {@code word} and its lemmas; cached. */
  Set<String> targetWords(String word) {
    Set<String> c = targetWordsCache.get(word);
    if (c != null) {
      return c;
    }
    Set<String> out = new HashSet<>();
    for (String t : targets(word)) {
      for (String w : t.split(" ")) {
        out.add(w);
      }
    }
    Set<String> r = out.isEmpty() ? Set.of() : out;
    if (targetWordsCache.size() < MAX_CACHED_SETS) {
      targetWordsCache.put(word, r);
    }
    return r;
  }

  /** The target phrases of {@code phrase}, and of it with its last (or first) word lemmatized; cached. */
  Set<String> targets(String phrase) {
    Set<String> c = targetsCache.get(phrase);
    if (c != null) {
      return c;
    }
    Lexicon lex = view.lexicon();
    Set<String> out = new HashSet<>();
    for (String f : lastWordForms(phrase)) {
      int id = lex.find(f);
      if (id < 0) {
        continue;
      }
      for (int e = lex.edgeStart(id), end = lex.edgeEnd(id); e < end; e++) {
        if (view.accepts(e)) {
          out.add(lex.phrase(lex.edgeTarget(e)));
        }
      }
    }
    Set<String> r = out.isEmpty() ? Set.of() : out;
    if (targetsCache.size() < MAX_CACHED_SETS) {
      targetsCache.put(phrase, r);
    }
    return r;
  }

  /**
   * Whether this view has an edge from the phrase {@code original} to the phrase {@code spun}
   * (both lower case, words joined by single spaces), directly or through the lemma of the
   * original's last word, re-inflected the way a spinner does ("unions" to "labor unions").
   */
  public boolean isEdge(String original, String spun) {
    Set<String> t = targets(original);
    if (t.isEmpty()) {
      return false;
    }
    for (String f : lastWordForms(spun)) {
      if (t.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this view knows {@code phrase} (lower case, words joined by single spaces, the last word
   * possibly inflected): it has an edge to some phrase. A spinner writes phrases of its thesaurus.
   */
  public boolean isPhrase(String phrase) {
    return !targets(phrase).isEmpty();
  }

  /**
   * The phrase, the phrase with its last word replaced by each of that word's lemmas and, for a
   * phrase of several words, with its first word replaced by each of its lemmas (a spinner inflects
   * the head of a verb phrase, its first word: "went on" for "go on").
   */
  private String[] lastWordForms(String phrase) {
    int sp = phrase.lastIndexOf(' ');
    String head = sp < 0 ? "" : phrase.substring(0, sp + 1);
    String[] last = forms(sp < 0 ? phrase : phrase.substring(sp + 1));
    String[] first = sp < 0 ? new String[1] : forms(phrase.substring(0, phrase.indexOf(' ')));
    String[] out = new String[last.length + first.length - 1];
    for (int i = 0; i < last.length; i++) {
      out[i] = head + last[i];
    }
    String tail = sp < 0 ? "" : phrase.substring(phrase.indexOf(' '));
    for (int i = 1; i < first.length; i++) {
      out[last.length + i - 1] = first[i] + tail;
    }
    return out;
  }

  /**
   * How many phrases of several words this view knows that start (or, with {@code first} false,
   * end) with {@code word} or one of its lemmas: the shape of a thesaurus's phrases ("be there",
   * "slow down" start with a verb; "political parties", "bank account" end with a noun).
   */
  public int phrasesWith(String word, boolean first) {
    Map<String, Integer> m = first ? phraseStarts : phraseEnds;
    int n = 0;
    for (String f : forms(word)) {
      n += m.getOrDefault(f, 0);
    }
    return n;
  }

  /** {@link #forms} of words, cached (the alignment asks for the same words again and again). */
  private final Map<String, String[]> formsCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** The word and its lemmas (the array is shared: do not change it). */
  private String[] forms(String word) {
    String[] c = formsCache.get(word);
    if (c != null) {
      return c;
    }
    String[] f = lemmaForms(word);
    if (formsCache.size() < MAX_CACHED) {
      formsCache.put(word, f);
    }
    return f;
  }

  private String[] lemmaForms(String word) {
    String[] out = {word, null, null};
    int[] n = {1};
    morphology.analyze(word, (lemma, inflection) -> {
      if (n[0] < out.length && !lemma.equals(out[0]) && !lemma.equals(out[1])) {
        out[n[0]++] = lemma;
      }
    });
    return n[0] == out.length ? out : java.util.Arrays.copyOf(out, n[0]);
  }

  private static boolean containsWord(String phrase, String word) {
    int i = phrase.indexOf(word);
    while (i >= 0) {
      int e = i + word.length();
      if ((i == 0 || phrase.charAt(i - 1) == ' ') && (e == phrase.length() || phrase.charAt(e) == ' ')) {
        return true;
      }
      i = phrase.indexOf(word, i + 1);
    }
    return false;
  }

  /** The index term of a word: its class as {@code "~id"}, else the word in lower case. */
  public String term(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    int c = classOf(lower);
    return c >= 0 ? "~" + c : lower;
  }
}
