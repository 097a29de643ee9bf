package org.unspin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.TextPair;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintQuery;
import org.unspin.text.ArticleSounds;

/**
 * The issue-3 figure for the profile learned from the tortured-phrase list: each held-out pair's
 * tortured phrase is restored as a short text by two restorers (typically the facade without any
 * profile, and with the profile learned from the other pairs), and a restoration counts as exact
 * when the restored text equals the expected phrase.
 *
 * <p>Text: the tortured phrase alone, or inside a carrier sentence (a template with {@code {}}
 * where the phrase goes); with a carrier the whole restored sentence must equal the template
 * around the expected phrase, so an over-edit of the carrier counts as a failure. A {@code {a}} in
 * the carrier is the indefinite article the phrase after it takes ({@link ArticleSounds}): the
 * tortured phrase's in the text given ("an irregular woodland"), the expected phrase's in the one
 * wanted ("a random forest"), as a spinner that mends articles writes them. Comparison:
 * lower case ({@link Locale#ROOT}), runs of white space as one space, trimmed.
 *
 * <p>Stateless; thread-safe when the restorers are.
 */
public final class PpsRestoration {
  private PpsRestoration() {}

  /**
   * One held-out pair and what each restorer made of it.
   *
   * @param id the pair's id
   * @param spun the tortured phrase
   * @param expected the expected phrase
   * @param without the first restorer's output (the text as given to it, carrier included)
   * @param with the second restorer's output
   * @param exactWithout whether the first restorer restored it exactly
   * @param exactWith whether the second did
   */
  public record Row(String id, String spun, String expected, String without, String with, boolean exactWithout,
      boolean exactWith) {}

