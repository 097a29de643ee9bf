package org.unspin.lm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.unspin.api.ModelException;

/**
 * A small trigram model of a field's terms, one per line (the tortured-phrase list's expected
 * wordings: "median filter", "cross-validation"), for interpolation with a general model in the
 * texts of that field. Built on first use into a cache directory, under a name that carries the
 * lines' checksum, and reused afterwards (unpruned, 32-bit; a few hundred kilobytes for the shipped
 * list).
 */
public final class TermsModel {
  private TermsModel() {}

  /**
   * The model of {@code lines} in {@code cacheDir}, built there if it is not yet.
   *
   * @throws ModelException if the cache cannot be written or the lines hold no word
   */
  public static BinaryLm load(List<String> lines, Path cacheDir) {
    return BinaryLm.open(file(lines, cacheDir));
  }

  /**
   * The file of the model of {@code lines} in {@code dir} ({@link #load} without opening it), built
   * there if it is not yet.
   *
   * @throws ModelException if the directory cannot be written or the lines hold no word
   */
  public static Path file(List<String> lines, Path cacheDir) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      String t = l.strip();
      if (!t.isEmpty()) {
        sb.append(t).append('\n');
      }
    }
    byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(text);
    String name = String.format(Locale.ROOT, "terms-%08x-%d.ulm", crc.getValue(), text.length);
    try {
      Files.createDirectories(cacheDir);
      Path target = cacheDir.resolve(name);
      if (!Files.isRegularFile(target)) {
        Path dir = Files.createTempDirectory(cacheDir, name + ".build");
        try {
          Path corpus = dir.resolve("terms.txt");
          Files.write(corpus, text);
          NgramModelData data = new LmBuilder(LmBuildConfig.of(3, dir)).quiet().build(List.of(corpus));
          Map<String, String> meta = new LinkedHashMap<>();
          meta.put("sources", "terms, one per line (" + name + ")");
          meta.put("smoothing", "interpolated modified Kneser-Ney");
          Path tmp = dir.resolve("terms.ulm");
          BinaryLmWriter.write(data, tmp, new BinaryLmWriter.Options(32, meta));
          org.unspin.util.AtomicFiles.moveIntoPlace(tmp, target);
        } finally {
          try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(f);
            }
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new ModelException("terms model: cannot build it in " + cacheDir + ": " + e.getMessage(), e);
    }
  }
}
