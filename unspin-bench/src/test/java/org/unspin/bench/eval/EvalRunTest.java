package org.unspin.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;

class EvalRunTest {
  @Test
  void knownConsistentAndProtectedSettingsGiveSpinnerAndRestorerTheFullLexicon() {
    LexiconDictionary full = Lexicon.loadDefault().dictionary();
    for (EvalSetting setting : List.of(EvalSetting.KNOWN, EvalSetting.CONSISTENT, EvalSetting.PROTECTED,
        EvalSetting.SPARING)) {
      LexiconDictionary[] v = EvalRun.views(setting, full, 0.25, 1);
      assertSame(full, v[0], setting.label());
      assertSame(full, v[1], setting.label());
    }
    assertEquals(EvalSetting.CONSISTENT, EvalSetting.parse(" Consistent "));
    assertEquals("consistent", EvalSetting.CONSISTENT.label());
    assertEquals(EvalSetting.PROTECTED, EvalSetting.parse("PROTECTED"));
    assertEquals(EvalSetting.SPARING, EvalSetting.parse("sparing"));
  }

  @Test
  void unknownSpinnerDrawsFromAboutAQuarterOfTheEntriesAndTheRestorerFromTheRest() {
    LexiconDictionary full = Lexicon.loadDefault().dictionary();
    LexiconDictionary[] v = EvalRun.views(EvalSetting.UNKNOWN, full, 0.25, 1);
    List<String> heads = full.headwords();
    long spinner = 0;
    long all = 0;
    for (int i = 0; i < heads.size(); i += 50) {
      String h = heads.get(i);
      List<String> f = full.synonyms(h);
      Set<String> union = new HashSet<>(v[0].synonyms(h));
      union.addAll(v[1].synonyms(h));
      // every synonym of the full view is still reachable through one of the two views, and nothing else
      assertEquals(new HashSet<>(f), union, h);
      all += f.size();
      spinner += v[0].synonyms(h).size();
    }
    double share = (double) spinner / all;
    // entries are held out per resource, so a synonym listed by two resources can be on both sides
    assertTrue(share > 0.15 && share < 0.4, "spinner share " + share + " of " + all);
  }
}
