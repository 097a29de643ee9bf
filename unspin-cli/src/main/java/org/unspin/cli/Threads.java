package org.unspin.cli;

/**
 * The {@code --threads N} rule that the commands working on many documents share: the number of
 * cores when the option is not given, and a usage error outside {@code 1..}{@value #MAX}.
 */
final class Threads {
  /** More threads than this is a typing error rather than a machine. */
  static final int MAX = 1024;

  private Threads() {}

  /**
   * @param given the option's value, {@code null} when it was not given
   * @return {@code given}, or the number of cores
   * @throws UsageException if {@code given} is outside {@code 1..MAX}
   */
  static int resolve(Integer given) {
    int n = given == null ? Runtime.getRuntime().availableProcessors() : given;
    if (n < 1 || n > MAX) {
      throw new UsageException("--threads must be in 1.." + MAX + " (got " + n + ")");
    }
    return n;
  }
}
