package org.unspin.lm;

/**
 * Maps the LM's word forms to dense integer ids and back. Ids {@link #UNK}, {@link #BOS} and
 * {@link #EOS} are reserved in every vocabulary. Implementations are immutable and thread-safe.
 */
public interface Vocabulary {
  /** Id of the unknown word {@code <unk>}; returned by {@link #id} for any word not in the model. */
  int UNK = 0;
  /** Id of the sentence start {@code <s>}. */
  int BOS = 1;
  /** Id of the sentence end {@code </s>}. */
  int EOS = 2;

  String UNK_WORD = "<unk>";
  String BOS_WORD = "<s>";
  String EOS_WORD = "</s>";

  /** Number of ids, reserved ones included. */
  int size();

  /** The id of {@code word} (already in LM form, see {@code Token#lmForm}), or {@link #UNK}. */
  int id(CharSequence word);

  /** The word form of {@code id}; throws {@link IndexOutOfBoundsException} for a bad id. */
  String word(int id);
}
