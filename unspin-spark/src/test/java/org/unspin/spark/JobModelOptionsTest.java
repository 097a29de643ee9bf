package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class JobModelOptionsTest {
  @Test
  void modelPathsWithoutSchemeAreLocalFilesOfTheDriver() {
    assertEquals(Paths.get("models/domain.ulm").toAbsolutePath().toUri().toString(),
        JobModelOptions.withScheme("models/domain.ulm"));
    assertEquals("file:/tmp/a.ulm", JobModelOptions.withScheme("/tmp/a.ulm").replace("file:///", "file:/"));
    assertEquals(Paths.get("a b.ulm").toAbsolutePath().toUri().toString(), JobModelOptions.withScheme("a b.ulm"));
  }

  @Test
  void modelPathsWithSchemeAreKept() {
    assertEquals("hdfs://nn:8020/models/x.ulm", JobModelOptions.withScheme("hdfs://nn:8020/models/x.ulm"));
    assertEquals("s3a://bucket/x.ulm", JobModelOptions.withScheme("s3a://bucket/x.ulm"));
    assertEquals("file:/tmp/x.ulm", JobModelOptions.withScheme("file:/tmp/x.ulm"));
  }
}
