package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DictionarySplitTest {

  @Test
  void splitIsDisjointCompleteStableAndNearTheShare() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < 4000; i++) {
      m.put("w" + i, List.of("s" + i));
    }
    TsvSynonymDictionary d = new TsvSynonymDictionary(m);
    DictionarySplit a = DictionarySplit.of(d, 0.25, 9);
    DictionarySplit b = DictionarySplit.of(d, 0.25, 9);
    assertEquals(a.heldOut().headwords(), b.heldOut().headwords());
    Set<String> all = new HashSet<>(a.kept().headwords());
    all.addAll(a.heldOut().headwords());
    assertEquals(4000, all.size());
    assertEquals(4000, a.kept().headwords().size() + a.heldOut().headwords().size());
    int held = a.heldOut().headwords().size();
    assertTrue(held > 850 && held < 1150, "held out " + held);
    String h = a.heldOut().headwords().get(0);
    assertEquals(List.of(), a.kept().synonyms(h));
    assertEquals(d.synonyms(h), a.heldOut().synonyms(h));
    assertEquals(0, DictionarySplit.of(d, 0, 9).heldOut().headwords().size());
    assertEquals(4000, DictionarySplit.of(d, 1, 9).heldOut().headwords().size());
  }
}
