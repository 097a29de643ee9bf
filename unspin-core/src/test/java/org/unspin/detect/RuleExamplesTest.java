package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unspin.api.Finding;
import org.unspin.restore.RestoredText;

/** Every rule's examples are tests: spun ones must fire, clean ones must not (STYLE.md habit 5). */
class RuleExamplesTest {

  static Stream<Arguments> examples() {
    List<Arguments> out = new ArrayList<>();
    for (Rule r : DetectFixtures.RULES) {
      for (RuleExample e : r.examples()) {
        out.add(Arguments.of(r.id(), r, e));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("examples")
  void ruleFiresExactlyOnItsSpunExamples(String id, Rule rule, RuleExample example) {
    String text = example.text();
    RestoredText restored = DetectFixtures.RESTORER.restore(text);
    List<Finding> found = new ArrayList<>();
    rule.check(new RuleContext(text, restored, DetectFixtures.LM, DetectorConfig.DEFAULTS), found);
    if (example.spun()) {
      assertFalse(found.isEmpty(), () -> id + " should fire on: " + text + " (edits " + restored.edits() + ")");
    } else {
      assertTrue(found.isEmpty(), () -> id + " should not fire on: " + text + " but found " + found);
    }
    for (Finding f : found) {
      assertEquals(id, f.ruleId());
      assertEquals(text.substring(f.start(), f.end()), f.text(), "finding text must be the input at its offsets");
      assertFalse(f.suggestion().isEmpty(), "a finding carries a suggestion");
    }
  }

  @Test
  void everyRuleHasAStableIdADescriptionAndBothKindsOfExamples() {
    Set<String> ids = new HashSet<>();
    for (Rule r : DetectFixtures.RULES) {
      assertTrue(r.id().matches("[A-Z][A-Z0-9_]*"), "rule ID " + r.id());
      assertTrue(ids.add(r.id()), "duplicate rule ID " + r.id());
      assertFalse(r.description().isBlank(), r.id() + " description");
      assertTrue(r.examples().stream().anyMatch(RuleExample::spun), r.id() + " needs a spun example");
      assertTrue(r.examples().stream().anyMatch(e -> !e.spun()), r.id() + " needs a clean example");
    }
    assertTrue(ids.containsAll(Set.of("RESTORATION_EDIT", "KNOWN_TORTURED_PHRASE", "ARTICLE_AGREEMENT",
        "LM_IMPROBABLE_SPAN", "PAST_FOR_PARTICIPLE")), ids::toString);
  }
}
