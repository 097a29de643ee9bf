package org.unspin.detect;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unspin.api.Finding;
import org.unspin.api.ModelException;
import org.unspin.text.CasePattern;
import org.unspin.restore.InputToken;
import org.unspin.restore.TokenKind;
import org.unspin.util.Resources;
import org.unspin.util.TsvModelFile;

/**
 * {@code PAST_FOR_PARTICIPLE}: a past tense where the grammar needs a participle, right after a
 * form of "have" or "be" ("has took", "was wrote", "had not went"), as left by a spinner that
 * re-inflects a synonym without telling past from participle. At most one adverb
 * ({@code not, never, already, ...}) may stand between. The verbs and the auxiliaries they apply
 * after come from {@value #RESOURCE} (format and source in its header). The suggestion is the
 * participle in the surface's case.
 */
public final class PastForParticipleRule implements Rule {
  public static final String ID = "PAST_FOR_PARTICIPLE";
  /** The classpath resource of the verb list. */
  public static final String RESOURCE = "/org/unspin/detect/irregular-verbs.tsv";
  /** Confidence of a finding: the listed past forms are unambiguous after an auxiliary. */
  static final double CONFIDENCE = 0.85;

  private static final Set<String> HAVE = Set.of("have", "has", "had", "having", "haven't", "hasn't", "hadn't",
      "'ve");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "been", "being", "be", "isn't", "aren't",
      "wasn't", "weren't");
  private static final Set<String> ADVERBS = Set.of("not", "never", "already", "just", "also", "recently", "ever",
      "finally", "since", "long", "often", "always", "once", "again", "still", "then", "now", "all");

  private record Verb(String participle, boolean afterHave, boolean afterBe) {}

  private static volatile Map<String, Verb> defaults;

  private final Map<String, Verb> verbs;

  /** A rule with the shipped verb list. */
  public PastForParticipleRule() {
    this.verbs = loadDefault();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "A past tense after 'have' or 'be' where a participle belongs ('has took'), as left by re-inflection.";
  }

  @Override
  public List<RuleExample> examples() {
    return List.of(
        RuleExample.spun("The company has took a new approach."),
        RuleExample.spun("The report was wrote by two analysts."),
        RuleExample.spun("Prices had not went up since March."),
        RuleExample.clean("The company has taken a new approach."),
        RuleExample.clean("The report was written by two analysts, who took a break and went home."),
        RuleExample.clean("He was broke after the firm saw the bank lay off staff."));
  }

  @Override
  public void check(RuleContext context, List<Finding> out) {
    List<InputToken> tokens = context.tokens();
    for (int i = 1; i < tokens.size(); i++) {
      InputToken t = tokens.get(i);
      if (t.kind() != TokenKind.WORD || t.sentenceStart()) {
        continue;
      }
      Verb v = verbs.get(t.lmForm());
      if (v == null) {
        continue;
      }
      int aux = i - 1;
      if (ADVERBS.contains(tokens.get(aux).lmForm()) && aux > 0 && !tokens.get(aux).sentenceStart()) {
        aux--;
      }
      String a = tokens.get(aux).lmForm();
      if ((v.afterHave && HAVE.contains(a)) || (v.afterBe && BE.contains(a))) {
        CasePattern p = t.casePattern();
        String suggestion = p == CasePattern.MIXED ? v.participle : p.apply(v.participle);
        out.add(new Finding(t.start(), t.end(), t.surface(), suggestion, CONFIDENCE, ID));
      }
    }
  }

  private static Map<String, Verb> loadDefault() {
    Map<String, Verb> d = defaults;
    if (d == null) {
      d = Resources.load(PastForParticipleRule.class, RESOURCE, PastForParticipleRule::read);
      defaults = d;
    }
    return d;
  }

  private static Map<String, Verb> read(InputStream in, String origin) throws IOException {
    TsvModelFile lines = new TsvModelFile(new InputStreamReader(in, Utf8.strictDecoder()), origin);
    Map<String, Verb> map = new HashMap<>();
    while (lines.next()) {
      String where = lines.where();
      String[] f = lines.fields();
      if (f.length != 3 || f[0].isEmpty() || f[1].isEmpty()) {
        throw new ModelException(where + "expected 'past<TAB>participle<TAB>have|be|both' (got '" + lines.line()
            + "')");
      }
      boolean have = f[2].equals("have") || f[2].equals("both");
      boolean be = f[2].equals("be") || f[2].equals("both");
      if (!have && !be) {
        throw new ModelException(where + "third column must be have, be or both (got '" + f[2] + "')");
      }
      if (map.put(f[0], new Verb(f[1], have, be)) != null) {
        throw new ModelException(where + "duplicate past form '" + f[0] + "'");
      }
    }
    return Map.copyOf(map);
  }
}
