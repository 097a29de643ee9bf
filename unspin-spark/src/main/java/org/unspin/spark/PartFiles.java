package org.unspin.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.DefaultCodec;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.TaskContext;
import org.unspin.api.InputException;
import org.unspin.util.Json;

/**
 * The report's part files in the one-task-per-file mode: input file number {@code i} (in the
 * sorted file list) goes to {@code part-<i>-<h>.jsonl[.gz]} or {@code part-<i>-<h>.<codec>.parquet}
 * in OUT, where {@code <i>} is the index zero-padded to a width fixed by the file count and
 * {@code <h>} the first 8 hex digits of the SHA-256 of the file's URI. Names therefore sort in file
 * order and are the same in every run over the same inputs, which is what {@code --resume} needs.
 *
 * <p>Each part is written under a temporary name in {@value #TEMP_DIR} (one per task attempt) and
 * renamed into place when complete; before that, the file's {@link PartState} (its summary
 * contribution and one mark per record) is published the same way under {@value #STATE_DIR}. A
 * part counts as complete when both exist, so a job that dies at any moment leaves every input file
 * either complete or to be redone. Two attempts of the same file (a retry, speculation) write the
 * same bytes; whichever rename comes first wins, the other attempt drops its copy. Spark's own
 * writers are not used here: their file names carry a per-job id, and with the default committer
 * (v1) nothing reaches OUT before the job commits, so a dead driver loses every finished task.
 */
