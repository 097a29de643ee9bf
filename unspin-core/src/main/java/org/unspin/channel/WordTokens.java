package org.unspin.channel;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text split into tokens with offsets, following the word rules of {@code org.unspin.text.LmText}:
 * a word is a run of letters and digits that may contain {@code '}, {@code -} or {@code .} between
 * two such chars; every other non-space char is a token of its own. {@link #form(int)} is the LM
 * form (lower case, Locale.ROOT, ASCII digits as {@code 0}).
 *
 * <p>Kept small on purpose: the channel tools need only offsets and LM forms, and the full analyzer
 * lives in {@code org.unspin.text}. Immutable.
 */
public final class WordTokens {
  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final String[] forms;

  private WordTokens(String text, int[] starts, int[] ends, String[] forms) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.forms = forms;
  }

  /** Tokenizes {@code text}. */
  public static WordTokens of(String text) {
    int n = text.length();
    int[] st = new int[16];
    int[] en = new int[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00A0') {
        i++;
        continue;
      }
      int s = i;
      if (Character.isLetterOrDigit(c)) {
        i++;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '-' || d == '.' || d == '\u2019') && i + 1 < n
              && Character.isLetterOrDigit(text.charAt(i + 1))) {
            i += 2;
          } else {
            break;
          }
        }
      } else {
        i++;
      }
      if (count == st.length) {
        st = Arrays.copyOf(st, count * 2);
        en = Arrays.copyOf(en, count * 2);
      }
      st[count] = s;
      en[count] = i;
      count++;
    }
    String[] forms = new String[count];
    for (int k = 0; k < count; k++) {
      forms[k] = lmForm(text, st[k], en[k]);
    }
    return new WordTokens(text, Arrays.copyOf(st, count), Arrays.copyOf(en, count), forms);
  }

  /** The LM form of {@code text[start, end)}. */
  static String lmForm(CharSequence text, int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      sb.append(c >= '0' && c <= '9' ? '0' : c == '\u2019' ? '\'' : c);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  public String text() {
    return text;
  }

  public int size() {
    return forms.length;
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  /** The token as written. */
  public String surface(int i) {
    return text.substring(starts[i], ends[i]);
  }

  /** The LM form of token {@code i}. */
  public String form(int i) {
    return forms[i];
  }

  /** All LM forms (a copy). */
  public String[] forms() {
    return forms.clone();
  }

  /** True when token {@code i} contains a letter or digit. */
  public boolean isWord(int i) {
    return Character.isLetterOrDigit(text.charAt(starts[i]));
  }

  /** True when token {@code i} contains a letter. */
  public static boolean hasLetter(String form) {
    for (int k = 0; k < form.length(); k++) {
      if (Character.isLetter(form.charAt(k))) {
        return true;
      }
    }
    return false;
  }
}
