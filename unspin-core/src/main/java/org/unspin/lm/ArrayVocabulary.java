package org.unspin.lm;

import java.util.HashMap;
import java.util.Map;

/**
 * A heap vocabulary over a word array; used for merged vocabularies. Immutable and thread-safe.
 *
 * @lucene.internal
 */
final class ArrayVocabulary implements Vocabulary {
  private final String[] words;
  private final Map<String, Integer> ids;

  /** @param words ids 0, 1, 2 must be {@code <unk>}, {@code <s>}, {@code </s>}; no duplicates */
  ArrayVocabulary(String[] words) {
    this.words = words.clone();
    this.ids = new HashMap<>(words.length * 2);
    for (int i = 0; i < words.length; i++) {
      if (ids.put(words[i], i) != null) {
        throw new IllegalArgumentException("duplicate word '" + words[i] + "'");
      }
    }
  }

  @Override
  public int size() {
    return words.length;
  }

  @Override
  public int id(CharSequence word) {
    Integer id = ids.get(word.toString());
    return id == null ? UNK : id;
  }

  @Override
  public String word(int id) {
    if (id < 0 || id >= words.length) {
      throw new IndexOutOfBoundsException("word id " + id + " outside [0, " + words.length + ")");
    }
    return words[id];
  }
}
