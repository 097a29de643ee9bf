package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileRecordsTest {
  @Test
  void attemptsFollowTheMasterAndSparksSetting() {
    assertEquals(1, FileRecords.maxAttempts("local", 4));
    assertEquals(1, FileRecords.maxAttempts("local[2]", 4));
    assertEquals(1, FileRecords.maxAttempts("local[*]", 4));
    assertEquals(3, FileRecords.maxAttempts("local[4,3]", 4));
    assertEquals(3, FileRecords.maxAttempts("local[*, 3]", 4));
    assertEquals(4, FileRecords.maxAttempts("yarn", 4));
    assertEquals(8, FileRecords.maxAttempts("spark://host:7077", 8));
    assertEquals(4, FileRecords.maxAttempts("local-cluster[2,1,1024]", 4));
    assertEquals(1, FileRecords.maxAttempts("yarn", 0));
  }

  @Test
  void outsideATaskEveryAttemptIsTheLast() {
    assertEquals(1, FileRecords.lastAttempt());
  }
}
