package org.unspin.lexicon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconCacheTest {
  static byte[] compressed(Lexicon lex) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lex.write(out);
    return out.toByteArray();
  }

  static List<Path> cacheFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ulc")).toList();
    }
  }

  /** Every array, and the look-ups, of {@code b} are those of {@code a}. */
  static void assertSameLexicon(Lexicon a, Lexicon b) {
    Lexicon.Parts x = a.parts();
    Lexicon.Parts y = b.parts();
    assertEquals(x.info(), y.info());
    assertArrayEquals(x.phrases(), y.phrases());
    assertArrayEquals(x.pos(), y.pos());
    assertArrayEquals(x.freq(), y.freq());
    assertArrayEquals(x.excPos(), y.excPos());
    assertArrayEquals(x.excInflected(), y.excInflected());
    assertArrayEquals(x.excLemma(), y.excLemma());
    for (int[][] pair : new int[][][] {{x.edgeStart(), y.edgeStart()}, {x.edgeTarget(), y.edgeTarget()},
        {x.edgeInfo(), y.edgeInfo()}, {x.edgeSource(), y.edgeSource()}, {x.revStart(), y.revStart()},
        {x.revEdge(), y.revEdge()}, {x.revSource(), y.revSource()}, {x.revInfo(), y.revInfo()},
        {x.inverseOrder(), y.inverseOrder()}, {x.twin(), y.twin()},
        {x.tables().table().slots(), y.tables().table().slots()}, {x.tables().heads().slots(),
            y.tables().heads().slots()}, {x.tables().tails().slots(), y.tables().tails().slots()}}) {
      assertArrayEquals(pair[0], pair[1]);
    }
    assertArrayEquals(x.edgeBucket(), y.edgeBucket());
    assertArrayEquals(x.inverseBucket(), y.inverseBucket());
    assertArrayEquals(x.tables().heads().phrases(), y.tables().heads().phrases());
    assertArrayEquals(x.tables().tails().phrases(), y.tables().tails().phrases());
    assertArrayEquals(x.tables().pairs().bits(), y.tables().pairs().bits());
    for (int p = 0; p < a.phraseCount(); p++) {
      assertEquals(a.dictionary().synonyms(a.phrase(p)), b.dictionary().synonyms(b.phrase(p)));
    }
  }

  @Test
  void theSecondLoadReadsTheFileTheFirstWroteAndGetsTheSameLexicon(@TempDir Path dir) throws IOException {
    Lexicon original = ToyLexicons.random(new Random(11), 400, 2000);
    byte[] bytes = compressed(original);
    Lexicon first = LexiconCache.load(bytes, "toy.lex", dir);
    List<Path> files = cacheFiles(dir);
    assertEquals(1, files.size(), "the first load writes the cache");
    assertNotNull(LexiconCache.read(files.get(0), LexiconCache.key(bytes)), "the file reads back");
    Lexicon second = LexiconCache.load(bytes, "toy.lex", dir);
    assertSameLexicon(original, first);
    assertSameLexicon(original, second);
    assertEquals(files, cacheFiles(dir), "no new file on a hit");
  }

  @Test
  void anotherLexiconGetsAnotherFile(@TempDir Path dir) throws IOException {
    byte[] a = compressed(ToyLexicons.random(new Random(1), 100, 300));
    byte[] b = compressed(ToyLexicons.random(new Random(2), 100, 300));
    assertNotEquals(LexiconCache.key(a), LexiconCache.key(b));
    LexiconCache.load(a, "a.lex", dir);
    LexiconCache.load(b, "b.lex", dir);
    assertEquals(2, cacheFiles(dir).size());
  }

  @Test
  void aDamagedOrTruncatedFileIsRebuiltAndTheLexiconIsTheSame(@TempDir Path dir) throws IOException {
    Lexicon original = ToyLexicons.random(new Random(5), 300, 1200);
    byte[] bytes = compressed(original);
    LexiconCache.load(bytes, "toy.lex", dir);
    Path file = cacheFiles(dir).get(0);
    byte[] good = Files.readAllBytes(file);
    int[] spoiled = {8, 20, 40, good.length / 3, good.length / 2, good.length - 5};
    for (int at : spoiled) {
      byte[] bad = good.clone();
      bad[at] ^= 0x20;
      Files.write(file, bad);
      assertNull(LexiconCache.read(file, LexiconCache.key(bytes)), "byte " + at + " changed");
      assertSameLexicon(original, LexiconCache.load(bytes, "toy.lex", dir));
      assertArrayEquals(good, Files.readAllBytes(file), "rewritten after byte " + at + " changed");
    }
    for (int cut : new int[] {0, 10, good.length / 2, good.length - 1}) {
      Files.write(file, java.util.Arrays.copyOf(good, cut));
      assertSameLexicon(original, LexiconCache.load(bytes, "toy.lex", dir));
      assertArrayEquals(good, Files.readAllBytes(file), "rewritten after a cut at " + cut);
    }
  }

  @Test
  void aDirectoryThatCannotBeWrittenLeavesTheLexiconAsItIs(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    Lexicon original = ToyLexicons.random(new Random(8), 200, 600);
    assertSameLexicon(original, LexiconCache.load(compressed(original), "toy.lex", notADirectory.resolve("cache")));
    assertTrue(Files.isRegularFile(notADirectory));
  }
}
