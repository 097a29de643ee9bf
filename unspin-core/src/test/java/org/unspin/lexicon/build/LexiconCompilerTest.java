package org.unspin.lexicon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Resource;

class LexiconCompilerTest {
  static Path res(String name) {
    try {
      return Path.of(LexiconCompilerTest.class.getResource("/org/unspin/lexicon/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Lexicon compileFixtures(Path wordNet, Path corpus) throws IOException {
    return LexiconCompiler.compile(new LexiconCompiler.Config(wordNet, res("moby-mini.txt"),
        res("british-mini.txt"), res("american-mini.txt"), corpus, 1_000_000));
  }

  @Test
  void readsWordNetSynsetsHypernymsSimilarAndSenseOrder() throws IOException {
    Lexicon lex = compileFixtures(res("wn-mini"), null);
    var wn = lex.dictionary().withResources(Set.of(Resource.WORDNET));
    assertEquals(List.of("slope", "depository financial institution", "banking concern", "financial institution",
        "financial organization"), wn.synonyms("bank"));
    assertEquals(List.of("big", "large"), wn.synonyms("galore"), "adjective marker (ip) stripped, similar-to kept");
    assertEquals(List.of("quit"), wn.synonyms("give up"));
    assertEquals(Pos.NOUN, lex.pos(lex.find("bank")));
    assertEquals(Pos.ADJ, lex.pos(lex.find("big")));
    assertEquals(Pos.VERB, lex.pos(lex.find("give up")));
    assertTrue(lex.info().contains("WordNet wn-mini: 8 synsets"), lex.info());
  }

  @Test
  void readsMobySpellingAndNumbers() throws IOException {
    Lexicon lex = compileFixtures(res("wn-mini"), null);
    assertEquals(List.of("slope", "acclivity"), lex.dictionary().withResources(Set.of(Resource.MOBY))
        .synonyms("bank"), "edges WordNet also lists come first; phrases over three words dropped");
    var spelling = lex.dictionary().withResources(Set.of(Resource.SPELLING));
    assertEquals(List.of("color"), spelling.synonyms("colour"));
    assertEquals(List.of("colour"), spelling.synonyms("color"));
    assertEquals(List.of("center"), spelling.synonyms("centre"));
    assertEquals(List.of("organize"), spelling.synonyms("organise"));
    assertEquals(List.of("traveled"), spelling.synonyms("travelled"));
    assertEquals(List.of(), spelling.synonyms("cat"));
    assertEquals(List.of("0"), lex.dictionary().synonyms("two"));
  }

  @Test
  void lemmatizesWithTheExceptionLists() throws IOException {
    Lexicon lex = compileFixtures(res("wn-mini"), null);
    List<String> out = new ArrayList<>();
    lex.dictionary().reverse().candidates("gave up", c -> out.add(c.original()));
    assertEquals(List.of("quit"), out, "quit -> give up, inflected like 'gave': irregular past of quit");
    assertEquals("children", lex.morphology().inflect("child", org.unspin.lexicon.Inflection.PLURAL));
  }

  @Test
  void readsWordNetFromAJarAsMavenShipsIt(@TempDir Path tmp) throws IOException {
    Path jar = tmp.resolve("wn.jar");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      try (var files = Files.list(res("wn-mini"))) {
        for (Path f : files.sorted().toList()) {
          z.putNextEntry(new ZipEntry("net/sf/extjwnl/data/wordnet/wn31/" + f.getFileName()));
          z.write(Files.readAllBytes(f));
          z.closeEntry();
        }
      }
    }
    Lexicon fromJar = compileFixtures(jar, null);
    Lexicon fromDir = compileFixtures(res("wn-mini"), null);
    assertEquals(fromDir.dictionary().headwords(), fromJar.dictionary().headwords());
  }

  @Test
  void countsPhraseFrequenciesIntoClasses(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.txt"), "The bank of the river. The bank is a financial institution.\n"
        + "The bank, the bank and the slope.\n");
    Lexicon lex = compileFixtures(res("wn-mini"), tmp);
    assertEquals(0, lex.freqClass(lex.find("bank")), "most frequent phrase");
    assertEquals(2, lex.freqClass(lex.find("slope")), "4 times rarer than bank");
    assertEquals(2, lex.freqClass(lex.find("financial institution")), "multiword phrases counted");
    assertEquals(Lexicon.UNSEEN, lex.freqClass(lex.find("acclivity")));
  }

  @Test
  void compilingTwiceGivesTheSameBytes(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.txt"), "The bank of the river.\n");
    java.io.ByteArrayOutputStream a = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    compileFixtures(res("wn-mini"), tmp).write(a);
    compileFixtures(res("wn-mini"), tmp).write(b);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.toByteArray(), b.toByteArray());
  }

  @Test
  void keepsTheLicenceNoticesInTheInfoText() throws IOException {
    Lexicon lex = compileFixtures(res("wn-mini"), null);
    assertTrue(lex.info().contains("  | A hand-written WordNet-format fixture"), lex.info());
    assertTrue(lex.info().contains("Moby Thesaurus II by Grady Ward"), lex.info());
    assertTrue(lex.info().contains("Copyright 2000-2011 by Kevin Atkinson"), lex.info());
  }

  @Test
  void rejectsAFolderWithoutWordNet(@TempDir Path tmp) {
    ModelException e = assertThrows(ModelException.class, () -> compileFixtures(tmp, null));
    assertTrue(e.getMessage().contains("no WordNet data.noun"), e.getMessage());
  }

  @Test
  void rejectsMalformedUtf8InACorpus(@TempDir Path tmp) throws IOException {
    try (OutputStream o = Files.newOutputStream(tmp.resolve("bad.txt"))) {
      o.write(new byte[] {'b', 'a', 'n', 'k', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    }
    assertThrows(java.nio.charset.MalformedInputException.class, () -> compileFixtures(res("wn-mini"), tmp));
  }

  @Test
  void normalizesEntriesToLmForms() {
    assertEquals("financial institution", LexiconBuilder.normalize("Financial_Institution"));
    assertEquals("00", LexiconBuilder.normalize("23"));
    assertEquals(null, LexiconBuilder.normalize("a very long phrase"));
    assertEquals(null, LexiconBuilder.normalize("  "));
  }
}
