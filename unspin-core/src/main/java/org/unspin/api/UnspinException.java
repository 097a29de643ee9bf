package org.unspin.api;

/**
 * Base of Unspin's checked-at-the-edge failures. Every message is one readable line that says what
 * was being done and with which file or input, so front ends can print it without a stack trace.
 */
public class UnspinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnspinException(String message) {
    super(message);
  }

  public UnspinException(String message, Throwable cause) {
    super(message, cause);
  }
}
