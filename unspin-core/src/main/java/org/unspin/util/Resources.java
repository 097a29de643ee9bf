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

  /** A line of a data file with its 1-based number. */
  public record Line(int number, String text) {}

  /**
   * The lines of a small hand-written data file, decoded as strict UTF-8 (a bad byte is an
   * exception), without blank lines and {@code #} comment lines; {@link Line#text()} is stripped.
   */
  public static java.util.List<Line> dataLines(InputStream in) throws IOException {
    java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in,
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
    java.util.List<Line> out = new java.util.ArrayList<>();
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(new Line(no, t));
      }
    }
    return out;
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
