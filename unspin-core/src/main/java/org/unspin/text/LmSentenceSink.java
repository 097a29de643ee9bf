package org.unspin.text;

/**
 * Receives the sentences of a text as arrays of LM word forms (see {@link LmText}). The array is
 * only valid during the call; the sink copies what it keeps.
 */
@FunctionalInterface
public interface LmSentenceSink {
  void sentence(String[] lmForms, int count);
}
