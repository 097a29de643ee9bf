package org.unspin.records;

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
    assertTrue(why != null && why.startsWith("not English ("), String.valueOf(why));
    String russian = "Правительство во вторник одобрило новый закон о пенсионной реформе, который по данным "
        + "министерства вступит в силу в следующем году и прежде всего облегчит положение молодых работников, "
        + "как сообщил представитель в Москве на пресс конференции для журналистов и гостей.";
    assertTrue(EnglishGuess.problem(russian) != null);
  }

  @Test
  void shortTextsAlwaysPass() {
    assertNull(EnglishGuess.problem("Bonjour tout le monde."));
    assertNull(EnglishGuess.problem(""));
  }
}
