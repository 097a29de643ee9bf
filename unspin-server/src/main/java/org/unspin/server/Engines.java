package org.unspin.server;

import java.nio.file.Path;
import org.unspin.api.Unspin;
import org.unspin.api.UnspinException;

/** Builds the server's {@link Engine} from the loaded models and the optional source index. */
final class Engines {
  private Engines() {}

  static Engine create(Unspin unspin, Path index) {
    if (index != null) {
      throw new UnspinException("--index: tracing is not in this build yet (the source index module is missing)");
    }
    return Engine.of(unspin);
  }
}
