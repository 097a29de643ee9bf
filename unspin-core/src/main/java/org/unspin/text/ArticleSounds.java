package org.unspin.text;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.util.Resources;
import org.unspin.util.TsvModelFile;

/**
 * Which indefinite article a word takes, by a documented spelling heuristic (a vowel letter first
 * takes "an") corrected by a list of prefixes whose sound disagrees with their spelling ("hour",
 * "uni", "eu", "one"). The shipped list is {@value #RESOURCE}; its header gives format and source.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArticleSounds {
  /** The classpath resource of the shipped exception list. */
  public static final String RESOURCE = "/org/unspin/text/article-sounds.tsv";

  /** The article a word takes. */
  public enum Article {
    A, AN, EITHER;

    static Article parse(String s) {
      return switch (s) {
        case "a" -> A;
        case "an" -> AN;
        case "either" -> EITHER;
        default -> null;
      };
    }
  }

  private static volatile ArticleSounds defaults;

  private final Map<String, Article> prefixes;
  private final int maxPrefix;

  /** Sounds from an exception map: lower-case prefix to article. */
  public ArticleSounds(Map<String, Article> prefixes) {
    this.prefixes = Map.copyOf(prefixes);
    int max = 0;
    for (String p : this.prefixes.keySet()) {
      if (p.isEmpty() || !p.equals(p.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("prefixes must be non-empty and lower case (got '" + p + "')");
      }
      max = Math.max(max, p.length());
    }
    this.maxPrefix = max;
  }

  /** The shipped list, loaded once. */
  public static ArticleSounds loadDefault() {
    ArticleSounds d = defaults;
    if (d == null) {
      d = Resources.load(ArticleSounds.class, RESOURCE, ArticleSounds::read);
      defaults = d;
    }
    return d;
  }

  /**
   * Reads an exception list (format in the header of {@value #RESOURCE}) as strict UTF-8.
   *
   * @throws ModelException naming {@code origin} and the line for a malformed entry or bad bytes
   */
  public static ArticleSounds read(InputStream in, String origin) throws IOException {
    Reader reader = new InputStreamReader(in, Utf8.strictDecoder());
    return read(reader, origin);
  }

  /** Reads an exception list from characters; see {@link #read(InputStream, String)}. */
  public static ArticleSounds read(Reader reader, String origin) throws IOException {
    Map<String, Article> map = new HashMap<>();
    TsvModelFile lines = new TsvModelFile(reader, origin);
    while (lines.next()) {
      String where = lines.where();
      String[] f = lines.fields();
      if (f.length != 2) {
        throw new ModelException(where + "expected 'prefix<TAB>a|an|either' (got '" + lines.line() + "')");
      }
      Article a = Article.parse(f[1].trim());
      String prefix = f[0].trim();
      if (a == null) {
        throw new ModelException(where + "article must be a, an or either (got '" + f[1] + "')");
      }
      if (prefix.isEmpty() || !prefix.equals(prefix.toLowerCase(Locale.ROOT))) {
        throw new ModelException(where + "prefix must be non-empty lower case (got '" + f[0] + "')");
      }
      if (map.put(prefix, a) != null) {
        throw new ModelException(where + "duplicate prefix '" + prefix + "'");
      }
    }
    return new ArticleSounds(map);
  }

  /**
   * The article {@code phrase} takes: {@link #articleFor} of its first word, up to white space
   * ("random forest" by "random"; null for a phrase that starts with white space).
   */
  public Article articleForPhrase(String phrase) {
    int k = 0;
    while (k < phrase.length() && !Character.isWhitespace(phrase.charAt(k))) {
      k++;
    }
    return articleFor(phrase.substring(0, k));
  }

  /**
   * The article {@code word} takes, or null when the rule should abstain: empty words, words not
   * starting with a letter, single letters and all-capital abbreviations (read letter by letter or
   * as a word, which spelling cannot tell), also before a hyphen ("US-sponsored", "X-ray").
   */
  public Article articleFor(String word) {
    if (word.length() < 2 || !Character.isLetter(word.charAt(0))) {
      return null;
    }
    if (isAllCaps(word) || lettersBeforeHyphen(word)) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    for (int len = Math.min(maxPrefix, w.length()); len >= 1; len--) {
      Article a = prefixes.get(w.substring(0, len));
      if (a != null) {
        return a;
      }
    }
    return "aeiou".indexOf(w.charAt(0)) >= 0 ? Article.AN : Article.A;
  }

  /**
   * Whether {@code w} begins with an abbreviation or a single letter and then a hyphen ("US-sponsored",
   * "UN-backed", "X-ray"): those letters are read by their names, which spelling cannot tell.
   */
  private static boolean lettersBeforeHyphen(String w) {
    int end = w.indexOf('-');
    if (end <= 0) {
      return false;
    }
    String head = w.substring(0, end);
    return head.length() == 1 || isAllCaps(head);
  }

  private static boolean isAllCaps(String w) {
    int letters = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters > 0;
  }
}
