package org.unspin.channel.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.unspin.api.ModelException;
import org.unspin.util.ModelFields;
import org.unspin.util.Resources;
import org.unspin.util.TsvModelFile;
import org.unspin.util.Utf8;

/**
 * How often the entries of a tortured-phrase list occur in clean text: for each entry, the number of
 * clean documents it matched, with the number of words and documents counted ({@code unspin
 * fingerprints clean-counts}). The detector reads the shipped counts (of the shipped list over the
 * permissive corpora the default model is built from) to tell the list's phrases that clean text
 * also writes from those it seldom does ({@code org.unspin.detect.ListEvidence}).
 *
 * <p>File format (UTF-8, TAB-separated, {@code #} comments): {@code format unspin-clean-counts 1};
 * {@code words N} and {@code documents N}; one {@code entry LINE DOCS QUERY} line for each entry
 * that matched at least one document (LINE is the entry's line in the list, QUERY its query as
 * written there; an entry without a line matched none); then {@code provenance KEY VALUE} lines.
 * A malformed file fails with a {@link ModelException} naming the file and line.
 *
 * <p>Immutable and thread-safe.
 */
public final class CleanCounts {
  /** The classpath resource of the shipped counts (the shipped list over the permissive corpora). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/channel/pps-clean-counts.tsv";

  private static final String FORMAT = "unspin-clean-counts";
  private static final String VERSION = "1";

  private final long words;
  private final long documents;
  private final Map<String, Integer> byQuery;
  private final Map<String, String> provenance;

  /**
   * @param words the words of the clean text counted ({@code >= 1})
   * @param documents its documents ({@code >= 1})
   * @param byQuery for each entry's query, the documents it matched ({@code >= 0}; absent = 0)
   * @param provenance where the counts come from (kept in file order)
   */
  public CleanCounts(long words, long documents, Map<String, Integer> byQuery, Map<String, String> provenance) {
    if (words < 1 || documents < 1) {
      throw new IllegalArgumentException("words and documents must be >= 1 (got " + words + ", " + documents + ")");
    }
    for (Map.Entry<String, Integer> e : byQuery.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("negative count for " + e.getKey() + ": " + e.getValue());
      }
    }
    this.words = words;
    this.documents = documents;
    this.byQuery = Map.copyOf(byQuery);
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** The words of the clean text counted. */
  public long words() {
    return words;
  }

  /** The documents of the clean text counted. */
  public long documents() {
    return documents;
  }

  /** The clean documents that the entry with this query matched (0 when none or not counted). */
  public int documentsMatched(String query) {
    return byQuery.getOrDefault(query, 0);
  }

  /** The entries that matched at least one document, by query. */
  public Map<String, Integer> counts() {
    return byQuery;
  }

  public Map<String, String> provenance() {
    return provenance;
  }

  /** The shipped counts. */
  public static CleanCounts loadDefault() {
    return Resources.load(CleanCounts.class, DEFAULT_RESOURCE, CleanCounts::read);
  }

  /** Reads counts from a file. */
  public static CleanCounts load(Path file) {
    return TsvModelFile.load(file, "clean-counts", CleanCounts::read);
  }

  /** Reads counts from UTF-8 bytes; {@code origin} names them in messages. */
  public static CleanCounts read(InputStream in, String origin) throws IOException {
    TsvModelFile f = new TsvModelFile(new InputStreamReader(in, Utf8.strictDecoder()), origin);
    if (!f.next() || !f.line().equals("format\t" + FORMAT + "\t" + VERSION)) {
      throw new ModelException(origin + ": not an unspin clean-counts file (want a first line 'format\t" + FORMAT
          + "\t" + VERSION + "')");
    }
    long words = -1;
    long documents = -1;
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> provenance = new LinkedHashMap<>();
    while (f.next()) {
      String[] x = f.fields();
      String where = f.where();
      switch (x[0]) {
        case "words", "documents" -> {
          if (x.length != 2) {
            throw new ModelException(where + "want '" + x[0] + "<TAB>N'");
          }
          long v = ModelFields.whole(x[1], 1, where);
          if ((x[0].equals("words") ? words : documents) >= 0) {
            throw new ModelException(where + "repeated '" + x[0] + "'");
          }
          if (x[0].equals("words")) {
            words = v;
          } else {
            documents = v;
          }
        }
        case "entry" -> {
          if (x.length != 4 || x[3].isEmpty()) {
            throw new ModelException(where + "want 'entry<TAB>LINE<TAB>DOCS<TAB>QUERY'");
          }
          ModelFields.whole(x[1], 1, where);
          long docs = ModelFields.whole(x[2], 1, where);
          if (docs > Integer.MAX_VALUE) {
            throw new ModelException(where + "count too large: " + x[2]);
          }
          if (counts.put(x[3], (int) docs) != null) {
            throw new ModelException(where + "repeated entry '" + ModelFields.abbreviate(x[3]) + "'");
          }
        }
        case "provenance" -> TsvModelFile.putProvenance(x, where, provenance);
        default -> throw new ModelException(where + "unknown line type '" + ModelFields.abbreviate(x[0]) + "'");
      }
    }
    if (words < 0 || documents < 0) {
      throw new ModelException(origin + ": missing '" + (words < 0 ? "words" : "documents") + "' line");
    }
    return new CleanCounts(words, documents, counts, provenance);
  }

  /**
   * Writes the counts of {@code list}'s entries in its order (entries that matched nothing are left
   * out, and an entry whose query an earlier entry has, which matches the same documents), with
   * {@code provenance}.
   */
  public static void write(Writer w, FingerprintList list, long words, long documents, Map<Fingerprint, Integer> docs,
      Map<String, String> provenance) throws IOException {
    Objects.requireNonNull(list, "list");
    StringBuilder sb = new StringBuilder();
    sb.append("# How many clean documents each entry of a tortured-phrase list matched (unspin fingerprints"
        + " clean-counts).\n# Entries that matched none are left out. See docs/detect.md, 'The list's evidence'.\n");
    sb.append("format\t").append(FORMAT).append('\t').append(VERSION).append('\n');
    sb.append("words\t").append(words).append('\n');
    sb.append("documents\t").append(documents).append('\n');
    java.util.Set<String> written = new java.util.HashSet<>();
    for (Fingerprint fp : list.entries()) {
      Integer n = docs.get(fp);
      if (n != null && n > 0 && written.add(fp.query())) {
        if (fp.query().indexOf('\t') >= 0 || fp.query().indexOf('\n') >= 0) {
          throw new IllegalArgumentException("a query with a TAB or line break cannot be written: line " + fp.line());
        }
        sb.append("entry\t").append(fp.line()).append('\t').append(n).append('\t').append(fp.query()).append('\n');
      }
    }
    TsvModelFile.appendProvenance(sb, provenance);
    w.write(sb.toString());
  }
}
