package org.unspin.api;

/**
 * A model or data file (language model, lexicon, profile) is missing, corrupt, truncated or of an
 * unsupported version. The message names the file and what is wrong with it.
 */
public class ModelException extends UnspinException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
