package org.unspin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.unspin.channel.TextPair;

class PpsRestorationTest {
  private static final List<TextPair> PAIRS = List.of(new TextPair("a", "profound learning", "deep learning"),
      new TextPair("b", "irregular woodland", "Random  Forest"), new TextPair("c", "bosom peril", "breast cancer"));

  /** A restorer that replaces whole words from a table. */
  private static UnaryOperator<String> words(Map<String, String> table) {
    return s -> {
      String out = s;
      for (Map.Entry<String, String> e : table.entrySet()) {
        out = out.replace(e.getKey(), e.getValue());
      }
      return out;
    };
  }

  @Test
  void countsExactRestorationsIgnoringCaseAndSpacing() {
    UnaryOperator<String> none = UnaryOperator.identity();
    UnaryOperator<String> some = words(Map.of("profound", "deep", "irregular", "random", "woodland", "forest",
        "bosom", "breast"));
    PpsRestoration.Result r = PpsRestoration.evaluate(PAIRS, null, none, some);
    assertEquals(3, r.pairs());
    assertEquals(0, r.exactWithout());
    assertEquals(0, r.changedWithout());
    assertEquals(2, r.exactWith());
    assertEquals(3, r.changedWith());
    assertTrue(r.rows().get(1).exactWith(), "'random forest' equals 'Random  Forest'");
    assertFalse(r.rows().get(2).exactWith(), "'breast peril' is not 'breast cancer'");
  }

  @Test
  void withACarrierTheWholeSentenceMustMatch() {
    String carrier = "We use {} here.";
    UnaryOperator<String> good = words(Map.of("profound", "deep"));
    UnaryOperator<String> overEdit = words(Map.of("profound", "deep", "use", "employ"));
    PpsRestoration.Result r = PpsRestoration.evaluate(PAIRS.subList(0, 1), carrier, good, overEdit);
    assertEquals(1, r.exactWithout());
    assertEquals(0, r.exactWith());
    assertEquals("We use profound learning here.", PpsRestoration.text(carrier, "profound learning"));
  }

  @Test
  void aPairIsCoveredWhenEveryChangedWordOrTheWholePhraseIsAProfileEntry() {
    org.unspin.channel.ProfileInfo info = new org.unspin.channel.ProfileInfo("t", "test", "test", "none",
        "2026-01-01", 1, 1, 1, 1, 0.5, "none");
    org.unspin.channel.SpinnerProfile p = new org.unspin.channel.SpinnerProfile(info, List.of(
        new org.unspin.channel.SpinnerProfile.Entry("profound", "deep", 1, 1, 1),
        new org.unspin.channel.SpinnerProfile.Entry("irregular woodland", "random forest", 1, 1, 1),
        new org.unspin.channel.SpinnerProfile.Entry("bosom", "breast", 1, 1, 1)));
    assertTrue(PpsRestoration.covered(p, PAIRS.get(0)));
    assertTrue(PpsRestoration.covered(p, PAIRS.get(1)), "whole phrase, case and spacing ignored");
    assertFalse(PpsRestoration.covered(p, PAIRS.get(2)), "no entry for peril -> cancer");
    assertFalse(PpsRestoration.covered(p, new TextPair("d", "profound", "deep learning")));
    assertEquals(2, PpsRestoration.coverage(p, PAIRS));
  }

  @Test
  void rejectsACarrierWithoutExactlyOnePlaceholder() {
    assertThrows(IllegalArgumentException.class, () -> PpsRestoration.text("no place", "x"));
    assertThrows(IllegalArgumentException.class, () -> PpsRestoration.text("{} and {}", "x"));
    assertThrows(IllegalArgumentException.class, () -> PpsRestoration.text("{a} {} or {a} b", "x"));
  }

  @Test
  void anAndEntrysConditionsAreWrittenOnALineAfterIt() throws Exception {
    String csv = """
        tortured_phrase,expected_phrase,num_papers
        ""\"genuine negative"" AND ""true negative""\",true negative,771
        ""\"steering table"" AND network",routing table,418
        ""\"bosom"" AND NOT ""breast""\",breast,3
        ""\"concealed layer""\",hidden layer,900
        """;
    List<org.unspin.channel.fingerprint.Fingerprint> f = org.unspin.channel.fingerprint.FingerprintList.read(
        new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.csv").entries();
    assertEquals("\ntrue negative.", PpsRestoration.conditions(f.get(0)));
    assertEquals("\nnetwork.", PpsRestoration.conditions(f.get(1)));
    assertEquals("", PpsRestoration.conditions(f.get(2)), "NOT asks for nothing");
    assertEquals("", PpsRestoration.conditions(f.get(3)));
    org.unspin.channel.fingerprint.FingerprintMatcher m = new org.unspin.channel.fingerprint.FingerprintMatcher(f);
    assertTrue(m.match("genuine negative" + PpsRestoration.conditions(f.get(0))).stream()
        .anyMatch(x -> x.fingerprint() == f.get(0)), "the text with its line matches the query");
  }

  @Test
  void theCarriersArticleIsTheOneThePhraseTakes() {
    String carrier = "It is {a} {} model.";
    assertEquals("It is an irregular woodland model.", PpsRestoration.text(carrier, "irregular woodland"));
    assertEquals("It is a random forest model.", PpsRestoration.text(carrier, "random forest"));
    assertEquals("It is an hourly model.", PpsRestoration.text(carrier, "hourly"), "the shipped exceptions");
    UnaryOperator<String> restorer = t -> t.replace("an irregular woodland", "a random forest");
    PpsRestoration.Result r = PpsRestoration.evaluate(PAIRS.subList(1, 2), carrier, t -> t, restorer);
    assertEquals(0, r.exactWithout());
    assertEquals(1, r.exactWith(), r.rows()::toString);
  }

  @Test
  void documentsHoldKTorturedPhrasesAmongTheListsWordings() {
    List<TextPair> pairs = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pairs.add(new TextPair("p" + i, "tortured" + i + " phrase", "plain" + i + " wording"));
    }
    pairs.add(new TextPair("x", "guarded phrase", "first wording / second wording"));
    pairs.add(new TextPair("y", "noted phrase", "wording (with a note)"));
    for (int k : new int[] {0, 1, 3, 5}) {
      List<String> docs = PpsRestoration.documents(pairs, k, 20, 5, 7);
      assertEquals(20, docs.size());
      for (String d : docs) {
        assertEquals(k, d.split("tortured", -1).length - 1, d);
        assertEquals(5 - k, d.split("plain", -1).length - 1, d);
        assertFalse(d.contains("guarded") || d.contains("noted") || d.contains("/"), "no unusable wording: " + d);
        assertEquals(5, d.split("(?<=\\.) ").length, "five sentences: " + d);
      }
      assertEquals(docs, PpsRestoration.documents(pairs, k, 20, 5, 7), "seeded");
    }
    assertTrue(!PpsRestoration.documents(pairs, 1, 5, 5, 7).equals(PpsRestoration.documents(pairs, 1, 5, 5, 8)));
    assertThrows(IllegalArgumentException.class, () -> PpsRestoration.documents(pairs, 6, 1, 5, 7));
    assertThrows(IllegalArgumentException.class, () -> PpsRestoration.documents(pairs.subList(0, 3), 1, 1, 5, 7));
  }
}