final class PartFiles implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where the parts' states live (skipped by Spark's readers: the name starts with {@code _}). */
  static final String STATE_DIR = "_unspin-parts";
  /** Where parts and states are written before they are renamed into place. */
  static final String TEMP_DIR = "_unspin-temporary";

  /** The report line's fields as Parquet columns, as Spark writes {@link ReportSchema#LINE}. */
  static final String PARQUET_SCHEMA = "message spark_schema {\n"
      + "  optional binary id (STRING);\n"
      + "  optional binary uri (STRING);\n"
      + "  optional binary source (STRING);\n"
      + "  optional binary verdict (STRING);\n"
      + "  optional double spun_probability;\n"
      + "  optional binary note (STRING);\n"
      + "  optional group findings (LIST) {\n"
      + "    repeated group list {\n"
      + "      optional group element {\n"
      + "        optional int32 start;\n"
      + "        optional int32 end;\n"
      + "        optional binary text (STRING);\n"
      + "        optional binary suggestion (STRING);\n"
      + "        optional double confidence;\n"
      + "        optional binary rule (STRING);\n"
      + "      }\n"
      + "    }\n"
      + "  }\n"
      + "  optional binary error (STRING);\n"
      + "}\n";

  private static final List<String> STRING_COLUMNS = List.of("id", "uri", "source", "verdict", "note");

  private final String out;
  private final OutputFormat format;
  private final String codec;
  private final String extension;
  private final int width;
  private final HadoopConf conf;

  /**
   * @param out the output directory
   * @param compression the {@code --compression} value, or null for the format's default
   * @param files how many input files the job has (fixes the width of the index in the names)
   * @throws InputException if the codec is unknown for the format
   */
  PartFiles(String out, OutputFormat format, String compression, int files, HadoopConf conf) {
    this.out = out;
    this.format = format;
    this.conf = conf;
    this.width = Math.max(5, Integer.toString(Math.max(0, files - 1)).length());
    String c = compression == null ? null : compression.toLowerCase(Locale.ROOT);
    switch (format) {
      case JSONL -> {
        CompressionCodec cc = textCodec(c, conf.get());
        this.codec = cc == null ? null : cc.getClass().getName();
        this.extension = ".jsonl" + (cc == null ? "" : cc.getDefaultExtension());
      }
      case PARQUET -> {
        CompressionCodecName name = parquetCodec(c);
        this.codec = name.name();
        this.extension = name.getExtension() + ".parquet";
      }
      default -> throw new IllegalStateException("format " + format);
    }
  }

  private static CompressionCodec textCodec(String c, Configuration conf) {
    if (c == null || c.equals("none") || c.equals("uncompressed")) {
      return null;
    }
    CompressionCodecFactory factory = new CompressionCodecFactory(conf);
    CompressionCodec cc = c.equals("deflate") ? factory.getCodecByClassName(DefaultCodec.class.getName())
        : factory.getCodecByName(c);
    if (cc == null) {
      throw new InputException("--compression " + c + " is not a codec for JSONL (gzip, bzip2, deflate, lz4, "
          + "snappy, none)");
    }
    return cc;
  }

  private static CompressionCodecName parquetCodec(String c) {
    if (c == null) {
      return CompressionCodecName.SNAPPY;
    }
    if (c.equals("none")) {
      return CompressionCodecName.UNCOMPRESSED;
    }
    for (CompressionCodecName n : CompressionCodecName.values()) {
      if (n.name().toLowerCase(Locale.ROOT).equals(c)) {
        return n;
      }
    }
    throw new InputException("--compression " + c + " is not a codec for Parquet (snappy, zstd, gzip, lz4, none)");
  }

  /**
   * The codec the parts are written with, as it shapes them: a Hadoop codec class or "none" for
   * JSONL, a Parquet codec name for Parquet (so {@code --compression snappy} and the default agree).
   */
  String codec() {
    return codec == null ? "none" : codec;
  }

  /** The part file name of input file number {@code index} with URI {@code uri}. */
  String name(int index, String uri) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    String n = Integer.toString(index);
    return "part-" + "0".repeat(Math.max(0, width - n.length())) + n + "-"
        + HexFormat.of().formatHex(digest, 0, 4) + extension;
  }

  Path part(String name) {
    return new Path(out, name);
  }

  Path state(String name) {
    return new Path(new Path(out, STATE_DIR), name + ".state");
  }

  /**
   * Which of {@code files} have a complete part (the part and its state) in OUT; lists OUT and
   * the state directory once each.
   */
  boolean[] complete(List<String> files) throws IOException {
    Configuration c = conf.get();
    Path dir = new Path(out);
    FileSystem fs = dir.getFileSystem(c);
    Set<String> parts = names(fs, dir);
    Set<String> states = names(fs, new Path(dir, STATE_DIR));
    boolean[] done = new boolean[files.size()];
    for (int i = 0; i < done.length; i++) {
      String n = name(i, files.get(i));
      done[i] = parts.contains(n) && states.contains(n + ".state");
    }
    return done;
  }

  private static Set<String> names(FileSystem fs, Path dir) throws IOException {
    Set<String> names = new HashSet<>();
    if (fs.exists(dir)) {
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isFile()) {
          names.add(st.getPath().getName());
        }
      }
    }
    return names;
  }

  /**
   * The state of the complete part of input file number {@code index}.
   *
   * @throws IOException if it cannot be read or belongs to another file
   */
  PartState readState(int index, String uri) throws IOException {
    Path p = state(name(index, uri));
    PartState s;
    try (InputStream in = p.getFileSystem(conf.get()).open(p)) {
      s = PartState.readFrom(in, p.toString());
    }
    if (!s.uri().equals(uri)) {
      throw new IOException(p + " is the state of " + s.uri() + ", not of " + uri);
    }
    return s;
  }

  /** Writes the part of one input file; {@link #commit} publishes it, {@link #close} drops what was not. */
  Writer open(int index, String uri) throws IOException {
    return new Writer(name(index, uri));
  }

  /** Deletes the temporary directory (at the end of a job, when every part is in place). */
  void deleteTemporary() throws IOException {
    Path tmp = new Path(out, TEMP_DIR);
    tmp.getFileSystem(conf.get()).delete(tmp, true);
  }

  /** One part being written by one task attempt. Not thread-safe. */
  final class Writer implements AutoCloseable {
    private final String name;
    private final FileSystem fs;
    private final Path tmpPart;
    private final Path tmpState;
    private final OutputStream text;
    private final ParquetWriter<Group> parquet;
    private final SimpleGroupFactory groups;
    private boolean committed;

    private Writer(String name) throws IOException {
      this.name = name;
      Configuration c = conf.get();
      Path tmpDir = new Path(out, TEMP_DIR);
      this.fs = tmpDir.getFileSystem(c);
      TaskContext task = TaskContext.get();
      String attempt = task == null ? "driver-" + System.nanoTime() : "attempt-" + task.taskAttemptId();
      this.tmpPart = new Path(tmpDir, name + "." + attempt);
      this.tmpState = new Path(tmpDir, name + ".state." + attempt);
      if (format == OutputFormat.JSONL) {
        OutputStream raw = fs.create(tmpPart, true);
        if (codec == null) {
          this.text = raw;
        } else {
          CompressionCodec cc = new CompressionCodecFactory(c).getCodecByClassName(codec);
          this.text = cc.createOutputStream(raw);
        }
        this.parquet = null;
        this.groups = null;
      } else {
        MessageType schema = MessageTypeParser.parseMessageType(PARQUET_SCHEMA);
        this.text = null;
        this.groups = new SimpleGroupFactory(schema);
        this.parquet = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(tmpPart, c))
            .withConf(c)
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.valueOf(codec))
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
      }
    }

    /** Appends one report line. */
    void write(String line) throws IOException {
      if (text != null) {
        text.write(line.getBytes(StandardCharsets.UTF_8));
        text.write('\n');
      } else {
        parquet.write(row(line));
      }
    }

    private Group row(String line) {
      Map<String, Object> m = Json.parseObject(line);
      Group g = groups.newGroup();
      for (String col : STRING_COLUMNS) {
        appendString(g, col, m.get(col));
      }
      if (m.get("spun_probability") instanceof Number p) {
        g.append("spun_probability", p.doubleValue());
      }
      if (m.get("findings") instanceof List<?> fs) {
        Group list = g.addGroup("findings");
        for (Object o : fs) {
          Group element = list.addGroup("list").addGroup("element");
          if (o instanceof Map<?, ?> f) {
            if (f.get("start") instanceof Number n) {
              element.append("start", n.intValue());
            }
            if (f.get("end") instanceof Number n) {
              element.append("end", n.intValue());
            }
            appendString(element, "text", f.get("text"));
            appendString(element, "suggestion", f.get("suggestion"));
            if (f.get("confidence") instanceof Number n) {
              element.append("confidence", n.doubleValue());
            }
            appendString(element, "rule", f.get("rule"));
          }
        }
      }
      appendString(g, "error", m.get("error"));
      return g;
    }

    /** A string column; a value of another JSON type is kept as its JSON text, as Spark's from_json does. */
    private static void appendString(Group g, String col, Object v) {
      if (v != null) {
        g.append(col, v instanceof String s ? s : Json.write(v));
      }
    }

    /** Finishes the part and publishes its state, then the part itself. */
    void commit(PartState state) throws IOException {
      if (text != null) {
        text.close();
      } else {
        parquet.close();
      }
      try (OutputStream o = fs.create(tmpState, true)) {
        state.writeTo(o);
      }
      publish(tmpState, state(name));
      publish(tmpPart, part(name));
      committed = true;
    }

    private void publish(Path tmp, Path dest) throws IOException {
      fs.mkdirs(dest.getParent());
      if (!fs.rename(tmp, dest)) {
        if (!fs.exists(dest)) {
          throw new IOException("cannot rename " + tmp + " to " + dest);
        }
        // Another attempt of the same file got there first, with the same bytes.
        fs.delete(tmp, false);
      }
    }

    /** Drops the temporary files of an attempt that did not commit. */
    @Override
    public void close() throws IOException {
      if (committed) {
        return;
      }
      try {
        if (text != null) {
          text.close();
        } else {
          parquet.close();
        }
      } finally {
        fs.delete(tmpPart, false);
        fs.delete(tmpState, false);
      }
    }
  }
}
