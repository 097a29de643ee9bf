package org.unspin.channel;

import org.unspin.util.NumberedLines;
import org.unspin.util.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.api.ModelException;
import org.unspin.util.Resources;

/**
 * Reads and writes {@link SpinnerProfile}s as plain, diffable TSV. The writer puts the description
 * below at the top of every file, so a file documents itself:
 *
 * <pre>{@value #HEADER}</pre>
 *
 * <p>The parser is strict: an unknown metadata key, a missing {@code @format} or
 * {@code @replacement_rate}, a wrong number of fields, a bad number, a phrase that is not in LM
 * form, a duplicate entry or probabilities that sum to more than 1 fail with a
 * {@link ModelException} naming the source and line. Thread-safe (stateless).
 */
public final class ProfileFormat {
  private ProfileFormat() {}

  /** The format name in the {@code @format} record. */
  public static final String FORMAT_NAME = "unspin-profile";
  /** The only version this code reads and writes. */
  public static final int VERSION = 1;
  /** The classpath resource of the profile learned from the PPS list (CC BY 4.0). */
  public static final String DEFAULT_RESOURCE = "/org/unspin/channel/pps-learned.profile.tsv";

  /** The documentation block written at the top of every profile file. */
  public static final String HEADER = """
      # Unspin spinner profile: a channel model P(surface | original) of one spinner.
      # Format: UTF-8, one record per line, fields separated by one TAB. Lines starting with '#' and
      # blank lines are ignored. The first record is: @format<TAB>unspin-profile<TAB>1
      # Metadata records, '@key<TAB>value', one each:
      #   @name              short name
      #   @method            how the profile was made (e.g. aligned-pairs)
      #   @source            what it was learned from
      #   @license           licence of that data (credit it where the profile is shipped)
      #   @created           date, yyyy-mm-dd
      #   @pairs             aligned (spun, original) pairs used (batch-self-training: texts)
      #   @tokens            original word tokens in those pairs (0: not known)
      #   @eligible          original word tokens the spinner could replace
      #   @changed           original word tokens it replaced
      #   @replacement_rate  changed / eligible, in [0, 1] (required)
      #   @smoothing         how the probabilities below were smoothed
      # Entry records: surface<TAB>original<TAB>count<TAB>p_surface_given_original<TAB>p_original_given_surface
      #   surface, original  1-4 words in LM form (lower case, digits as 0), single spaces
      #   count              times the learner saw original -> surface (fractional if pairs were weighted)
      #   p_surface_given_original   P(surface | original, replaced); per original they sum to <= 1,
      #                              the rest is kept for replacements never seen
      #   p_original_given_surface   P(original | surface, a replacement); per surface sum <= 1
      # Entries are sorted by original, then by descending count, then by surface.
      # After editing, check the file with: unspin profile show FILE
      """;

  private static final String[] KEYS = {"name", "method", "source", "license", "created", "pairs", "tokens",
      "eligible", "changed", "replacement_rate", "smoothing"};

