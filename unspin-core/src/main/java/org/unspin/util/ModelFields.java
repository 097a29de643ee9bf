package org.unspin.util;

import org.unspin.api.ModelException;

/**
 * Field checks shared by the readers of the shipped TAB-separated model files (the detector and the
 * edit reranker): every failure is a {@link ModelException} whose message starts with {@code where}
 * (the file and line) and quotes the bad value, shortened.
 */
public final class ModelFields {
  private static final int QUOTE_MAX = 40;

  private ModelFields() {}

  /** Fails unless the line has exactly {@code n} fields; {@code form} shows the expected layout. */
  public static void fields(String[] f, int n, String where, String form) {
    if (f.length != n) {
      throw new ModelException(where + "expected " + n + " TAB-separated fields '" + form + "' (got " + f.length
          + ")");
    }
  }

  /** {@code s} as a finite double. */
  public static double number(String s, String where) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ModelException(where + "not a number: '" + abbreviate(s) + "'", e);
    }
    if (!Double.isFinite(v)) {
      throw new ModelException(where + "number must be finite (got '" + s + "')");
    }
    return v;
  }

  /** {@code s} as a whole number of at least {@code min}. */
  public static long whole(String s, long min, String where) {
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ModelException(where + "not a whole number: '" + abbreviate(s) + "'", e);
    }
    if (v < min) {
      throw new ModelException(where + "want a number >= " + min + " (got " + v + ")");
    }
    return v;
  }

  /** {@code s} with tabs and line breaks turned into spaces, so that it fits one TSV field. */
  public static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** {@code s} cut to 40 characters for a message. */
  public static String abbreviate(String s) {
    return s.length() <= QUOTE_MAX ? s : s.substring(0, QUOTE_MAX) + "...";
  }
}
