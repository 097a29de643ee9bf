package org.unspin.server;

import org.unspin.api.Unspin;

/** The embedded models, loaded once per test JVM and shared (the facade is thread-safe). */
final class SharedModels {
  private static Unspin unspin;

  private SharedModels() {}

  static synchronized Unspin unspin() {
    if (unspin == null) {
      unspin = Unspin.withDefaults();
      unspin.detector();
    }
    return unspin;
  }
}
