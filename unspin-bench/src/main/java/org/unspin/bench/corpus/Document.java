package org.unspin.bench.corpus;

/**
 * One document of an evaluation corpus.
 *
 * <p>{@code text} holds one paragraph per line, separated by {@code '\n'}; the first line is the
 * headline when the corpus has one. Lines are trimmed, never empty, and have no other control
 * characters; hard-wrapped source lines are already joined.
 *
 * @param id stable id, {@code <source>/<name>} (for example {@code bbc/tech/001}); never blank
 * @param text the paragraphs of the document, see above; may be empty
 */
public record Document(String id, String text) {
  public Document {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank (got " + (id == null ? "null" : "'" + id + "'") + ")");
    }
    if (text == null) {
      throw new IllegalArgumentException("text must not be null (id " + id + ")");
    }
  }

  /** The source name, the part of the id before the first {@code '/'}. */
  public String source() {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }

  /** Number of words: maximal runs of letters and digits. */
  public int wordCount() {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean w = Character.isLetterOrDigit(text.charAt(i));
      if (w && !inWord) {
        words++;
      }
      inWord = w;
    }
    return words;
  }
}
