package org.unspin.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;
import org.unspin.text.LmText;

/**
 * Test double: an interpolated absolute-discounting n-gram model (order 1 to 3) trained by
 * counting, with add-k unigrams. Keys are packed longs in open-addressing tables, so queries do
 * not allocate and the speed is roughly that of a real hashed model.
 */
public final class CountingLm implements LanguageModel {
  private static final double DISCOUNT = 0.75;
  private static final double ADD_K = 0.1;

  private final int order;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private final LongIntMap ngrams = new LongIntMap();
  private final LongIntMap histTotal = new LongIntMap();
  private final LongIntMap histTypes = new LongIntMap();
  private long total;

  CountingLm(int order, List<String[]> sentences) {
    if (order < 1 || order > 3) {
      throw new IllegalArgumentException("order must be in [1, 3] (got " + order + ")");
    }
    this.order = order;
    id(Vocabulary.UNK_WORD);
    id(Vocabulary.BOS_WORD);
    id(Vocabulary.EOS_WORD);
    for (String[] s : sentences) {
      int[] seq = new int[s.length + 2];
      seq[0] = Vocabulary.BOS;
      for (int i = 0; i < s.length; i++) {
        seq[i + 1] = id(s[i]);
      }
      seq[s.length + 1] = Vocabulary.EOS;
      for (int j = 1; j < seq.length; j++) {
        total++;
        for (int n = 1; n <= order && j - n + 1 >= 0; n++) {
          long key = key(seq, j - n + 1, n - 1, seq[j]);
          int c = ngrams.add(key, 1);
          if (n > 1) {
            long h = key(seq, j - n + 1, n - 2, seq[j - 1]);
            histTotal.add(h, 1);
            if (c == 1) {
              histTypes.add(h, 1);
            }
          }
        }
      }
    }
  }

  /** Trains on running text split with {@link LmText}. */
  public static CountingLm fromText(int order, String text) {
    List<String[]> sentences = new ArrayList<>();
    LmText.forEachSentence(text, (forms, count) -> sentences.add(Arrays.copyOf(forms, count)));
    return new CountingLm(order, sentences);
  }

  private int id(String w) {
    Integer i = ids.get(w);
    if (i == null) {
      i = words.size();
      ids.put(w, i);
      words.add(w);
    }
    return i;
  }

  /** Packs the {@code hlen} ids at {@code a[from..]} and {@code last} with the length. */
  private static long key(int[] a, int from, int hlen, int last) {
    long k = hlen + 1;
    for (int i = 0; i < hlen; i++) {
      k = (k << 20) | a[from + i];
    }
    return (k << 20) | last;
  }

  @Override
  public Vocabulary vocabulary() {
    return new Vocabulary() {
      @Override
      public int size() {
        return words.size();
      }

      @Override
      public int id(CharSequence word) {
        Integer i = ids.get(word.toString());
        return i == null ? UNK : i;
      }

      @Override
      public String word(int id) {
        return words.get(id);
      }
    };
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    int c1 = word >= 3 || word == Vocabulary.EOS ? ngrams.get(key(context, 0, 0, word)) : 0;
    double p = (c1 + ADD_K) / (total + ADD_K * words.size());
    int matched = c1 > 0 ? 1 : 0;
    int hmax = Math.min(length, order - 1);
    boolean contiguous = matched == 1;
    for (int k = 1; k <= hmax; k++) {
      int hfrom = from + length - k;
      long h = key(context, hfrom, k - 1, context[from + length - 1]);
      int ch = histTotal.get(h);
      if (ch == 0) {
        break;
      }
      int c = ngrams.get(key(context, hfrom, k, word));
      double lambda = DISCOUNT * histTypes.get(h) / ch;
      p = Math.max(0, c - DISCOUNT) / ch + lambda * p;
      if (c > 0 && contiguous) {
        matched = k + 1;
      } else {
        contiguous = false;
      }
    }
    return LanguageModel.pack((float) Math.log10(p), matched);
  }

  /** Open-addressing long -> int map; 0 means absent. */
  static final class LongIntMap {
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;

    int get(long key) {
      int mask = keys.length - 1;
      int slot = hash(key) & mask;
      while (true) {
        if (values[slot] == 0) {
          return 0;
        }
        if (keys[slot] == key) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
    }

    int add(long key, int delta) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int slot = hash(key) & mask;
      while (values[slot] != 0 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (values[slot] == 0) {
        size++;
        keys[slot] = key;
      }
      values[slot] += delta;
      return values[slot];
    }

    private void grow() {
      long[] ok = keys;
      int[] ov = values;
      keys = new long[ok.length * 2];
      values = new int[ov.length * 2];
      size = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ov[i] != 0) {
          add(ok[i], ov[i]);
        }
      }
    }

    private static int hash(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      return (int) k;
    }
  }
}
