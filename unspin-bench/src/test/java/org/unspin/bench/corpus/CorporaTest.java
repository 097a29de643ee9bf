package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
  private static final Set<CorpusSource> ALL = EnumSet.allOf(CorpusSource.class);

  @Test
  void splitsPartitionTheUsableDocuments() throws IOException {
    List<String> usable = new ArrayList<>();
    for (Document d : Fixtures.readAll(Corpora.open(Fixtures.corpora(), ALL, null, null))) {
      usable.add(d.id());
    }
    assertEquals(8, usable.size(), usable.toString());
    Set<String> union = new HashSet<>();
    int total = 0;
    for (Split s : Split.values()) {
      Corpora.Counts counts = new Corpora.Counts();
      for (Document d : Fixtures.readAll(Corpora.open(Fixtures.corpora(), ALL, s, counts))) {
        assertEquals(s, Split.of(d.id()), d.id());
        union.add(d.id());
        total++;
      }
      assertEquals(12, counts.read());
      assertEquals(4, counts.tooShort());
      assertEquals(8, counts.returned() + counts.otherSplit());
    }
    assertEquals(usable.size(), total);
    assertEquals(new HashSet<>(usable), union);
  }

  @Test
  void keepRuleDropsDocumentsUnderTwentyWords() throws IOException {
    List<Document> all = new ArrayList<>();
    for (CorpusSource s : ALL) {
      all.addAll(Fixtures.readAll(s.open(Fixtures.corpora())));
    }
    for (Document d : all) {
      assertEquals(d.wordCount() >= Corpora.MIN_WORDS, Corpora.isUsable(d), d.id());
    }
    assertTrue(all.stream().anyMatch(d -> d.id().equals("bbc/business/003") && !Corpora.isUsable(d)));
    assertTrue(all.stream().anyMatch(d -> d.id().equals("agnews/4") && !Corpora.isUsable(d)));
  }

  @Test
  void readingTwiceGivesTheSameDocuments() throws IOException {
    List<Document> a = Fixtures.readAll(Corpora.open(Fixtures.corpora(), ALL, Split.TRAIN, null));
    List<Document> b = Fixtures.readAll(Corpora.open(Fixtures.corpora(), ALL, Split.TRAIN, null));
    assertEquals(a, b);
  }

  @Test
  void sourceSelectionIsRespected() throws IOException {
    for (Document d : Fixtures.readAll(Corpora.open(Fixtures.corpora(), EnumSet.of(CorpusSource.AGNEWS), null, null))) {
      assertEquals("agnews", d.source());
    }
  }

  @Test
  void missingCorpusIsReportedBeforeReading(@TempDir Path empty) {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Corpora.open(empty, ALL, Split.TEST, null));
    assertTrue(e.getMessage().contains("bbc"), e.getMessage());
  }

  @Test
  void sourceListParsingNamesTheBadValue() {
    assertEquals(EnumSet.of(CorpusSource.BBC, CorpusSource.AGNEWS), CorpusSource.parseList("agnews, BBC"));
    assertEquals(ALL, CorpusSource.parseList(""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CorpusSource.parseList("bbc,wiki"));
    assertTrue(e.getMessage().contains("'wiki'"), e.getMessage());
  }

  @Test
  void wordCountCountsRunsOfLettersAndDigits() {
    assertEquals(5, new Document("x/1", "It's 3.5 -- ok!").wordCount());
    assertEquals(0, new Document("x/2", " ... ").wordCount());
  }

  @Test
  void documentRejectsBlankIdNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Document(" ", "t"));
    assertTrue(e.getMessage().contains("id"), e.getMessage());
  }
}
