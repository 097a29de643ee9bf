package org.unspin.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.unspin.api.ModelException;
import org.unspin.lexicon.Lexicon;

/**
 * Builds or extends a {@link SourceIndex}. {@link #add} may be called from several threads at
 * once (term extraction runs in the caller's thread); {@link #close} commits. A document whose id
 * is already in the index replaces it, so adding the same inputs twice keeps one copy of each.
 */
public final class SourceIndexWriter implements Closeable {
  /** Lucene's in-memory buffer before a flush; bounded so that several builds fit one machine. */
  static final double RAM_BUFFER_MB = 128;

  private final Path dir;
  private final IndexOptions options;
  private final SpinTerms terms;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final AtomicLong added = new AtomicLong();

  private SourceIndexWriter(Path dir, IndexOptions options, boolean create) {
    this.dir = dir;
    this.options = options;
    this.terms = new SpinTerms(SourceIndex.classes(options));
    FSDirectory d = null;
    try {
      Files.createDirectories(dir);
      if (create) {
        writeProperties(dir, options);
      }
      d = FSDirectory.open(dir.resolve(SourceIndex.LUCENE_DIR));
      IndexWriterConfig cfg = new IndexWriterConfig(SourceIndex.analyzer());
      cfg.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
      cfg.setRAMBufferSizeMB(RAM_BUFFER_MB);
      this.directory = d;
      this.writer = new IndexWriter(d, cfg);
    } catch (IOException e) {
      if (d != null) {
        try {
          d.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
      throw new ModelException(dir + ": cannot write the source index: " + e.getMessage(), e);
    }
  }

  /** A new, empty index in {@code dir} (an index already there is replaced). */
  public static SourceIndexWriter create(Path dir, IndexOptions options) {
    return new SourceIndexWriter(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(options, "options"), true);
  }

  /** Opens the index in {@code dir} to add documents, with the options it was built with. */
  public static SourceIndexWriter append(Path dir) {
    return new SourceIndexWriter(dir, SourceIndex.readOptions(dir), false);
  }

  private static void writeProperties(Path dir, IndexOptions options) throws IOException {
    Properties p = new Properties();
    p.setProperty("format", "unspin-index " + SourceIndex.FORMAT_VERSION);
    options.store(p);
    Lexicon lex = Lexicon.loadDefault();
    p.setProperty("classes", options.classSpec(lex.phraseCount(), lex.edgeCount()));
    StringWriter w = new StringWriter();
    p.store(w, "Unspin source index: written by 'unspin index build'; do not edit");
    Files.writeString(dir.resolve(SourceIndex.PROPERTIES), w.toString(), StandardCharsets.UTF_8);
  }

  public IndexOptions options() {
    return options;
  }

  /**
   * Adds (or replaces) one document.
   *
   * @param id the document's unique id (file path, record id or URL)
   * @param uri its URL when known, else null
   * @param text its plain text
   */
  public void add(String id, String uri, String text) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Document doc = new Document();
    doc.add(new StringField(SourceIndex.FIELD_ID, id, Field.Store.YES));
    if (uri != null) {
      doc.add(new StoredField(SourceIndex.FIELD_URI, uri));
    }
    if (options.storeText()) {
      doc.add(new StoredField(SourceIndex.FIELD_TEXT, text));
    }
    String[] f = terms.fields(text);
    doc.add(new TextField(SourceIndex.FIELD_SYN, f[0], Field.Store.NO));
    doc.add(new TextField(SourceIndex.FIELD_IMM, f[1], Field.Store.NO));
    if (options.baselines()) {
      doc.add(new TextField(SourceIndex.FIELD_RAW, text, Field.Store.NO));
      doc.add(new TextField(SourceIndex.FIELD_MINHASH, text, Field.Store.NO));
    }
    try {
      writer.updateDocument(new Term(SourceIndex.FIELD_ID, id), doc);
    } catch (IOException e) {
      throw new UncheckedIOException("adding " + id + " to " + dir, e);
    }
    added.incrementAndGet();
  }

  /** Documents added through this writer so far. */
  public long added() {
    return added.get();
  }

  /** Merges segments down to {@code maxSegments} (smaller, faster index; slow on big ones). */
  public void forceMerge(int maxSegments) {
    try {
      writer.forceMerge(maxSegments);
    } catch (IOException e) {
      throw new UncheckedIOException("merging " + dir, e);
    }
  }

  /** Commits and closes. */
  @Override
  public void close() {
    try {
      writer.commit();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("committing " + dir, e);
    }
  }
}
