package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A forward view of a {@link Lexicon}: the edges of a subset of resources, optionally without a
 * seeded random fraction of entries. An <em>entry</em> is one resource's listing of one (original,
 * replacement) edge: WordNet's "bank -> depository" and Moby's "bank -> depository" are two
 * entries, held out independently. {@link #holdingOut} keeps the others and {@link #heldOut()} is
 * the complementary view, so a simulator can draw spins from entries a candidate generator is not
 * given (the "unknown spinner" setting), and the generator still finds an edge that another
 * resource also lists. Immutable and thread-safe.
 */
public final class LexiconDictionary implements SynonymDictionary {
  private final Lexicon lexicon;
  private final int resourceMask;
  private final double holdOut;
  private final long seed;
  private final boolean complement;
  private final int[] fanOut;
  /** Per phrase: how many of its replacements this view has as WordNet synonyms (hypernyms left out). */
  private final int[] wordnetFanOut;
  /** Per phrase: its first replacement's edge in this view (the one a "first synonym" spinner picks), -1 when none. */
  private final int[] firstEdge;
  /** Per phrase: {@link #inverseFanIn} plus 1, counted on first use (0: not yet). */
  private final int[] inverseFanIn;
  private volatile List<String> headwords;
  private volatile ReverseLexicon reverse;
  private volatile SecondOrder secondOrder;

  LexiconDictionary(Lexicon lexicon, int resourceMask, double holdOut, long seed, boolean complement) {
    if (!(holdOut >= 0.0 && holdOut < 1.0)) {
      throw new IllegalArgumentException("holdOut: must be in [0, 1) (got " + holdOut + ")");
    }
    if (resourceMask == 0) {
      throw new IllegalArgumentException("resourceMask: no resource selected");
    }
    this.lexicon = lexicon;
    this.resourceMask = resourceMask;
    this.holdOut = holdOut;
    this.seed = seed;
    this.complement = complement;
    int n = lexicon.phraseCount();
    fanOut = new int[n];
    wordnetFanOut = new int[n];
    firstEdge = new int[n];
    inverseFanIn = new int[n];
    for (int p = 0; p < n; p++) {
      int c = 0;
      int wn = 0;
      int first = -1;
      for (int e = lexicon.edgeStart(p), end = lexicon.edgeEnd(p); e < end; e++) {
        int res = resources(e, lexicon.info(e));
        if (res != 0) {
          if (c == 0) {
            first = e;
          }
          c++;
          if (wordnetSynonym(res, lexicon.info(e))) {
            wn++;
          }
        }
      }
      fanOut[p] = c;
      wordnetFanOut[p] = wn;
      firstEdge[p] = first;
    }
  }

  /** The lexicon this view reads. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /** The same entries restricted to {@code resources}. */
  public LexiconDictionary withResources(Set<Resource> resources) {
    return new LexiconDictionary(lexicon, Resource.mask(resources), holdOut, seed, complement);
  }

  /**
   * A view without a seeded random {@code fraction} of this view's entries (each resource's listing
   * of an edge decided independently); the same fraction and seed always remove the same entries of
   * the same lexicon file.
   */
  public LexiconDictionary holdingOut(double fraction, long seed) {
    return new LexiconDictionary(lexicon, resourceMask, fraction, seed, false);
  }

  /** The entries {@link #holdingOut} removed (empty if this view holds nothing out). */
  public LexiconDictionary heldOut() {
    return new LexiconDictionary(lexicon, resourceMask, holdOut, seed, true);
  }

  /** Mask of the resources in this view. */
  public int resourceMask() {
    return resourceMask;
  }

  /** Whether edge {@code edge} of the lexicon belongs to this view (through at least one resource). */
  public boolean accepts(int edge) {
    return accepts(edge, lexicon.info(edge));
  }

  /** {@link #accepts(int)} for an edge whose info the caller already has. */
  public boolean accepts(int edge, int info) {
    return resources(edge, info) != 0;
  }

  /**
   * The resources through which this view has edge {@code edge} (0 if none): the edge's resources
   * in the view's subset, less (or, for {@link #heldOut()}, only) those whose listing of the edge is
   * held out.
   */
  public int resources(int edge, int info) {
    int res = Lexicon.resources(info) & resourceMask;
    if (res == 0 || holdOut == 0.0) {
      return complement ? 0 : res;
    }
    int out = 0;
    for (int bits = res; bits != 0; bits &= bits - 1) {
      int bit = Integer.lowestOneBit(bits);
      if (held(edge, Integer.numberOfTrailingZeros(bit)) == complement) {
        out |= bit;
      }
    }
    return out;
  }

  private boolean held(int edge, int resource) {
    long h = ((edge + 1L) * 8 + resource) * 0x9E3779B97F4A7C15L ^ seed;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < holdOut;
  }

  /**
   * The edge of phrase {@code id}'s first replacement in this view (forward order: the one a spinner
   * that always takes the first synonym writes, {@link #synonyms(String)}'s first), or -1 when it has
   * none.
   */
  public int firstEdge(int id) {
    return firstEdge[id];
  }

  /**
   * The place of {@code edge} among phrase {@code id}'s replacements in this view (forward order,
   * 0 for the first), counting at most {@code cap}: {@code cap} for any later place. The edge must
   * be one of {@code id}'s.
   */
  public int position(int id, int edge, int cap) {
    int place = 0;
    for (int e = lexicon.edgeStart(id); e < edge && place < cap; e++) {
      if (resources(e, lexicon.info(e)) != 0) {
        place++;
      }
    }
    return place;
  }

  /** How many replacements phrase {@code id} has in this view (a spinner picks one of them). */
  public int fanOut(int id) {
    return fanOut[id];
  }

  /**
   * How many phrases list phrase {@code id} among their replacements in this view without {@code id}
   * listing them back: the originals an inverse candidate ("this phrase was spun into one that lists
   * it") may stand for. Counted on first use (a benign race: every thread counts the same number).
   */
  public int inverseFanIn(int id) {
    int v = inverseFanIn[id];
    if (v == 0) {
      int m = 0;
      for (int p = lexicon.reverseStart(id), end = lexicon.reverseEnd(id); p < end; p++) {
        int e = lexicon.reverseEdge(p);
        if (resources(e, lexicon.reverseInfo(p)) == 0) {
          continue;
        }
        int t = lexicon.twin(e);
        if (t < 0 || resources(t, lexicon.info(t)) == 0) {
          m++;
        }
      }
      v = m + 1;
      inverseFanIn[id] = v;
    }
    return v - 1;
  }

  /**
   * Whether an edge that this view has through {@code resources}, with lexicon info {@code info}, is
   * a WordNet synonym: WordNet lists it, and not as a hypernym.
   */
  static boolean wordnetSynonym(int resources, int info) {
    return (resources & Resource.WORDNET.bit()) != 0 && Lexicon.relation(info) != Relation.HYPERNYM;
  }

  /**
   * How many of phrase {@code id}'s replacements in this view are WordNet synonyms: the same synset
   * or similar-to, not hypernyms (a spinner whose dictionary is WordNet's synonyms picks among those).
   */
  public int wordnetFanOut(int id) {
    return wordnetFanOut[id];
  }

  @Override
  public List<String> synonyms(String phrase) {
    int id = lexicon.find(phrase);
    if (id < 0 || fanOut[id] == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(fanOut[id]);
    for (int e = lexicon.edgeStart(id), end = lexicon.edgeEnd(id); e < end; e++) {
      if (accepts(e)) {
        out.add(lexicon.phrase(lexicon.edgeTarget(e)));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>An edge agrees when the sense that links the two phrases has one of {@code pos}; an edge
   * without a sense (Moby) agrees when neither phrase has a known part of speech outside {@code
   * pos} ({@link Lexicon#pos} is 0 or shares a bit with {@code pos}).
   */
  @Override
  public List<String> synonyms(String phrase, int pos) {
    int id = lexicon.find(phrase);
    if (id < 0 || fanOut[id] == 0) {
      return List.of();
    }
    int own = lexicon.pos(id);
    boolean ownAgrees = own == 0 || (own & pos) != 0;
    List<String> out = new ArrayList<>();
    for (int e = lexicon.edgeStart(id), end = lexicon.edgeEnd(id); e < end; e++) {
      int info = lexicon.info(e);
      if (!accepts(e, info)) {
        continue;
      }
      int sense = Lexicon.sensePos(info);
      int target = lexicon.edgeTarget(e);
      int tp = lexicon.pos(target);
      boolean agrees = sense != 0 ? (sense & pos) != 0 : ownAgrees && (tp == 0 || (tp & pos) != 0);
      if (agrees) {
        out.add(lexicon.phrase(target));
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<String> headwords() {
    List<String> h = headwords;
    if (h == null) {
      List<String> out = new ArrayList<>();
      for (int p = 0; p < fanOut.length; p++) {
        if (fanOut[p] > 0) {
          out.add(lexicon.phrase(p));
        }
      }
      h = Collections.unmodifiableList(out);
      headwords = h;
    }
    return h;
  }

  /** The reverse index over this view, with morphology and spinner mismatches on. */
  public ReverseLexicon reverse() {
    ReverseLexicon r = reverse;
    if (r == null) {
      r = new ReverseLexicon(this, ReverseLexicon.Options.DEFAULT);
      reverse = r;
    }
    return r;
  }

  /**
   * The second-order candidates of this view with {@code max} per surface lemma, shared by every
   * reverse index over the view so that their cache fills once (the last {@code max} asked is kept).
   */
  SecondOrder secondOrder(int max) {
    SecondOrder so = secondOrder;
    if (so == null || so.max() != max) {
      synchronized (this) {
        so = secondOrder;
        if (so == null || so.max() != max) {
          so = new SecondOrder(this, max);
          if (lexicon.shipped() && holdOut == 0.0 && !complement && SECOND_ORDER_TABLE) {
            so.useTable(SecondOrderTable.openOrBuild(so, org.unspin.lm.DefaultModels.cacheDirectory()));
          }
          secondOrder = so;
        }
      }
    }
    return so;
  }

  /**
   * Whether the shipped lexicon's views without held-out entries read their second-order entries
   * from a {@link SecondOrderTable} in the model cache directory (system property {@code
   * unspin.secondOrderTable}, default true; the entries are the same either way).
   */
  private static final boolean SECOND_ORDER_TABLE =
      !"false".equals(System.getProperty("unspin.secondOrderTable", "true"));

  /** What decides which entries this view holds out (0 if none), for cache keys. */
  long holdOutKey() {
    if (holdOut == 0.0) {
      return complement ? 1 : 0;
    }
    return Double.doubleToLongBits(holdOut) * 31 + seed * 7 + (complement ? 1 : 2);
  }

  /** The reverse index over this view with the given options. */
  public ReverseLexicon reverse(ReverseLexicon.Options options) {
    return new ReverseLexicon(this, options);
  }
}
