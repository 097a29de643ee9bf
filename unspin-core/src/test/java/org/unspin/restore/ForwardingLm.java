package org.unspin.restore;

import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/** A test model that answers as another one does; subclasses watch the queries. */
abstract class ForwardingLm implements LanguageModel {
  final LanguageModel lm;

  ForwardingLm(LanguageModel lm) {
    this.lm = lm;
  }

  @Override
  public Vocabulary vocabulary() {
    return lm.vocabulary();
  }

  @Override
  public int order() {
    return lm.order();
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    return lm.query(context, from, length, word);
  }
}