  /**
   * The figures.
   *
   * @param pairs held-out pairs restored
   * @param exactWithout exact restorations by the first restorer
   * @param exactWith exact restorations by the second
   * @param changedWithout texts the first restorer changed at all
   * @param changedWith texts the second changed
   * @param rows one per pair, in input order
   */
  public record Result(int pairs, int exactWithout, int exactWith, int changedWithout, int changedWith,
      List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /**
   * The text a restorer is given for {@code phrase}: the phrase, or the carrier around it, with its
   * {@code {a}} (if any) the article {@code phrase} takes ("a" where the sound cannot be told).
   */
  public static String text(String carrier, String phrase) {
    if (carrier == null) {
      return phrase;
    }
    int at = carrier.indexOf("{}");
    if (at < 0 || carrier.indexOf("{}", at + 2) >= 0) {
      throw new IllegalArgumentException("carrier must hold '{}' exactly once (got '" + carrier + "')");
    }
    int art = carrier.indexOf(ARTICLE);
    if (art >= 0 && carrier.indexOf(ARTICLE, art + ARTICLE.length()) >= 0) {
      throw new IllegalArgumentException("carrier may hold '" + ARTICLE + "' at most once (got '" + carrier + "')");
    }
    String s = carrier.substring(0, at) + phrase + carrier.substring(at + 2);
    if (art < 0) {
      return s;
    }
    ArticleSounds.Article a = ArticleSounds.loadDefault().articleForPhrase(phrase.strip());
    return s.replace(ARTICLE, a == ArticleSounds.Article.AN ? "an" : "a");
  }

  /**
   * For an entry whose query is a phrase {@code AND} conditions ("genuine negative" AND "true
   * negative"), a line that holds what the conditions ask for, so that a text with the phrase and
   * the line matches the query: a new line, then the conditions' phrases (an {@code OR}'s first, a
   * proximity query's words; a {@code NOT} asks for nothing) joined by ", ", and a full stop. Empty
   * for any other query.
   */
  public static String conditions(Fingerprint f) {
    if (!(f.parsed() instanceof FingerprintQuery.And q)) {
      return "";
    }
    List<String> terms = new ArrayList<>();
    for (int i = 1; i < q.clauses().size(); i++) {
      String t = term(q.clauses().get(i));
      if (t != null) {
        terms.add(t);
      }
    }
    return terms.isEmpty() ? "" : "\n" + String.join(", ", terms) + ".";
  }

  private static String term(FingerprintQuery q) {
    if (q instanceof FingerprintQuery.Phrase p) {
      return p.text();
    }
    if (q instanceof FingerprintQuery.Or o) {
      return term(o.clauses().get(0));
    }
    if (q instanceof FingerprintQuery.Near n) {
      List<String> w = new ArrayList<>();
      for (FingerprintQuery.Phrase p : n.terms()) {
        w.add(p.text());
      }
      return String.join(" ", w);
    }
    if (q instanceof FingerprintQuery.And a) {
      List<String> w = new ArrayList<>();
      for (FingerprintQuery c : a.clauses()) {
        String t = term(c);
        if (t != null) {
          w.add(t);
        }
      }
      return w.isEmpty() ? null : String.join(", ", w);
    }
    return null; // NOT: nothing to write
  }

  /** The carrier's place for the article the phrase takes. */
  public static final String ARTICLE = "{a}";

  /**
   * Whether {@code profile} alone could restore the pair word for word: the whole tortured phrase
   * is an entry for the whole expected phrase, or both have the same number of words and every
   * word that differs is an entry (surface = tortured word, original = expected word). A rough
   * ceiling for what a profile contributes (it ignores the language model and the lexicon).
   */
  public static boolean covered(SpinnerProfile profile, TextPair pair) {
    String spun = normalize(pair.spun());
    String want = normalize(pair.original());
    if (spun.equals(want) || profile.entry(spun, want) != null) {
      return true;
    }
    String[] a = spun.split(" ");
    String[] b = want.split(" ");
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i]) && profile.entry(a[i], b[i]) == null) {
        return false;
      }
    }
    return true;
  }

  /** How many of {@code pairs} are {@link #covered} by {@code profile}. */
  public static int coverage(SpinnerProfile profile, List<TextPair> pairs) {
    int n = 0;
    for (TextPair p : pairs) {
      n += covered(profile, p) ? 1 : 0;
    }
    return n;
  }

  /** Lower case, white space collapsed, trimmed. */
  static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  /**
   * Restores the tortured phrase of every pair with both restorers.
   *
   * @param heldOut the pairs (spun = tortured phrase, original = expected phrase)
   * @param carrier a template with one {@code {}}, or null for the phrase alone
   * @param without the first restorer (text to restored text)
   * @param with the second
   */
  public static Result evaluate(List<TextPair> heldOut, String carrier, UnaryOperator<String> without,
      UnaryOperator<String> with) {
    return evaluate(heldOut, carrier, p -> "", without, with);
  }

  /**
   * As {@link #evaluate(List, String, UnaryOperator, UnaryOperator)}, with {@code after(pair)}
   * appended to the text given and to the text wanted ({@link #conditions}).
   */
  public static Result evaluate(List<TextPair> heldOut, String carrier,
      java.util.function.Function<TextPair, String> after, UnaryOperator<String> without,
      UnaryOperator<String> with) {
    Objects.requireNonNull(heldOut, "heldOut");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(without, "without");
    Objects.requireNonNull(with, "with");
    text(carrier, ""); // validates the carrier
    int exactWithout = 0;
    int exactWith = 0;
    int changedWithout = 0;
    int changedWith = 0;
    List<Row> rows = new ArrayList<>(heldOut.size());
    for (TextPair p : heldOut) {
      String tail = after.apply(p);
      String input = text(carrier, p.spun()) + tail;
      String want = normalize(text(carrier, p.original()) + tail);
      String a = without.apply(input);
      String b = with.apply(input);
      boolean ea = normalize(a).equals(want);
      boolean eb = normalize(b).equals(want);
      exactWithout += ea ? 1 : 0;
      exactWith += eb ? 1 : 0;
      changedWithout += a.equals(input) ? 0 : 1;
      changedWith += b.equals(input) ? 0 : 1;
      rows.add(new Row(p.id(), p.spun(), p.original(), a, b, ea, eb));
    }
    return new Result(heldOut.size(), exactWithout, exactWith, changedWithout, changedWith, rows);
  }

  /**
   * What a restorer does to clean wording.
   *
   * @param texts the texts restored (each distinct wording once)
   * @param changed how many came back changed
   * @param words their words (white-space separated)
   * @param edits the restorer's edits in all of them
   */
  public record CleanResult(int texts, int changed, long words, long edits) {
    /** Edits per 100 words. */
    public double editsPer100Words() {
      return words == 0 ? 0 : 100.0 * edits / words;
    }
  }

  /**
   * Restores the expected wording of every pair (clean text; each distinct wording once, case
   * ignored), alone or in {@code carrier}, and counts the restorer's edits.
   *
   * @param pairs the pairs whose {@link TextPair#original()} is restored
   * @param carrier a template with one {@code {}}, or null for the wording alone
   * @param edits the restorer: text to its number of edits
   */
  public static CleanResult clean(List<TextPair> pairs, String carrier, java.util.function.ToIntFunction<String> edits) {
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(edits, "edits");
    text(carrier, ""); // validates the carrier
    java.util.Set<String> seen = new java.util.HashSet<>();
    int texts = 0;
    int changed = 0;
    long words = 0;
    long total = 0;
    for (TextPair p : pairs) {
      if (!seen.add(normalize(p.original()))) {
        continue;
      }
      String input = text(carrier, p.original());
      int n = edits.applyAsInt(input);
      texts++;
      changed += n > 0 ? 1 : 0;
      total += n;
      words += input.trim().split("\\s+").length;
    }
    return new CleanResult(texts, changed, words, total);
  }

  /**
   * Paper-like sentences, each with {@code {}} where a phrase of the list goes: the documents of
   * {@link #documents} (written for this measurement; not from any paper).
   */
  public static final List<String> PAPER_SENTENCES = List.of(
      "The results of the experiments show that {} improves the performance of the system in all test cases.",
      "Several studies have examined {} in patients with chronic kidney disease over the past decade.",
      "To address this problem, the authors combined {} with a simple statistical model of the observed data.",
      "In this paper, we propose a new method based on {} and evaluate it on two public data sets.",
      "We compare {} with three baselines and report the mean and standard deviation over ten runs.",
      "The second section reviews earlier work on {} and its applications in industry.");

  /** Whether a pair's expected wording can stand in a sentence (no alternatives, notes or queries). */
  static boolean plainWording(TextPair p) {
    String w = p.original().trim();
    String lower = w.toLowerCase(Locale.ROOT);
    return !w.isEmpty() && w.indexOf('(') < 0 && w.indexOf('/') < 0 && w.indexOf('"') < 0
        && !lower.contains(" or ") && !lower.contains(" and ") && w.split("\\s+").length <= 6
        && !p.spun().contains("\n");
  }

  /**
   * Paper-like documents for detection: each of {@code sentences} sentences (a seeded choice of
   * {@link #PAPER_SENTENCES}) holds a different pair's phrase, {@code tortured} of them (at seeded
   * places) the tortured phrase and the others the expected wording, so that a document with 0 is
   * clean technical text and one with k has k of the list's phrases. Pairs whose wording cannot
   * stand in a sentence are left out ({@link #plainWording}).
   *
   * @throws IllegalArgumentException if {@code tortured} is not in {@code [0, sentences]} or there
   *     are fewer usable pairs than {@code sentences}
   */
  public static List<String> documents(List<TextPair> pairs, int tortured, int count, int sentences, long seed) {
    if (sentences < 1 || tortured < 0 || tortured > sentences || count < 0) {
      throw new IllegalArgumentException("need 0 <= tortured <= sentences, sentences >= 1 and count >= 0 (got "
          + tortured + ", " + sentences + ", " + count + ")");
    }
    List<TextPair> usable = pairs.stream().filter(PpsRestoration::plainWording).toList();
    if (usable.size() < sentences) {
      throw new IllegalArgumentException("only " + usable.size() + " usable pairs for documents of " + sentences
          + " sentences");
    }
    java.util.Random rnd = new java.util.Random(seed * 1_000_003L + tortured);
    List<String> docs = new java.util.ArrayList<>(count);
    for (int d = 0; d < count; d++) {
      java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
      while (chosen.size() < sentences) {
        chosen.add(rnd.nextInt(usable.size()));
      }
      java.util.Set<Integer> places = new java.util.HashSet<>();
      while (places.size() < tortured) {
        places.add(rnd.nextInt(sentences));
      }
      StringBuilder sb = new StringBuilder();
      int i = 0;
      for (int k : chosen) {
        TextPair p = usable.get(k);
        String template = PAPER_SENTENCES.get(rnd.nextInt(PAPER_SENTENCES.size()));
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(text(template, places.contains(i) ? p.spun().trim() : p.original().trim()));
        i++;
      }
      docs.add(sb.toString());
    }
    return docs;
  }
}
