package org.unspin.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnglishGuessTest {
  @Test
  void englishProseAndScienceAbstractsPass() {
    assertNull(EnglishGuess.problem("The central bank raised interest rates on Tuesday, saying that inflation had "
        + "stayed above its target for most of the year. Markets fell after the announcement, and analysts said "
        + "that a further rise was likely in the spring if prices kept climbing."));
    assertNull(EnglishGuess.problem("We propose a convolutional network for image segmentation. The model is "
        + "trained on a large data set and evaluated on three benchmarks, where it improves the accuracy of the "
        + "previous methods by a wide margin while using fewer parameters."));
  }

  @Test
  void otherLanguagesAreRefusedWithTheShareInTheReason() {
    String german = "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Reform der Rente beschlossen, das nach "
        + "Angaben des Ministeriums im kommenden Jahr in Kraft treten soll und vor allem junge Beschäftigte "
        + "entlasten wird, wie ein Sprecher in Berlin mitteilte.";
    String why = EnglishGuess.problem(german);
    assertTrue(why != null && why.startsWith("not English (")
        && why.contains("% function words of other languages in 38 words"), String.valueOf(why));
    String french = "Le gouvernement a annonc\u00e9 mardi une nouvelle r\u00e9forme des retraites qui sera "
        + "pr\u00e9sent\u00e9e au conseil des ministres la semaine prochaine, selon le porte-parole du "
        + "gouvernement, qui a pr\u00e9cis\u00e9 que les syndicats seront re\u00e7us avant la fin du mois.";
    assertTrue(EnglishGuess.problem(french) != null);
    String russian = "Правительство во вторник одобрило новый закон о пенсионной реформе, который по данным "
        + "министерства вступит в силу в следующем году и прежде всего облегчит положение молодых работников, "
        + "как сообщил представитель в Москве на пресс конференции для журналистов и гостей.";
    assertTrue(EnglishGuess.problem(russian).contains("another script"), EnglishGuess.problem(russian));
  }

  @Test
  void textsInScriptsWithoutSpacesAreRefusedThoughTheyHaveFewWords() {
    // Chinese and Japanese write no spaces: a paragraph is a handful of "words" by the spaces test.
    String chinese = "这是一个中文句子，用来测试系统"
        + "如何处理非英语文本。我们希望它能给"
        + "出清晰的错误信息。";
    String why = EnglishGuess.problem(chinese);
    assertTrue(why != null && why.startsWith("not English (") && why.contains("another script"), String.valueOf(why));
    String japanese = "政府は火曜日、年金改革に関する"
        + "新しい法律を承認しました。";
    assertTrue(EnglishGuess.problem(japanese) != null, "Japanese");
    // A few letters of another script in English text, or a short phrase alone, still pass.
    assertNull(EnglishGuess.problem("The word 中文 means the Chinese language, and the sign λ marks "
        + "the wavelength in the formula that the authors give in the second section of their paper."));
    assertNull(EnglishGuess.problem("中文句子"));
  }

  static final String TABLE = "COBANCO INC YEAR NET\nShr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\n"
      + "Assets 510.2 mln vs 479.7 mln\nDeposits 472.3 mln vs 440.3 mln\nLoans 299.2 mln vs 327.2 mln\n"
      + "Revenues 20.9 mln vs 19.6 mln\nQuarterly dividend three cts vs three cts prior\nProfit two cts vs profit "
      + "34 cts\nNet profit 215,000 vs 4,647,000\nSales 93.4 mln vs 98.7 mln\nRecord date April 17";

  @Test
  void englishTablesAndListsPassThoughTheyHaveFewFunctionWords() {
    assertNull(EnglishGuess.problem(TABLE));
  }

  @Test
  void veryShortTextsAlwaysPass() {
    assertNull(EnglishGuess.problem("Bonjour tout le monde."));
    assertNull(EnglishGuess.problem("Die Katze ist auf dem Tisch und der Hund im Garten."));
    assertNull(EnglishGuess.problem(""));
  }

  @Test
  void aShortTextInAnotherLanguageIsRefusedWhenItsForeignFunctionWordsAreMany() {
    // 26 words: past the detector's 20-word minimum, so it was given a verdict ("clean") before.
    String german = "Die Zentralbank hat am Donnerstag die Zinsen um einen halben Prozentpunkt erhöht, ihre dritte "
        + "Erhöhung in diesem Jahr, da die Politik versucht, die Preise zu dämpfen.";
    String why = EnglishGuess.problem(german);
    assertTrue(why != null && why.startsWith("not English") && why.contains("in 26 words"), why);
    String spanish = "El banco central subió los tipos de interés por tercera vez en este año para frenar los precios "
        + "que suben más que los salarios.";
    assertTrue(EnglishGuess.problem(spanish) != null, "Spanish, 23 words");
  }

  @Test
  void moreLanguagesInLatinScriptAreRefused() throws Exception {
    // Before session 22 each of these got a verdict ("clean") from check.
    int n = 0;
    try (var in = EnglishGuessTest.class.getResourceAsStream("other-languages.tsv")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String why = EnglishGuess.problem(f[1]);
        assertTrue(why != null && why.contains("function words of other languages"), f[0] + ": " + why);
        n++;
      }
    }
    assertEquals(8, n);
  }

  @Test
  void shortEnglishWithAFewForeignLookingWordsPasses() {
    // Headlines: few English function words, and "die", "con", "den", "es" collide with the foreign lists.
    assertNull(EnglishGuess.problem("Stocks tumble; Fed signals hikes. Dow drops 500 points. Pros and con men: "
        + "investors die laughing. Lion den tours. Es Devlin designs stage."));
    assertNull(EnglishGuess.problem("Deutsche Bank chief says Der Spiegel report on bank losses is wrong, and the "
        + "paper stands by it."));
    // A list of references: "et al." is Latin in English text, not French and Spanish
    assertNull(EnglishGuess.problem("Smith J, Lee K, et al. Deep nets. Nature 2020. Jones P, et al. Graph models. "
        + "Science 2019. Brown T, et al. Cells. Cell 2018. Wu Y, et al. Maps. PNAS 2017."));
  }

  private static java.util.Map<String, java.util.Set<String>> lists(String text) throws Exception {
    return EnglishGuess.readLists(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "words.txt");
  }

  @Test
  void wordListsAreReadFromTheDataFileAndCheckedForMistakes() throws Exception {
    java.util.Map<String, java.util.Set<String>> m = lists("# c\nenglish\tthe of\nforeign\tle la le\n");
    assertEquals(java.util.Set.of("the", "of"), m.get("english"));
    assertEquals(java.util.Set.of("le", "la"), m.get("foreign"));
    for (String bad : new String[] {"english\tthe\n", "english\tthe\nforeign\tthe\n", "english the\nforeign\tle\n",
        "english\tthe\nenglish\tof\nforeign\tle\n"}) {
      org.unspin.api.ModelException e = org.junit.jupiter.api.Assertions.assertThrows(
          org.unspin.api.ModelException.class, () -> lists(bad), bad);
      assertTrue(e.getMessage().startsWith("words.txt: "), e.getMessage());
    }
  }
}
