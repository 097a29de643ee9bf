package org.unspin.index;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.unspin.channel.WordTokens;

/**
 * The terms of a text that survive spinning, for the two search fields of a {@link SourceIndex}.
 *
 * <ul>
 *   <li><b>{@value SourceIndex#FIELD_SYN}</b>: one term per word, its synonym class ({@link
 *       SynonymClasses#term}) or the lower-cased word, so a swap inside a class keeps the term;
 *   <li><b>{@value SourceIndex#FIELD_IMM}</b>: the immutables a dictionary spinner leaves alone:
 *       words with a digit, hyphenated or dotted compounds, capitalized words inside a sentence
 *       (names), and words of at least {@value #RARE_MIN_LENGTH} letters that belong to no class
 *       (rare words, outside the thesaurus).
 * </ul>
 *
 * Word boundaries are those of {@link WordTokens}. Thread-safe when its {@link SynonymClasses} is.
 */
public final class SpinTerms {
  /** Shortest word that counts as a rare-word immutable when it is in no synonym class. */
  public static final int RARE_MIN_LENGTH = 5;

  private final SynonymClasses classes;

  public SpinTerms(SynonymClasses classes) {
    this.classes = Objects.requireNonNull(classes, "classes");
  }

  public SynonymClasses classes() {
    return classes;
  }

  /** Receives the terms of each word in text order. */
  public interface Sink {
    /** @param imm the immutable term, or null when the word is not an immutable */
    void word(String syn, String imm);
  }

  /** Reports the terms of every word of {@code text}. */
  public void terms(String text, Sink sink) {
    WordTokens t = WordTokens.of(text);
    boolean sentenceStart = true;
    for (int i = 0; i < t.size(); i++) {
      if (!t.isWord(i)) {
        char c = text.charAt(t.start(i));
        if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201C' || c == ':') {
          sentenceStart = true;
        }
        continue;
      }
      String surface = t.surface(i);
      String lower = surface.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      int cls = classes.classOf(lower);
      String syn = cls >= 0 ? "~" + cls : lower;
      String imm = isImmutable(surface, cls >= 0, sentenceStart) ? lower : null;
      sink.word(syn, imm);
      sentenceStart = false;
    }
  }

  /** Both fields as space-separated term lists: {@code [syn, imm]}. */
  public String[] fields(String text) {
    StringBuilder syn = new StringBuilder(text.length());
    StringBuilder imm = new StringBuilder();
    terms(text, (s, m) -> {
      syn.append(s).append(' ');
      if (m != null) {
        imm.append(m).append(' ');
      }
    });
    return new String[] {syn.toString(), imm.toString()};
  }

  /** Adds each word's syn term and each immutable to the consumers (duplicates included). */
  public void forEach(String text, Consumer<String> syn, Consumer<String> imm) {
    terms(text, (s, m) -> {
      syn.accept(s);
      if (m != null) {
        imm.accept(m);
      }
    });
  }

  static boolean isImmutable(String surface, boolean inClass, boolean sentenceStart) {
    boolean letter = false;
    for (int k = 0; k < surface.length(); k++) {
      char c = surface.charAt(k);
      if (Character.isDigit(c)) {
        return true;
      }
      if (c == '-' || c == '.') {
        return true;
      }
      letter |= Character.isLetter(c);
    }
    if (!letter) {
      return false;
    }
    if (!sentenceStart && Character.isUpperCase(surface.charAt(0))) {
      return true;
    }
    return !inClass && surface.length() >= RARE_MIN_LENGTH;
  }
}
