package org.unspin.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class TracerTest {
  static final String[] DOCS = {
    "The central bank of Norway raised its key rate to 4.5 percent on Thursday, citing stubborn inflation. "
        + "Governor Ida Wolden Bache said further increases were likely. Economists had expected the move.",
    "Manchester United beat Chelsea 2-1 at Old Trafford on Sunday. Marcus Rashford scored the winner late in the "
        + "second half. The result lifts United to fourth place.",
    "Apple reported record quarterly revenue of 124 billion dollars, driven by strong iPhone sales in China. "
        + "Chief executive Tim Cook said supply problems had eased.",
    "Heavy rain caused flooding across northern England, and hundreds of homes were evacuated in Cumbria. "
        + "The Environment Agency issued several severe warnings.",
  };

  static void build(Path dir) {
    try (SourceIndexWriter w = SourceIndexWriter.create(dir, IndexOptions.defaults())) {
      for (int i = 0; i < DOCS.length; i++) {
        w.add("doc" + i, i == 2 ? "https://example.org/apple" : null, DOCS[i]);
      }
    }
  }

  @Test
  void findsTheSourceOfASpunCopyAndItsSubstitutions(@TempDir Path dir) {
    build(dir);
    String spun = "The main financial institution of Norway elevated its key rate to 4.5 percent on Thursday, "
        + "citing persistent inflation. Governor Ida Wolden Bache said additional increases were probable.";
    try (SourceIndex index = SourceIndex.open(dir)) {
      assertEquals(4, index.documentCount());
      TraceResult r = new Tracer(index, null).trace(spun, 3);
      SourceMatch best = r.best();
      assertEquals("doc0", best.id());
      assertTrue(best.coverage() > 0.99, "coverage " + best.coverage());
      assertTrue(best.substitutions().contains(new SubstitutionCount("elevated", "raised", 1)),
          best.substitutions().toString());
      assertTrue(best.substitutions().contains(new SubstitutionCount("probable", "likely", 1)),
          best.substitutions().toString());
      String json = r.toJson();
      assertTrue(json.startsWith("{\"matches\": [{\"id\": \"doc0\", \"score\": "), json);
      assertTrue(json.contains("\"passages\": [{\"start\": 0, "), json);
      assertTrue(json.contains("{\"surface\": \"elevated\", \"original\": \"raised\", \"count\": 1}"), json);
      assertTrue(json.contains("\"weak\": false"), json);
    }
  }

  @Test
  void jsonSaysWhenAnAlignmentIsTooWeakToBeASource() {
    java.util.function.DoubleFunction<String> json = support -> new TraceResult(java.util.List.of(new SourceMatch(
        "a", null, 0.5, 0.9, support, java.util.List.of(), java.util.List.of(), java.util.List.of(), "text")))
        .toJson();
    assertTrue(json.apply(SourceMatch.MIN_SUPPORT - 0.01).contains("\"weak\": true"));
    assertTrue(json.apply(SourceMatch.MIN_SUPPORT).contains("\"weak\": false"));
  }

  @Test
  void addingTheSameIdReplacesTheDocument(@TempDir Path dir) {
    build(dir);
    try (SourceIndexWriter w = SourceIndexWriter.append(dir)) {
      w.add("doc1", null, "Liverpool drew 0-0 with Arsenal at Anfield on Saturday evening in a dull match.");
      w.add("doc9", null, "A new document about Antarctic ice shelves and their retreat since 1990.");
    }
    try (SourceIndex index = SourceIndex.open(dir)) {
      assertEquals(5, index.documentCount());
      TraceResult r = new Tracer(index, null).trace("Liverpool drew 0-0 with Arsenal at Anfield.", 1);
      assertEquals("doc1", r.best().id());
      assertEquals(0, new Tracer(index, null).trace("Marcus Rashford scored the winner late.", 5).matches()
          .stream().filter(m -> m.id().equals("doc1")).count());
    }
  }

  @Test
  void textWithNoSourceFindsNothing(@TempDir Path dir) {
    build(dir);
    try (SourceIndex index = SourceIndex.open(dir)) {
      assertTrue(new Tracer(index, null).trace("Quantum chromodynamics describes gluons and quarks.", 5)
          .matches().isEmpty());
      assertEquals("{\"matches\": []}", new TraceResult(java.util.List.of()).toJson());
    }
  }

  @Test
  void openingADirectoryWithoutAnIndexNamesIt(@TempDir Path dir) {
    ModelException e = assertThrows(ModelException.class, () -> SourceIndex.open(dir.resolve("nothing")));
    assertTrue(e.getMessage().contains("nothing"), e.getMessage());
  }

  @Test
  void lexiconPhrasesCutLongChangedStretchesIntoTheSpinnersReplacements() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    assertTrue(classes.isEdge("an", "associate in nursing"));
    String src = "Growth was revised down from an earlier estimate of 1.7% in July.";
    String spun = "Growth was revised down from associate in nursing earlier estimate of 1.7% in July.";
    java.util.List<AlignedSubstitution> subs = Aligner.align(Words.of(spun), Words.of(src), classes).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("associate in nursing", subs.get(0).surface());
    assertEquals("an", subs.get(0).original());
    // an expansion that keeps the original word joins it: "social welfare" for "welfare"
    subs = Aligner.align(Words.of("Cuts to social welfare mean German consumers have kept their money."),
        Words.of("Cuts to welfare mean German consumers have kept their money."), classes).aligned();
    assertEquals(1, subs.size(), subs.toString());
    assertEquals("social welfare", subs.get(0).surface());
    assertEquals("welfare", subs.get(0).original());
  }
  @Test
  void segmentationCoversEverySpunWordRatherThanLeaveOneOutForAnotherPhrasePiece() {
    SynonymClasses classes = SourceIndex.classes(IndexOptions.defaults());
    // phrases of the lexicon on both sides and no edge between these words (a spinner with another
    // thesaurus): leaving "zorp" out would let both phrases be pieces ("in spades" for "glim",
    // "frob" for "TV shows"), but the spinner only substitutes: every spun word replaced something
    assertTrue(classes.isPhrase("in spades") && classes.isPhrase("tv shows"));
    assertTrue(!classes.isEdge("glim", "in spades") && !classes.isEdge("tv", "in spades"));
    String src = "They honour the best websites, glim TV shows and CD roms of the year.";
    String spun = "They honour the best websites, zorp in spades frob and CD roms of the year.";
    java.util.List<AlignedSubstitution> subs = Aligner.align(Words.of(spun), Words.of(src), classes).aligned();
    java.util.List<String> pairs = new java.util.ArrayList<>();
    for (AlignedSubstitution a : subs) {
      pairs.add(a.surface() + "<-" + a.original());
    }
    assertEquals(java.util.List.of("zorp<-glim", "in spades<-TV", "frob<-shows"), pairs);
  }
  @Test
  void phraseVocabularyComesFromTheViewsEdgesOnly() {
    org.unspin.lexicon.Lexicon lex = org.unspin.lexicon.Lexicon.loadDefault();
    SynonymClasses all = SourceIndex.classes(IndexOptions.defaults());
    for (String p : new String[] {"in spades", "at what time", "be there", "with regard to"}) {
      assertTrue(all.isKnownPhrase(p), p);
    }
    // the unknown spinner's setting: half of the entries held out of the view
    org.unspin.lexicon.LexiconDictionary kept = lex.dictionary().holdingOut(0.5, 7);
    SynonymClasses half = SynonymClasses.build(kept, 50, "half");
    boolean[] ends = new boolean[lex.phraseCount()];
    for (int p = 0; p < ends.length; p++) {
      for (int e = lex.edgeStart(p); e < lex.edgeEnd(p); e++) {
        if (kept.accepts(e)) {
          ends[p] = true;
          ends[lex.edgeTarget(e)] = true;
        }
      }
    }
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    java.util.Random rnd = new java.util.Random(seed);
    int in = 0;
    int out = 0;
    for (int t = 0; t < 5000; t++) {
      int p = rnd.nextInt(ends.length);
      // a phrase only held-out entries link stays invisible
      assertEquals(ends[p], half.inViewEdges(lex.phrase(p)), "seed=" + seed + " " + lex.phrase(p));
      if (ends[p]) {
        assertTrue(half.isKnownPhrase(lex.phrase(p)), "seed=" + seed + " " + lex.phrase(p));
      }
      in += ends[p] ? 1 : 0;
      out += ends[p] ? 0 : 1;
    }
    assertTrue(in > 0 && out > 0, "seed=" + seed + " in=" + in + " out=" + out);
  }
}
