package org.unspin.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatcher;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;
import org.unspin.restore.InputToken;
import org.unspin.restore.RestoredText;
import org.unspin.restore.TokenKind;

/**
 * Runs the {@link Rule}s over a text and its restoration and computes the
 * {@link DocumentFeatures}. This is the part of detection that needs no trained model, shared by
 * the {@link Detector} and the {@link DetectorTrainer}.
 *
 * <p>Immutable and thread-safe when its rules and language model are (they are by contract).
 */
public final class SignalAnalyzer {
  private static final int[] NO_HISTORY = new int[0];

  private final LanguageModel lm;
  private final List<Rule> rules;
  private final DetectorConfig config;
  private final List<String> featureNames;

  /**
   * An analyzer with the given rules.
   *
   * @throws IllegalArgumentException if two rules share an ID
   */
  public SignalAnalyzer(LanguageModel lm, List<Rule> rules, DetectorConfig config) {
    this.lm = Objects.requireNonNull(lm, "lm");
    this.rules = List.copyOf(rules);
    this.config = Objects.requireNonNull(config, "config");
    if (this.rules.stream().map(Rule::id).distinct().count() != this.rules.size()) {
      throw new IllegalArgumentException("rule IDs must be unique (got " + this.rules.stream().map(Rule::id).toList()
          + ")");
    }
    this.featureNames = DocumentFeatures.namesFor(this.rules);
  }

  /** The standard rules, with {@code fingerprints} for {@code KNOWN_TORTURED_PHRASE}. */
  public static List<Rule> standardRules(FingerprintMatcher fingerprints) {
    return List.of(new RestorationEditRule(), new LmImprobableSpanRule(), new KnownTorturedPhraseRule(fingerprints),
        new ArticleAgreementRule(), new PastForParticipleRule());
  }

  /** The standard rules with the shipped tortured-phrase list (PPS, CC BY 4.0). */
  public static List<Rule> standardRules() {
    return standardRules(new FingerprintMatcher(FingerprintList.loadDefault()));
  }

  public List<Rule> rules() {
    return rules;
  }

  public DetectorConfig config() {
    return config;
  }

  public LanguageModel lm() {
    return lm;
  }

