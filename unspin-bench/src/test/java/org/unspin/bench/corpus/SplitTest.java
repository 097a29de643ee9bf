package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitTest {

  /** Golden buckets, computed by an independent implementation; they pin the split forever. */
  @Test
  void bucketsOfKnownIdsNeverChange() {
    assertEquals(73, Split.bucket("bbc/tech/001"));
    assertEquals(74, Split.bucket("bbc/sport/002"));
    assertEquals(49, Split.bucket("reuters/1"));
    assertEquals(87, Split.bucket("reuters/1001"));
    assertEquals(96, Split.bucket("agnews/1"));
    assertEquals(4, Split.bucket("agnews/5"));
    assertEquals(32, Split.bucket(""));
    assertEquals(60, Split.bucket("é/ü"));
    assertEquals(Split.TRAIN, Split.of("bbc/tech/001"));
    assertEquals(Split.DEV, Split.of("reuters/1001"));
    assertEquals(Split.TEST, Split.of("agnews/1"));
  }

  /** Slow, obviously correct version of the documented rule, in unbounded integers. */
  private static int oracleBucket(String id) {
    BigInteger mod = BigInteger.ONE.shiftLeft(64);
    BigInteger h = new BigInteger("cbf29ce484222325", 16).xor(BigInteger.valueOf(Split.SEED).mod(mod));
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = h.xor(BigInteger.valueOf(b & 0xff)).multiply(new BigInteger("100000001b3", 16)).mod(mod);
    }
    BigInteger[] k = {new BigInteger("ff51afd7ed558ccd", 16), new BigInteger("c4ceb9fe1a85ec53", 16)};
    h = h.xor(h.shiftRight(33));
    h = h.multiply(k[0]).mod(mod);
    h = h.xor(h.shiftRight(33));
    h = h.multiply(k[1]).mod(mod);
    h = h.xor(h.shiftRight(33));
    return h.mod(BigInteger.valueOf(Split.BUCKETS)).intValue();
  }

  @Test
  void bucketMatchesTheDocumentedRuleOnRandomIds() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(30);
      for (int j = 0; j < len; j++) {
        sb.append(rnd.nextInt(8) == 0 ? (char) (0xA0 + rnd.nextInt(0x2000)) : (char) (0x20 + rnd.nextInt(0x5f)));
      }
      String id = sb.toString();
      assertEquals(oracleBucket(id), Split.bucket(id), "seed=" + seed + " id=" + id);
    }
  }

  @Test
  void proportionsAreEightyTenTenOnSyntheticIds() {
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    int n = 200_000;
    for (int i = 1; i <= n; i++) {
      String id = (i % 3 == 0 ? "bbc/tech/" : i % 3 == 1 ? "reuters/" : "agnews/") + i;
      counts.merge(Split.of(id), 1, Integer::sum);
    }
    // Binomial standard deviation at 10% of 200k is about 0.07%; allow 0.5%.
    assertEquals(0.80, counts.get(Split.TRAIN) / (double) n, 0.005, counts.toString());
    assertEquals(0.10, counts.get(Split.DEV) / (double) n, 0.005, counts.toString());
    assertEquals(0.10, counts.get(Split.TEST) / (double) n, 0.005, counts.toString());
  }

  @Test
  void assignmentDependsOnTheIdAloneNotOnOrder() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int i = 0; i < 1000; i++) {
      String id = "agnews/" + rnd.nextInt(1_000_000);
      Split first = Split.of(id);
      Split.of("bbc/other/" + rnd.nextInt());
      assertEquals(first, Split.of(new String(id.toCharArray())), "seed=" + seed + " id=" + id);
    }
  }

  @Test
  void parseAcceptsAnyCaseAndNamesTheBadValue() {
    assertEquals(Split.DEV, Split.parse(" Dev "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.parse("valid"));
    assertTrue(e.getMessage().contains("'valid'"), e.getMessage());
  }
}
