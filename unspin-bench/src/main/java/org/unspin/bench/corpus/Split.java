package org.unspin.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fixed split of the evaluation corpora by document: 80% train, 10% dev, 10% test.
 *
 * <p>Rule (reproducible in any language): take the UTF-8 bytes of the document id; start with
 * {@code h = 0xcbf29ce484222325 ^ SEED}; for every byte {@code b}: {@code h ^= b; h *= 0x100000001b3}
 * (FNV-1a, 64 bit, wrapping); then apply the MurmurHash3 64-bit finalizer ({@link #mix}); the bucket
 * is {@code h} as an unsigned number modulo 100. Buckets 0..79 are train, 80..89 dev, 90..99 test.
 * The assignment depends on the id only, so it stays the same when documents are added or removed.
 */
public enum Split {
  TRAIN,
  DEV,
  TEST;

  /** The seed of the split hash ("unspin!1" in ASCII). Changing it reshuffles every split. */
  public static final long SEED = 0x756e7370696e2131L;
  /** Buckets below this are train. */
  public static final int TRAIN_BUCKETS = 80;
  /** Buckets below this (and not train) are dev; the rest, up to {@link #BUCKETS}, are test. */
  public static final int DEV_END = 90;
  /** Number of buckets. */
  public static final int BUCKETS = 100;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** The split of the document with this id. */
  public static Split of(String id) {
    int bucket = bucket(id);
    if (bucket < TRAIN_BUCKETS) {
      return TRAIN;
    }
    return bucket < DEV_END ? DEV : TEST;
  }

  /** The bucket, 0..99, of the document with this id. */
  public static int bucket(String id) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    long h = FNV_OFFSET ^ SEED;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return (int) Long.remainderUnsigned(mix(h), BUCKETS);
  }

  /** MurmurHash3 fmix64: spreads every input bit over the whole word. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Parses {@code train}, {@code dev} or {@code test} (any case). */
  public static Split parse(String name) {
    for (Split s : values()) {
      if (s.name().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("split must be train, dev or test (got '" + name + "')");
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