  /** The names of the features {@link #analyze} computes. */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * What the rules found and the features.
   *
   * @param findings every rule's findings, ordered by start, then end, then rule order
   * @param hits rule ID to number of findings, for every rule (zeros included), in rule order
   * @param features the document features
   * @param words the number of word tokens of the text
   */
  public record Signals(List<Finding> findings, Map<String, Integer> hits, DocumentFeatures features, int words) {
    public Signals {
      findings = List.copyOf(findings);
      hits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hits));
      Objects.requireNonNull(features, "features");
    }
  }

  /** Runs every rule and computes the features of {@code text} restored as {@code restoration}. */
  public Signals analyze(String text, RestoredText restoration) {
    RuleContext ctx = new RuleContext(text, restoration, lm, config);
    List<Finding> all = new ArrayList<>();
    Map<String, Integer> hits = new LinkedHashMap<>();
    Map<String, Integer> order = new LinkedHashMap<>();
    List<Finding> buf = new ArrayList<>();
    for (Rule r : rules) {
      buf.clear();
      r.check(ctx, buf);
      int n = 0;
      for (Finding f : buf) {
        if (!abbreviation(f.text(), f.suggestion())) {
          n++; // (an abbreviation written out is shown, but it is a house style's, not evidence)
        }
      }
      hits.put(r.id(), n);
      order.put(r.id(), order.size());
      all.addAll(buf);
    }
    all.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end)
        .thenComparingInt(f -> order.get(f.ruleId())));
    return new Signals(all, hits, features(restoration, hits), wordCount(restoration.tokens()));
  }

  /** The word tokens among {@code tokens}: a text's length as the detector counts it. */
  public static int wordCount(List<InputToken> tokens) {
    int words = 0;
    for (InputToken t : tokens) {
      if (t.kind() == TokenKind.WORD) {
        words++;
      }
    }
    return words;
  }

  private DocumentFeatures features(RestoredText r, Map<String, Integer> hits) {
    List<InputToken> tokens = r.tokens();
    int words = wordCount(tokens);
    double perToken = Math.max(1, words);
    double changed = 0;
    double confSum = 0;
    double confMax = 0;
    double rare = 0;
    int t = 0;
    // A substitution written again (the same surface to the same suggestion) is one habit, a
    // spinner's or a house style's ("pct" for "percent" all through a newswire story): the changed
    // share, the rare-synonym rate and the LM gain count it once.
    java.util.Set<String> seen = new java.util.HashSet<>();
    double repeatGain = 0;
    // An abbreviation written out ("pct" -> "percent", "Corp" -> "Corporation", "FEB" -> "FEBRUARY") is
    // a house style's, not a spinner's: a newswire writes them by its style guide all through its
    // copy, and they made most of the clean news that was called spun (BENCHMARKS §7s). Such an edit
    // stays in the restoration and among the findings, but no feature counts it, nor its gain.
    int styleEdits = 0;
    for (Edit e : r.edits()) {
      boolean repeat = !seen.add(e.surface().toLowerCase(Locale.ROOT) + "\t"
          + e.suggestion().toLowerCase(Locale.ROOT));
      while (t < tokens.size() && tokens.get(t).end() <= e.start()) {
        t++;
      }
      int from = t;
      int covered = 0;
      for (int i = t; i < tokens.size() && tokens.get(i).start() < e.end(); i++) {
        covered++;
      }
      boolean style = abbreviation(e.surface(), e.suggestion());
      if (style) {
        styleEdits++;
      }
      if (repeat || style) {
        // lm_gain_per_token leaves out the gain of a repeat or of an abbreviation written out: its
        // tokens and the words after it, whose history it changed
        for (int i = t; i < Math.min(tokens.size(), t + covered + lm.order() - 1); i++) {
          repeatGain += r.tokenGain(i);
        }
        if (style) {
          continue;
        }
      }
      if (!repeat) {
        changed += e.confidence() * covered;
      }
      confSum += e.confidence();
      confMax = Math.max(confMax, e.confidence());
      if (covered > 0) {
        double surface = 0;
        for (int i = from; i < from + covered; i++) {
          surface += unigram(tokens.get(i).lmForm());
        }
        surface /= covered;
        double suggestion = meanUnigram(e.suggestion());
        if (suggestion - surface >= config.rareSynonymGap() && !repeat) {
          rare += e.confidence();
        }
      }
    }
    int n = r.edits().size() - styleEdits;
    double[] v = new double[featureNames.size()];
    v[0] = changed / perToken;
    double gain = tokens.isEmpty() ? 0 : r.decoderLogProb() - r.inputLogProb() - repeatGain;
    v[1] = tokens.isEmpty() ? 0 : gain / tokens.size();
    v[2] = n == 0 ? 0 : confSum / n;
    v[3] = confMax;
    v[4] = 100 * rare / perToken;
    v[5] = Math.log1p(words);
    // the same evidence as totals (session 19): it grows with the number of edits, not their share
    v[6] = changed;
    v[7] = gain;
    v[8] = words;
    v[9] = rare;
    int k = DocumentFeatures.FIXED.size();
    for (Rule rule : rules) {
      v[k++] = 100 * hits.get(rule.id()) / perToken;
    }
    for (Rule rule : rules) {
      v[k++] = hits.get(rule.id());
    }
    return new DocumentFeatures(featureNames, v);
  }

  /**
   * Whether {@code surface} is an abbreviation of {@code suggestion}: one word of letters (a final
   * dot allowed), not a function word, with the same first letter, whose letters come in order in
   * the suggestion, which is at least twice as long when it begins with the whole surface (a word
   * cut short: "Feb", "Corp"; not an ending added: "bank" -> "banks") and else at least half as
   * long again ("pct" of "percent", "yr" of "year", "govt" of "government").
   */
  static boolean abbreviation(String surface, String suggestion) {
    String a = surface.endsWith(".") ? surface.substring(0, surface.length() - 1) : surface;
    a = a.toLowerCase(Locale.ROOT);
    String b = suggestion.toLowerCase(Locale.ROOT);
    if (a.length() < 2 || b.isEmpty() || a.charAt(0) != b.charAt(0)
        || org.unspin.channel.ClosedClassWords.contains(a)) {
      return false; // ("in" -> "into", "an" -> "and": function words swapped, not abbreviations)
    }
    // A word cut short loses at least half ("Feb", "Corp", "Mon"); one that gains an ending is an
    // inflection ("bank" -> "banks", "work" -> "worked"), which spinners do get wrong. Letters left
    // out inside ("pct", "yr", "govt") shorten a word by a third or more.
    if (b.startsWith(a) ? b.length() < 2 * a.length() : 2 * b.length() < 3 * a.length()) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (!Character.isLetter(c)) {
        return false;
      }
      while (j < b.length() && b.charAt(j) != c) {
        j++;
      }
      if (j == b.length()) {
        return false;
      }
      j++;
    }
    return true;
  }

  private static final Pattern DIGIT = Pattern.compile("[0-9]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private double unigram(String lmForm) {
    return lm.logProb(NO_HISTORY, 0, 0, lm.vocabulary().id(lmForm));
  }

  /** Mean unigram log10 probability of the words of a suggestion, in LM form (lower case, digits as 0). */
  private double meanUnigram(String phrase) {
    String[] words = SPACES.split(DIGIT.matcher(phrase.trim().toLowerCase(Locale.ROOT)).replaceAll("0"));
    double sum = 0;
    for (String w : words) {
      sum += unigram(w.isEmpty() ? Vocabulary.UNK_WORD : w);
    }
    return sum / words.length;
  }
}
