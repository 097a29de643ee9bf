package org.unspin.api;

/**
 * Bad input: the text, file or record given to Unspin cannot be used as it is (undecodable bytes,
 * binary data, an empty document, a malformed container). The message names the input and the
 * problem in one line. Front ends map it to exit code 2 or HTTP 400; batch modes report the record
 * and go on.
 */
public class InputException extends UnspinException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
