package org.unspin.cli;

/** A command was called with arguments that cannot work together; exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
