package org.unspin.util;

import java.io.IOException;
import java.io.InputStream;
import org.unspin.api.ModelException;

/** Reads the data files shipped as classpath resources, with one way of reporting their failures. */
public final class Resources {
  private Resources() {}

  /** Parses a resource's bytes; {@code origin} names the resource in error messages. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(InputStream in, String origin) throws IOException;
  }

  /**
   * Reads the classpath resource {@code path} (absolute, e.g. {@code /org/unspin/...}) next to
   * {@code anchor} with {@code parser}.
   *
   * @throws ModelException when the resource is missing from this build or cannot be read
   */
  public static <T> T load(Class<?> anchor, String path, Parser<T> parser) {
    String origin = "classpath:" + path;
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new ModelException("missing resource " + origin + " in this build");
      }
      return parser.parse(in, origin);
    } catch (IOException e) {
      throw new ModelException(origin + ": cannot read: " + e.getMessage(), e);
    }
  }
}
