package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random toy thesauri for oracle tests: short words with endings that exercise the spelling rules. */
final class ToyLexicons {
  private static final String[] STEMS = {"ba", "cat", "stop", "hop", "hope", "cit", "tr", "bus", "box", "go", "run",
      "big", "nic", "happ", "di", "se", "occur", "visit", "lov", "wat", "fl", "pl", "ca", "do", "ma", "pre", "sh"};
  private static final String[] ENDINGS = {"", "", "y", "e", "s", "ch", "ed", "ing", "er", "est", "ie", "t", "ies",
      "n", "l", "o"};
  private static final Resource[] RES = Resource.values();
  private static final Relation[] REL = Relation.values();

  private ToyLexicons() {}

  static String word(Random r) {
    return STEMS[r.nextInt(STEMS.length)] + ENDINGS[r.nextInt(ENDINGS.length)];
  }

  /** A random toy lexicon; some phrases have 2-3 words, some irregular exceptions exist. */
  static Lexicon random(Random r, int phrases, int edges) {
    LexiconBuilder b = new LexiconBuilder();
    b.info("toy");
    List<String> list = new ArrayList<>();
    for (int i = 0; i < phrases; i++) {
      int words = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(2);
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          sb.append(' ');
        }
        sb.append(word(r));
      }
      String p = sb.toString();
      int pos = r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(15);
      b.pos(p, pos);
      list.add(p);
    }
    for (int i = 0; i < edges; i++) {
      String from = list.get(r.nextInt(list.size()));
      String to = list.get(r.nextInt(list.size()));
      b.edge(from, to, RES[r.nextInt(RES.length)], REL[r.nextInt(REL.length)], 1 << r.nextInt(4), 1 + r.nextInt(9),
          r.nextInt(4));
    }
    int[] posBits = {Pos.NOUN, Pos.VERB, Pos.ADJ, Pos.ADV};
    for (int i = 0; i < 12; i++) {
      b.exception(posBits[r.nextInt(4)], word(r), word(r));
    }
    for (int i = 0; i < b.phraseCount(); i++) {
      if (r.nextBoolean()) {
        b.addCount(i, 1 + r.nextInt(10000));
      }
    }
    return b.build();
  }
}
