package org.unspin.channel;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.util.NumberedLines;

/**
 * A {@link SynonymDictionary} read from a simple TSV file, for the simulator and for tests until a
 * full lexicon is wired in.
 *
 * <p>Format: UTF-8; {@code #} comment lines and blank lines are ignored; every other line is
 * {@code original<TAB>syn1|syn2|...}, phrases of 1 to 3 words, first synonym first. Phrases are
 * brought to LM form (lower case, single spaces). A headword given twice has its synonym lists
 * joined; duplicates and the headword itself are dropped. A line without a TAB, an empty phrase or
 * a phrase of more than 3 words is an error naming the file and line. Immutable and thread-safe.
 */
public final class TsvSynonymDictionary implements SynonymDictionary {
  /** The longest phrase the format allows, in words. */
  public static final int MAX_WORDS = 3;

  private final Map<String, List<String>> synonyms;
  private final List<String> headwords;

  /** A dictionary of the given entries (headword to synonyms, first first). */
  public TsvSynonymDictionary(Map<String, List<String>> entries) {
    Map<String, List<String>> m = new HashMap<>();
    List<String> heads = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : entries.entrySet()) {
      String h = phrase(e.getKey(), "headword");
      LinkedHashSet<String> syns = new LinkedHashSet<>();
      for (String s : e.getValue()) {
        String p = phrase(s, "synonym");
        if (!p.equals(h)) {
          syns.add(p);
        }
      }
      if (!syns.isEmpty()) {
        List<String> prev = m.get(h);
        if (prev != null) {
          LinkedHashSet<String> joined = new LinkedHashSet<>(prev);
          joined.addAll(syns);
          m.put(h, List.copyOf(joined));
        } else {
          m.put(h, List.copyOf(syns));
          heads.add(h);
        }
      }
    }
    this.synonyms = Map.copyOf(m);
    this.headwords = List.copyOf(heads);
  }

  private static String phrase(String raw, String what) {
    String p = raw.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    if (p.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    int words = p.split(" ").length;
    if (words > MAX_WORDS) {
      throw new IllegalArgumentException(what + " must have at most " + MAX_WORDS + " words (got '" + raw + "')");
    }
    return p;
  }

  /** Reads a dictionary file. */
  public static TsvSynonymDictionary load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ModelException("no such dictionary: " + file, e);
    } catch (IOException e) {
      throw new ModelException("cannot read dictionary " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a dictionary from UTF-8 bytes; {@code source} names it in messages. */
  public static TsvSynonymDictionary read(InputStream in, String source) throws IOException {
    NumberedLines lines = new NumberedLines(in, source, ModelException::new);
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      int lineNo = lines.number();
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new ModelException(source + ":" + lineNo + ": expected original<TAB>syn1|syn2, got '" + line + "'");
      }
      try {
        String head = phrase(line.substring(0, tab), "original");
        List<String> syns = new ArrayList<>();
        for (String s : line.substring(tab + 1).split("\\|", -1)) {
          syns.add(phrase(s, "synonym"));
        }
        entries.computeIfAbsent(head, k -> new ArrayList<>()).addAll(syns);
      } catch (IllegalArgumentException e) {
        throw new ModelException(source + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    return new TsvSynonymDictionary(entries);
  }

  @Override
  public List<String> synonyms(String phrase) {
    List<String> l = synonyms.get(phrase);
    return l == null ? List.of() : l;
  }

  @Override
  public List<String> headwords() {
    return headwords;
  }
}
