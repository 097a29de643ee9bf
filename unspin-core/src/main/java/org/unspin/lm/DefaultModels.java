package org.unspin.lm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.ModelException;

/**
 * The models shipped inside the Unspin jar.
 *
 * <p>A class-path resource cannot be memory-mapped, so the embedded language model is copied once
 * into a cache directory ({@code $UNSPIN_CACHE}, else {@code ~/.cache/unspin}) under a name that
 * carries its payload checksum and length ({@code default-<crc32>-<bytes>.ulm}), written to a
 * temporary file and renamed atomically, then mapped from there. Later runs (and concurrent ones)
 * reuse the copy; a new jar with another model gets another file name. Thread-safe.
 */
public final class DefaultModels {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultModels.class);

  /** Class-path location of the embedded language model. */
  public static final String LANGUAGE_MODEL_RESOURCE = "/org/unspin/models/default.ulm";

  private static BinaryLm languageModel;

  private DefaultModels() {}

  /** Opens the source of a resource; a function so tests can supply their own. */
  @FunctionalInterface
  interface ResourceOpener {
    /** The stream, or {@code null} if the resource does not exist. */
    InputStream open() throws IOException;
  }

  /**
   * The embedded default language model, loaded on first use and shared afterwards.
   *
   * @throws ModelException if the jar holds no model, the cache is not writable, or the model is
   *     corrupt
   */
  public static synchronized LanguageModel languageModel() {
    if (languageModel == null) {
      languageModel = load(LANGUAGE_MODEL_RESOURCE,
          () -> DefaultModels.class.getResourceAsStream(LANGUAGE_MODEL_RESOURCE), cacheDirectory());
    }
    return languageModel;
  }

  /** {@code $UNSPIN_CACHE}, else {@code ~/.cache/unspin}. */
  public static Path cacheDirectory() {
    String env = System.getenv("UNSPIN_CACHE");
    if (env != null && !env.isBlank()) {
      return Paths.get(env);
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "unspin");
  }

  static BinaryLm load(String name, ResourceOpener opener, Path cacheDir) {
    long t0 = System.nanoTime();
    try (InputStream in = opener.open()) {
      if (in == null) {
        throw new ModelException("embedded language model " + name + " is missing from the class path"
            + " (build the jar with the model, or pass --lm FILE)");
      }
      int fixed = LmFormat.FIXED;
      byte[] head = in.readNBytes(fixed);
      if (head.length < fixed || !Arrays.equals(Arrays.copyOf(head, 8), LmFormat.MAGIC)) {
        throw new ModelException("embedded language model " + name + " is not an Unspin model");
      }
      ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
      long total = h.getInt(LmFormat.OFF_HEADER_LENGTH) + h.getLong(LmFormat.OFF_PAYLOAD_LENGTH);
      String file = String.format(Locale.ROOT, "default-%08x-%d.ulm", h.getInt(LmFormat.OFF_PAYLOAD_CRC), total);
      Files.createDirectories(cacheDir);
      Path target = cacheDir.resolve(file);
      if (!Files.isRegularFile(target) || Files.size(target) != total) {
        Path tmp = Files.createTempFile(cacheDir, file, ".tmp");
        try {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(head);
            in.transferTo(out);
          }
          org.unspin.util.AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
          Files.deleteIfExists(tmp);
        }
        LOG.info("copied embedded language model to {}", target);
      }
      BinaryLm lm = BinaryLm.open(target);
      LOG.debug("loaded embedded language model from {} in {} ms", target, (System.nanoTime() - t0) / 1_000_000);
      return lm;
    } catch (IOException e) {
      throw new ModelException("embedded language model " + name + ": cannot copy it to " + cacheDir + ": "
          + e.getMessage(), e);
    }
  }
}
