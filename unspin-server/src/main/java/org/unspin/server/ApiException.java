package org.unspin.server;

/**
 * A request that cannot be served, with the HTTP status and the one-line message the client sees
 * as {@code {"error": message, "status": status}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String retryAfterSeconds;

  public ApiException(int status, String message) {
    this(status, message, null);
  }

  /**
   * @param retryAfterSeconds value of the {@code Retry-After} header, or null for none
   */
  public ApiException(int status, String message, String retryAfterSeconds) {
    super(message, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error status 400..599 (got " + status + ")");
    }
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  /** The {@code Retry-After} header value, or null. */
  public String retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
