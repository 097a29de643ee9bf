package org.unspin.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.unspin.api.InputException;
import org.unspin.util.Json;

/**
 * The settings and inputs of a one-task-per-file job, written to {@value #NAME} in OUT when the job
 * starts and compared by {@code --resume}: a resumed job must write the lines the earlier one would
 * have written, so every option that shapes the lines, and the input files (URI, size, modification
 * time, in their sorted order), must be the same. Options that only describe the scan
 * ({@code --html}, {@code --group-by}, {@code --hosts-out}) are not recorded.
 *
 * @param settings the options that shape the lines, by name, as text
 * @param files the input files in order
 */
record JobManifest(Map<String, String> settings, List<Input> files) {
  /** The file's name in OUT (Spark's readers skip names starting with {@code _}). */
  static final String NAME = "_unspin-job.json";

  /** One input file as listed when the job started. */
  record Input(String uri, long size, long modified) {
    Input {
      Objects.requireNonNull(uri, "uri");
    }
  }

  JobManifest {
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    files = List.copyOf(files);
  }

  /** The manifest of {@code files} (listed now) with {@code settings}. */
  static JobManifest of(Map<String, String> settings, List<String> files, Configuration conf) throws IOException {
    List<Input> inputs = new ArrayList<>(files.size());
    for (String f : files) {
      Path p = new Path(f);
      FileStatus st = p.getFileSystem(conf).getFileStatus(p);
      inputs.add(new Input(f, st.getLen(), st.getModificationTime()));
    }
    return new JobManifest(settings, inputs);
  }

  /** The total size of the inputs. */
  long bytes() {
    long b = 0;
    for (Input in : files) {
      b += in.size();
    }
    return b;
  }

  String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "unspin-spark job 1");
    m.put("settings", settings);
    List<Object> fs = new ArrayList<>();
    for (Input in : files) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("uri", in.uri());
      f.put("size", in.size());
      f.put("modified", in.modified());
      fs.add(f);
    }
    m.put("files", fs);
    return Json.write(m) + "\n";
  }

  /**
   * Parses {@link #toJson}'s output.
   *
   * @throws InputException if the text is not such a manifest (names {@code where})
   */
  static JobManifest parse(String json, String where) {
    try {
      Map<String, Object> m = Json.parseObject(json);
      if (!"unspin-spark job 1".equals(m.get("format"))) {
        throw new InputException(where + " was not written by this version of unspin-spark (format "
            + m.get("format") + ")");
      }
      Map<String, String> settings = new LinkedHashMap<>();
      ((Map<?, ?>) m.get("settings")).forEach((k, v) -> settings.put((String) k, (String) v));
      List<Input> files = new ArrayList<>();
      for (Object o : (List<?>) m.get("files")) {
        Map<?, ?> f = (Map<?, ?>) o;
        files.add(new Input((String) f.get("uri"), ((Number) f.get("size")).longValue(),
            ((Number) f.get("modified")).longValue()));
      }
      return new JobManifest(settings, files);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException("cannot read " + where + " (" + e.getMessage() + ")", e);
    }
  }

  /** The first difference between the earlier job's manifest and this one, or null if they agree. */
  String differenceFrom(JobManifest earlier) {
    for (String k : settings.keySet()) {
      String was = earlier.settings.get(k);
      String now = settings.get(k);
      if (!Objects.equals(was, now)) {
        return k + " was " + show(was) + ", now " + show(now);
      }
    }
    for (String k : earlier.settings.keySet()) {
      if (!settings.containsKey(k)) {
        return "the earlier job had the setting " + k + " = " + show(earlier.settings.get(k));
      }
    }
    if (files.size() != earlier.files.size()) {
      return "the inputs were " + earlier.files.size() + " files, now " + files.size();
    }
    for (int i = 0; i < files.size(); i++) {
      Input was = earlier.files.get(i);
      Input now = files.get(i);
      if (!was.uri().equals(now.uri())) {
        return "input file " + i + " was " + was.uri() + ", now " + now.uri();
      }
      if (was.size() != now.size() || was.modified() != now.modified()) {
        return "input " + now.uri() + " changed (size " + was.size() + " -> " + now.size() + ", modified "
            + was.modified() + " -> " + now.modified() + ")";
      }
    }
    return null;
  }

  private static String show(String v) {
    return v == null ? "unset" : v;
  }

  /** Writes the manifest to {@code dir}/{@value #NAME} (replacing it). */
  void writeTo(Path dir, Configuration conf) throws IOException {
    Path p = new Path(dir, NAME);
    try (OutputStream o = p.getFileSystem(conf).create(p, true)) {
      o.write(toJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Reads {@code dir}/{@value #NAME}, or null if there is none. */
  static JobManifest readFrom(Path dir, Configuration conf) throws IOException {
    Path p = new Path(dir, NAME);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return null;
    }
    byte[] bytes;
    try (InputStream in = fs.open(p)) {
      bytes = in.readAllBytes();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException("cannot read " + p + " (not UTF-8)", e);
    }
    return parse(text, p.toString());
  }
}
