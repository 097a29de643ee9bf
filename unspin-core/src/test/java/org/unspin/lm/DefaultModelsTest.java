package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class DefaultModelsTest {
  @TempDir
  Path dir;

  @Test
  void copiesTheResourceOnceUnderItsChecksumAndMapsIt() throws IOException {
    LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "src.ulm", 8).close();
    byte[] bytes = Files.readAllBytes(dir.resolve("src.ulm"));
    Path cache = dir.resolve("cache");
    int[] opened = {0};
    DefaultModels.ResourceOpener opener = () -> {
      opened[0]++;
      return new ByteArrayInputStream(bytes);
    };
    try (BinaryLm lm = DefaultModels.load("test.ulm", opener, cache)) {
      assertEquals(3, lm.order());
      assertTrue(lm.path().getFileName().toString().matches("default-[0-9a-f]{8}-" + bytes.length + "\\.ulm"),
          lm.path().toString());
    }
    Path copied;
    try (Stream<Path> s = Files.list(cache)) {
      copied = s.reduce((x, y) -> {
        throw new AssertionError("more than one file in the cache: " + x + ", " + y);
      }).orElseThrow();
    }
    long modified = Files.getLastModifiedTime(copied).toMillis();
    try (BinaryLm again = DefaultModels.load("test.ulm", opener, cache)) {
      assertEquals(copied, again.path());
    }
    assertEquals(modified, Files.getLastModifiedTime(copied).toMillis(), "the cached copy is reused");
  }

  @Test
  void missingResourceIsAClearModelException() {
    ModelException e = assertThrows(ModelException.class, () -> DefaultModels.load("/x/default.ulm", () -> null, dir));
    assertTrue(e.getMessage().startsWith("embedded language model /x/default.ulm is missing"), e.getMessage());
  }

  @Test
  void resourceThatIsNoModelIsRejected() {
    ModelException e = assertThrows(ModelException.class,
        () -> DefaultModels.load("r", () -> new ByteArrayInputStream(new byte[100]), dir));
    assertEquals("embedded language model r is not an Unspin model", e.getMessage());
  }
}
