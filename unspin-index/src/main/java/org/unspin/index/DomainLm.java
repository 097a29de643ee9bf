package org.unspin.index;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.LmBuildConfig;
import org.unspin.lm.LmBuilder;
import org.unspin.lm.NgramModelData;

/**
 * Builds the domain language model of an index ({@value SourceIndex#DOMAIN_LM}) from its stored
 * texts with {@link LmBuilder}: a publisher's own archive then helps restore copies of it. The
 * text is written to a temporary file in the index directory first (LmBuilder reads files), then
 * deleted.
 */
public final class DomainLm {
  /** Order of the domain model. */
  public static final int ORDER = 3;
  /** Counting memory of the build; past it the builder spills sorted runs to disk. */
  static final long MEMORY_BYTES = 256L << 20;

  private DomainLm() {}

  /**
   * Builds {@code index}'s domain model into its directory and returns the path.
   *
   * @throws org.unspin.api.InputException when the index holds no text
   */
  public static Path build(SourceIndex index) {
    Path dir = index.directory();
    Path corpus = dir.resolve("domain-lm-corpus.txt");
    Path tmp = dir.resolve("domain-lm-tmp");
    try {
      Files.createDirectories(tmp);
      try (BufferedWriter w = Files.newBufferedWriter(corpus, StandardCharsets.UTF_8)) {
        for (LeafReaderContext ctx : index.reader().leaves()) {
          LeafReader leaf = ctx.reader();
          Bits live = leaf.getLiveDocs();
          StoredFields fields = leaf.storedFields();
          for (int d = 0; d < leaf.maxDoc(); d++) {
            if (live != null && !live.get(d)) {
              continue;
            }
            String text = fields.document(d).get(SourceIndex.FIELD_TEXT);
            if (text != null) {
              w.write(text);
              w.write("\n\n");
            }
          }
        }
      }
      LmBuilder builder = new LmBuilder(new LmBuildConfig(ORDER, MEMORY_BYTES, new int[0], 0, 1, tmp));
      NgramModelData data = builder.build(List.of(corpus));
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("sources", "texts of the source index " + dir.getFileName());
      meta.put("smoothing", "interpolated modified Kneser-Ney");
      meta.put("tokens", Long.toString(builder.tokens()));
      meta.put("build-command", "unspin index build --domain-lm");
      Path out = dir.resolve(SourceIndex.DOMAIN_LM);
      BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(8, meta));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("building the domain LM of " + dir, e);
    } finally {
      try {
        Files.deleteIfExists(corpus);
        if (Files.isDirectory(tmp)) {
          try (var s = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) s::iterator) {
              Files.deleteIfExists(p);
            }
          }
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // leftovers in the index directory are harmless
      }
    }
  }
}
