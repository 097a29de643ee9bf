package org.unspin.lexicon.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.lexicon.LexiconBuilder;
import org.unspin.lexicon.Pos;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.Resource;

/**
 * Reads a WordNet 3.x database (the Princeton file format: {@code data.*}, {@code index.sense},
 * {@code *.exc}) into a {@link LexiconBuilder}: for every sense of every lemma, edges to the other
 * lemmas of its synset (SYNONYM), of its hypernym and instance-hypernym synsets (HYPERNYM) and, for
 * adjectives, of its similar-to synsets (SIMILAR), ranked by the lemma's sense number with the
 * sense's tag count; parts of speech of every lemma; and the exception lists. Build-time only.
 */
public final class WordNetReader {
  private static final String[] FILES = {"noun", "verb", "adj", "adv"};

  private WordNetReader() {}

  private record Synset(char type, String[] words, String[] rawLemmas, long[] hypernyms, long[] similar) {}

  private record Sense(int number, int tagCount) {}

  /**
   * Reads the database at {@code path} (directory or jar) into {@code b}; returns a one-line summary.
   * The licence header of {@code data.noun} goes into the lexicon's info text, since WordNet's
   * licence asks that its notice appear on all copies, modified ones included.
   */
  public static String read(Path path, LexiconBuilder b) throws IOException {
    int edges0 = b.edgeCount();
    int synsetCount = 0;
    try (ResourceFiles.WordNetFiles files = new ResourceFiles.WordNetFiles(path)) {
      Map<String, Sense> senses = readSenses(files);
      Map<Long, Synset> synsets = new java.util.LinkedHashMap<>();
      for (String f : FILES) {
        try (BufferedReader r = files.open("data." + f)) {
          String line;
          boolean header = f.equals("noun");
          while ((line = r.readLine()) != null) {
            if (line.startsWith("  ")) {
              if (header) {
                // "  12 text  " -> "text": the licence notice, kept verbatim line by line
                String t = line.trim();
                int sp = t.indexOf(' ');
                b.info("  | " + (sp < 0 ? "" : t.substring(sp + 1)));
              }
              continue;
            }
            header = false;
            Synset s = parseSynset(line, path, f);
            synsets.put(key(fileLetter(s.type), Long.parseLong(line.substring(0, 8))), s);
          }
        }
      }
      synsetCount = synsets.size();
      for (Map.Entry<Long, Synset> en : synsets.entrySet()) {
        Synset s = en.getValue();
        long offset = en.getKey() & 0xFFFFFFFFL;
        char fl = fileLetter(s.type);
        int pos = Pos.ofWordNet(s.type);
        for (int i = 0; i < s.words.length; i++) {
          String w = s.words[i];
          if (w == null) {
            continue;
          }
          b.pos(w, pos);
          Sense sense = senses.get(s.rawLemmas[i] + '%' + fl + offset);
          int rank = sense == null ? 99 : sense.number;
          int tags = sense == null ? 0 : sense.tagCount;
          for (int j = 0; j < s.words.length; j++) {
            if (j != i && s.words[j] != null) {
              b.edge(w, s.words[j], Resource.WORDNET, Relation.SYNONYM, pos, rank, tags);
            }
          }
          for (long h : s.hypernyms) {
            linkAll(b, w, synsets.get(h), Relation.HYPERNYM, pos, rank, tags);
          }
          for (long h : s.similar) {
            linkAll(b, w, synsets.get(h), Relation.SIMILAR, pos, rank, tags);
          }
        }
      }
      int exceptions = 0;
      for (String f : FILES) {
        int posBit = switch (f) {
          case "noun" -> Pos.NOUN;
          case "verb" -> Pos.VERB;
          case "adj" -> Pos.ADJ;
          default -> Pos.ADV;
        };
        try (BufferedReader r = files.open(f + ".exc")) {
          String line;
          while ((line = r.readLine()) != null) {
            String[] parts = line.trim().split(" ");
            if (parts.length < 2) {
              continue;
            }
            for (int k = 1; k < parts.length; k++) {
              String inf = LexiconBuilder.normalize(parts[0]);
              String lem = LexiconBuilder.normalize(parts[k]);
              if (inf != null && lem != null) {
                b.exception(posBit, inf, lem);
                exceptions++;
              }
            }
          }
        }
      }
      return String.format(Locale.ROOT, "WordNet %s: %d synsets, %d edges added, %d exceptions", path.getFileName(),
          synsetCount, b.edgeCount() - edges0, exceptions);
    }
  }

  private static void linkAll(LexiconBuilder b, String w, Synset target, Relation rel, int pos, int rank, int tags) {
    if (target == null) {
      return;
    }
    for (String t : target.words) {
      if (t != null) {
        b.edge(w, t, Resource.WORDNET, rel, pos, rank, tags);
      }
    }
  }

  private static Map<String, Sense> readSenses(ResourceFiles.WordNetFiles files) throws IOException {
    Map<String, Sense> m = new HashMap<>(1 << 18);
    try (BufferedReader r = files.open("index.sense")) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] p = line.split(" ");
        if (p.length < 4) {
          continue;
        }
        int pct = p[0].indexOf('%');
        String lemma = p[0].substring(0, pct);
        char ssType = switch (p[0].charAt(pct + 1)) {
          case '1' -> 'n';
          case '2' -> 'v';
          case '3', '5' -> 'a';
          default -> 'r';
        };
        m.put(lemma + '%' + ssType + Long.parseLong(p[1]), new Sense(Integer.parseInt(p[2]), Integer.parseInt(p[3])));
      }
    }
    return m;
  }

  private static char fileLetter(char ssType) {
    return ssType == 's' ? 'a' : ssType;
  }

  private static long key(char fileLetter, long offset) {
    return ((long) fileLetter << 32) | offset;
  }

  private static Synset parseSynset(String line, Path path, String file) {
    try {
      int bar = line.indexOf(" | ");
      String[] t = (bar >= 0 ? line.substring(0, bar) : line).trim().split(" +");
      char type = t[2].charAt(0);
      int wCnt = Integer.parseInt(t[3], 16);
      String[] words = new String[wCnt];
      String[] raw = new String[wCnt];
      int k = 4;
      for (int i = 0; i < wCnt; i++) {
        String w = t[k];
        int paren = w.indexOf('(');
        if (paren > 0 && (type == 'a' || type == 's')) {
          w = w.substring(0, paren); // syntactic marker: galore(ip)
        }
        raw[i] = w.toLowerCase(Locale.ROOT);
        words[i] = LexiconBuilder.normalize(w);
        k += 2;
      }
      int pCnt = Integer.parseInt(t[k++]);
      List<Long> hyp = new ArrayList<>();
      List<Long> sim = new ArrayList<>();
      for (int i = 0; i < pCnt; i++) {
        String sym = t[k];
        long off = Long.parseLong(t[k + 1]);
        char pos = fileLetter(t[k + 2].charAt(0));
        if (sym.equals("@") || sym.equals("@i")) {
          hyp.add(key(pos, off));
        } else if (sym.equals("&")) {
          sim.add(key(pos, off));
        }
        k += 4;
      }
      return new Synset(type, words, raw, hyp.stream().mapToLong(Long::longValue).toArray(),
          sim.stream().mapToLong(Long::longValue).toArray());
    } catch (RuntimeException e) {
      throw new ModelException(path + ": data." + file + ": cannot parse synset line '"
          + line.substring(0, Math.min(80, line.length())) + "': " + e, e);
    }
  }
}
