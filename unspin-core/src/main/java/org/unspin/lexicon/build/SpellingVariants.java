package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

/**
 * Derives British / American spelling pairs from two word lists (SCOWL's {@code british-english}
 * and {@code american-english}, Debian packages wbritish and wamerican): a lower-case word found
 * only in the British list is paired with the first rewrite (our/or, ise/ize, yse/yze, tre/ter,
 * ogue/og, ence/ense, ll/l, ae/e, oe/e, mme/m) found only in the American list. Adds edges both
 * ways. Build-time only.
 */
public final class SpellingVariants {
  private static final String[][] RULES = {{"our", "or"}, {"isa", "iza"}, {"ise", "ize"}, {"isi", "izi"},
      {"ys", "yz"}, {"tre", "ter"}, {"tred", "tered"}, {"ogue", "og"}, {"ence", "ense"}, {"ll", "l"}, {"ae", "e"},
      {"oe", "e"}, {"mme", "m"}};

  /** The SCOWL copyright and permission notice, which its licence asks copies to carry. */
  static final String NOTICE = String.join("\n",
      "  | SCOWL word lists: Copyright 2000-2011 by Kevin Atkinson.",
      "  | Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,",
      "  | the output created from the scripts, and its documentation for any purpose is hereby granted",
      "  | without fee, provided that the above copyright notice appears in all copies and that both that",
      "  | copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson",
      "  | makes no representations about the suitability of this array for any purpose. It is provided",
      "  | \"as is\" without express or implied warranty.");

  private SpellingVariants() {}

  /** Reads both lists and adds the pairs to {@code b}; returns a one-line summary. */
  public static String read(Path british, Path american, LexiconBuilder b) throws IOException {
    Set<String> gb = words(british);
    Set<String> us = words(american);
    int pairs = 0;
    for (String w : new java.util.TreeSet<>(gb)) {
      if (us.contains(w)) {
        continue;
      }
      String v = americanOf(w, us, gb);
      if (v != null) {
        b.edge(w, v, Resource.SPELLING, Relation.SPELLING, 0, 1, 0);
        b.edge(v, w, Resource.SPELLING, Relation.SPELLING, 0, 1, 0);
        pairs++;
      }
    }
    b.info(NOTICE);
    return String.format(Locale.ROOT, "Spelling %s / %s: %d pairs", british.getFileName(), american.getFileName(),
        pairs);
  }

  static String americanOf(String w, Set<String> us, Set<String> gb) {
    for (String[] rule : RULES) {
      for (int i = w.indexOf(rule[0]); i >= 0; i = w.indexOf(rule[0], i + 1)) {
        String v = w.substring(0, i) + rule[1] + w.substring(i + rule[0].length());
        if (us.contains(v) && !gb.contains(v)) {
          return v;
        }
      }
    }
    return null;
  }

  private static Set<String> words(Path file) throws IOException {
    Set<String> s = new HashSet<>();
    try (BufferedReader r = ResourceFiles.open(file)) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.trim();
        if (!w.isEmpty() && w.equals(w.toLowerCase(Locale.ROOT)) && w.indexOf('\'') < 0) {
          String n = LexiconBuilder.normalize(w);
          if (n != null && n.indexOf(' ') < 0) {
            s.add(n);
          }
        }
      }
    }
    return s;
  }
}
