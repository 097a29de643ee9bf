package org.unspin.lm;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes an {@link NgramModelData} in the ARPA text format: {@code \data\} counts, one {@code
 * \n-grams:} section per order with tab-separated {@code log10prob  words  [backoff]} (the
 * back-off column is left out when it is 0 and on the top order), then {@code \end\}. Numbers use
 * {@link Float#toString}, which is locale-independent and reads back to the same float.
 */
public final class ArpaWriter {
  private ArpaWriter() {}

  /** Writes {@code data} to {@code out}; the caller flushes and closes {@code out}. */
  public static void write(NgramModelData data, Writer out) throws IOException {
    String[] words = data.words();
    int order = data.order();
    out.write("\n\\data\\\n");
    for (int n = 1; n <= order; n++) {
      out.write("ngram " + n + "=" + data.count(n) + "\n");
    }
    StringBuilder sb = new StringBuilder(256);
    for (int n = 1; n <= order; n++) {
      out.write("\n\\" + n + "-grams:\n");
      int[] g = data.ngrams(n);
      float[] p = data.logProb(n);
      float[] b = data.backoff(n);
      int count = data.count(n);
      for (int i = 0; i < count; i++) {
        sb.setLength(0);
        sb.append(p[i]);
        for (int k = 0; k < n; k++) {
          sb.append(k == 0 ? '\t' : ' ').append(words[g[i * n + k]]);
        }
        if (b != null && b[i] != 0f) {
          sb.append('\t').append(b[i]);
        }
        sb.append('\n');
        out.append(sb);
      }
    }
    out.write("\n\\end\\\n");
  }
}
