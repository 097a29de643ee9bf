package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.InputException;

class InputFilesTest {
  @TempDir
  Path dir;

  private static void touch(Path p) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  private static String uri(Path p) {
    return "file:" + p.toAbsolutePath();
  }

  @Test
  void kindsAreToldByName() {
    assertEquals(InputKind.WARC, InputKind.of("a.warc"));
    assertEquals(InputKind.WARC, InputKind.of("CC-MAIN-1.WARC.GZ"));
    assertEquals(InputKind.JSONL, InputKind.of("docs.jsonl"));
    assertEquals(InputKind.JSONL, InputKind.of("docs.ndjson"));
    assertEquals(InputKind.WARC, InputKind.of("old.arc.gz"));
    assertEquals(InputKind.JSONL, InputKind.of("docs.jsonl.gz"));
    assertNull(InputKind.of("notes.txt"));
    assertNull(InputKind.of("a.warc.bz2"));
  }

  @Test
  void directoriesAreWalkedSortedSkippingOtherAndHiddenFiles() throws IOException {
    touch(dir.resolve("b/2.warc.gz"));
    touch(dir.resolve("b/1.jsonl"));
    touch(dir.resolve("a.warc"));
    touch(dir.resolve("README.txt"));
    touch(dir.resolve("_SUCCESS"));
    touch(dir.resolve(".hidden/x.warc"));
    touch(dir.resolve("_tmp/y.jsonl"));
    List<String> files = InputFiles.expand(List.of(dir.toString()), new Configuration());
    assertEquals(List.of(uri(dir.resolve("a.warc")), uri(dir.resolve("b/1.jsonl")), uri(dir.resolve("b/2.warc.gz"))),
        files);
  }

  @Test
  void globsAndRepeatedInputsGiveEachFileOnce() throws IOException {
    touch(dir.resolve("x1.warc"));
    touch(dir.resolve("x2.warc"));
    touch(dir.resolve("y.warc"));
    List<String> files = InputFiles.expand(List.of(dir + "/x*.warc", dir.resolve("x1.warc").toString()),
        new Configuration());
    assertEquals(List.of(uri(dir.resolve("x1.warc")), uri(dir.resolve("x2.warc"))), files);
  }

  @Test
  void missingInputIsAnInputErrorNamingIt() {
    String missing = dir.resolve("nope.warc").toString();
    InputException e = assertThrows(InputException.class,
        () -> InputFiles.expand(List.of(missing), new Configuration()));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void namedFileOfUnknownKindIsRejected() throws IOException {
    touch(dir.resolve("a.txt"));
    InputException e = assertThrows(InputException.class,
        () -> InputFiles.expand(List.of(dir.resolve("a.txt").toString()), new Configuration()));
    assertTrue(e.getMessage().contains("a.txt"), e.getMessage());
  }

  @Test
  void directoryWithoutInputFilesIsRejected() throws IOException {
    touch(dir.resolve("a.txt"));
    assertThrows(InputException.class, () -> InputFiles.expand(List.of(dir.toString()), new Configuration()));
  }
}
