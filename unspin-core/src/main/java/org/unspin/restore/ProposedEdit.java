package org.unspin.restore;

import java.util.Objects;
import org.unspin.api.Edit;

/**
 * A change of the decoder's best path before it is accepted, with its features for the
 * {@link EditReranker} (in {@link EditReranker#FEATURES} order); the edit's confidence is its
 * posterior.
 *
 * @param edit the change, offsets into the input
 * @param features the feature vector
 */
public record ProposedEdit(Edit edit, double[] features) {
  public ProposedEdit {
    Objects.requireNonNull(edit, "edit");
    if (features.length != EditReranker.FEATURES.size()) {
      throw new IllegalArgumentException("need " + EditReranker.FEATURES.size() + " features (got "
          + features.length + ")");
    }
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }
}
