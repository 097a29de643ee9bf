package org.unspin.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.unspin.api.ModelException;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.LexiconDictionary;
import org.unspin.text.TextInput;

/**
 * A searchable collection of source documents, opened read-only from a directory written by
 * {@link SourceIndexWriter}. Layout of the directory: {@value #PROPERTIES} (format version, build
 * options, synonym-class description), {@value #LUCENE_DIR}/ (the Lucene index) and, when built
 * with a domain LM, {@value #DOMAIN_LM}.
 *
 * <p>Fields of a document: {@value #FIELD_ID} (stored, unique), {@value #FIELD_URI} (stored,
 * optional), {@value #FIELD_TEXT} (stored), {@value #FIELD_SYN} and {@value #FIELD_IMM} (indexed,
 * see {@link SpinTerms}) and, in evaluation indexes, {@value #FIELD_RAW} (BM25 on raw words) and
 * {@value #FIELD_MINHASH} (MinHash over 5-word shingles).
 *
 * <p>Thread-safe for search after open; {@link #close} once, when no search runs.
 */
public final class SourceIndex implements Closeable {
  /** Version of the index layout; an index with another version is refused. */
  public static final int FORMAT_VERSION = 1;
  public static final String PROPERTIES = "unspin-index.properties";
  public static final String LUCENE_DIR = "lucene";
  public static final String DOMAIN_LM = "domain.lm";

  public static final String FIELD_ID = "id";
  public static final String FIELD_URI = "uri";
  public static final String FIELD_TEXT = "text";
  public static final String FIELD_SYN = "syn";
  public static final String FIELD_IMM = "imm";
  public static final String FIELD_RAW = "raw";
  public static final String FIELD_MINHASH = "minhash";

  private static final Map<String, SynonymClasses> CLASSES = new ConcurrentHashMap<>();

  private final Path dir;
  private final IndexOptions options;
  private final SpinTerms terms;
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private SourceIndex(Path dir, IndexOptions options, SpinTerms terms, FSDirectory directory, DirectoryReader reader) {
    this.dir = dir;
    this.options = options;
    this.terms = terms;
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Opens the index in {@code dir}.
   *
   * @throws ModelException naming {@code dir} when it holds no index or one of another format
   */
  public static SourceIndex open(Path dir) {
    IndexOptions options = readOptions(dir);
    SpinTerms terms = new SpinTerms(classes(options));
    FSDirectory d = null;
    try {
      d = FSDirectory.open(dir.resolve(LUCENE_DIR));
      DirectoryReader r = DirectoryReader.open(d);
      return new SourceIndex(dir, options, terms, d, r);
    } catch (IOException e) {
      closeQuietly(d);
      throw new ModelException(dir + ": cannot open the source index: " + e.getMessage(), e);
    }
  }

  /** Reads and checks {@value #PROPERTIES} of {@code dir}. */
  static IndexOptions readOptions(Path dir) {
    Path file = dir.resolve(PROPERTIES);
    if (!Files.isRegularFile(file)) {
      throw new ModelException(dir + ": not a source index (no " + PROPERTIES + "); build one with 'unspin index build'");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(TextInput.withDefaults().read(file)));
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
    String format = p.getProperty("format");
    if (!("unspin-index " + FORMAT_VERSION).equals(format)) {
      throw new ModelException(file + ": unsupported index format '" + format + "' (this build reads 'unspin-index "
          + FORMAT_VERSION + "'); rebuild the index");
    }
    IndexOptions options = IndexOptions.load(p, file.toString());
    String stored = p.getProperty("classes");
    String now = options.classSpec(Lexicon.loadDefault().phraseCount(), Lexicon.loadDefault().edgeCount());
    if (!now.equals(stored)) {
      throw new ModelException(file + ": built with another lexicon (" + stored + ", this build has " + now
          + "); rebuild the index");
    }
    return options;
  }

  /** The synonym classes of {@code options} over the embedded lexicon, built once per JVM. */
  static SynonymClasses classes(IndexOptions options) {
    Lexicon lex = Lexicon.loadDefault();
    String spec = options.classSpec(lex.phraseCount(), lex.edgeCount());
    return CLASSES.computeIfAbsent(spec, s -> {
      LexiconDictionary view = lex.dictionary();
      if (options.holdOut() > 0) {
        view = view.holdingOut(options.holdOut(), options.holdOutSeed());
      }
      return SynonymClasses.build(view, options.maxClassSize(), s);
    });
  }

  /** The analyzers of the indexed fields (whitespace for the precomputed term fields). */
  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(),
        Map.of(FIELD_RAW, new StandardAnalyzer(), FIELD_MINHASH, minHashAnalyzer()));
  }

  /**
   * The analyzer of the MinHash baseline field: lower-cased standard tokens, 5-word shingles, one
   * MinHash over 512 buckets with rotation (Lucene's defaults). Expert: for evaluation baselines.
   */
  public static Analyzer minHashAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        ShingleFilter shingles = new ShingleFilter(s, 5, 5);
        shingles.setOutputUnigrams(false);
        s = new MinHashFilter(shingles, MinHashFilter.DEFAULT_HASH_COUNT, MinHashFilter.DEFAULT_BUCKET_COUNT,
            MinHashFilter.DEFAULT_HASH_SET_SIZE, true);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  public Path directory() {
    return dir;
  }

  public IndexOptions options() {
    return options;
  }

  /** The term extractor this index was built with; queries must use the same. */
  public SpinTerms terms() {
    return terms;
  }

  /** Number of live documents. */
  public int documentCount() {
    return reader.numDocs();
  }

  /** Number of Lucene segments (search cost grows with it; {@link SourceIndexWriter#forceMerge} lowers it). */
  public int segmentCount() {
    return reader.leaves().size();
  }

  /** The domain language model built with the index ({@code index build --domain-lm}), if any. */
  public Optional<Path> domainLm() {
    Path p = dir.resolve(DOMAIN_LM);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** Bytes on disk of the whole index directory. */
  public long sizeBytes() {
    return sizeOf(dir);
  }

  static long sizeOf(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("size of " + dir, e);
    }
  }

  /** The Lucene searcher (thread-safe). Expert: for evaluation baselines over the raw fields. */
  public IndexSearcher searcher() {
    return searcher;
  }

  IndexReader reader() {
    return reader;
  }

  /** The stored fields of Lucene document {@code doc}. */
  Document document(int doc) {
    try {
      return searcher.storedFields().document(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("reading document " + doc + " of " + dir, e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + dir, e);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }
}