  /** Reads a profile file. */
  public static SpinnerProfile load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ModelException("no such profile: " + file, e);
    } catch (IOException e) {
      throw new ModelException("cannot read profile " + file + ": " + e.getMessage(), e);
    }
  }

  /** The shipped profile learned from the PPS tortured-phrase list (CC BY 4.0). */
  public static SpinnerProfile loadDefault() {
    return Resources.load(ProfileFormat.class, DEFAULT_RESOURCE, ProfileFormat::read);
  }

  /** Reads a profile from UTF-8 bytes; {@code source} names it in messages. */
  public static SpinnerProfile read(InputStream in, String source) throws IOException {
    return read(new InputStreamReader(in, Utf8.strictDecoder()), source);
  }

  /** Reads a profile from a reader; {@code source} names it in messages. */
  public static SpinnerProfile read(Reader reader, String source) throws IOException {
    NumberedLines lines = new NumberedLines(reader, source, ModelException::new);
    Map<String, String> meta = new HashMap<>();
    List<SpinnerProfile.Entry> entries = new ArrayList<>();
    boolean formatSeen = false;
    for (String line = lines.next(); line != null; line = lines.next()) {
      int lineNo = lines.number();
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String where = source + ":" + lineNo + ": ";
      if (!formatSeen) {
        if (!f[0].equals("@format")) {
          throw new ModelException(where + "the first record must be @format<TAB>" + FORMAT_NAME + "<TAB>" + VERSION
              + " (got '" + abbreviate(line) + "')");
        }
        if (f.length != 3 || !f[1].equals(FORMAT_NAME)) {
          throw new ModelException(where + "not an unspin profile: '" + abbreviate(line) + "'");
        }
        if (!f[2].equals(Integer.toString(VERSION))) {
          throw new ModelException(where + "unsupported profile format version " + f[2] + " (this build reads "
              + VERSION + ")");
        }
        formatSeen = true;
        continue;
      }
      if (f[0].startsWith("@")) {
        String key = f[0].substring(1);
        if (f.length != 2) {
          throw new ModelException(where + "metadata record needs 2 fields, got " + f.length);
        }
        if (!List.of(KEYS).contains(key)) {
          throw new ModelException(where + "unknown metadata key '@" + key + "' (known: @" + String.join(", @", KEYS)
              + ")");
        }
        if (meta.put(key, f[1]) != null) {
          throw new ModelException(where + "metadata key '@" + key + "' given twice");
        }
        continue;
      }
      if (f.length != 5) {
        throw new ModelException(where + "entry needs 5 TAB-separated fields, got " + f.length);
      }
      try {
        entries.add(new SpinnerProfile.Entry(f[0], f[1], number(f[2], "count"), number(f[3],
            "p_surface_given_original"), number(f[4], "p_original_given_surface")));
      } catch (IllegalArgumentException e) {
        throw new ModelException(where + e.getMessage(), e);
      }
    }
    if (!formatSeen) {
      throw new ModelException(source + ": empty profile (no @format record)");
    }
    if (!meta.containsKey("replacement_rate")) {
      throw new ModelException(source + ": missing required metadata @replacement_rate");
    }
    ProfileInfo info;
    try {
      info = new ProfileInfo(meta.getOrDefault("name", "unnamed"), meta.getOrDefault("method", "unknown"),
          meta.getOrDefault("source", "unknown"), meta.getOrDefault("license", "unknown"),
          meta.getOrDefault("created", "unknown"), integer(meta, "pairs"), integer(meta, "tokens"),
          integer(meta, "eligible"), integer(meta, "changed"), number(meta.get("replacement_rate"),
          "replacement_rate"), meta.getOrDefault("smoothing", "unknown"));
      return new SpinnerProfile(info, entries);
    } catch (IllegalArgumentException e) {
      throw new ModelException(source + ": " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  private static double number(String s, String field) {
    if (s == null || !s.matches("[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      throw new IllegalArgumentException(field + " is not a non-negative decimal number: '" + s + "'");
    }
    return Double.parseDouble(s);
  }

  private static long integer(Map<String, String> meta, String key) {
    String s = meta.get(key);
    if (s == null) {
      return 0;
    }
    if (!s.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("@" + key + " must be a whole number >= 0 (got '" + s + "')");
    }
    return Long.parseLong(s);
  }

  /** Writes {@code profile} with the documentation header; the output reads back to an equal profile. */
  public static void write(SpinnerProfile profile, Writer w) {
    try {
      w.write(HEADER);
      ProfileInfo i = profile.info();
      w.write("@format\t" + FORMAT_NAME + "\t" + VERSION + "\n");
      w.write("@name\t" + i.name() + "\n");
      w.write("@method\t" + i.method() + "\n");
      w.write("@source\t" + i.source() + "\n");
      w.write("@license\t" + i.license() + "\n");
      w.write("@created\t" + i.created() + "\n");
      w.write("@pairs\t" + i.pairs() + "\n");
      w.write("@tokens\t" + i.tokens() + "\n");
      w.write("@eligible\t" + i.eligible() + "\n");
      w.write("@changed\t" + i.changed() + "\n");
      w.write("@replacement_rate\t" + format(i.replacementRate()) + "\n");
      w.write("@smoothing\t" + i.smoothing() + "\n");
      w.write("# surface\toriginal\tcount\tp_surface_given_original\tp_original_given_surface\n");
      for (SpinnerProfile.Entry e : profile.entries()) {
        w.write(e.surface() + "\t" + e.original() + "\t" + format(e.count()) + "\t"
            + format(e.pSurfaceGivenOriginal()) + "\t" + format(e.pOriginalGivenSurface()) + "\n");
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write profile " + profile.info().name(), e);
    }
  }

  /** Writes {@code profile} to {@code file} in UTF-8. */
  public static void save(SpinnerProfile profile, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(profile, w);
    }
  }

  /** Six significant digits, plain decimal notation, no trailing zeros; locale-free. */
  static String format(double x) {
    if (x == 0) {
      return "0";
    }
    return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
