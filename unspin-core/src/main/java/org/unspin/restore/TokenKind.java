package org.unspin.restore;

/** The coarse type of an {@link InputToken}, as far as restoration cares. */
public enum TokenKind {
  /** A word: letters, possibly with inner apostrophes, hyphens or dots. */
  WORD,
  /** A number written with digits ("42", "3.5", "1,000"). */
  NUMBER,
  /** A punctuation mark. */
  PUNCT,
  /** Anything else (symbols, emoji, mixed letters and digits such as "MP3"). */
  OTHER
}
