package org.unspin.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.unspin.api.UnspinException;

/**
 * Renders a {@link ReportView} as one self-contained HTML page: CSS and JavaScript inline, the
 * data embedded as JSON, a Content-Security-Policy that forbids every network request. The page
 * shows the text with each finding highlighted (the suggested original on hover and on keyboard
 * focus), the restored text beside it with the changes marked, the score as a gauge, and the
 * trace when the view has one. Thread-safe; the assets are read once.
 */
public final class HtmlReport {
  /** Classpath folder of the shared browser assets. */
  public static final String ASSET_DIR = "/org/unspin/report/";

  private static final class Assets {
    static final String TEMPLATE = asset("report.html");
    static final String CSS = asset("report.css");
    static final String JS = asset("report.js");
  }

  private HtmlReport() {}

  /** The complete HTML document for {@code view}. */
  public static String render(ReportView view) {
    Objects.requireNonNull(view, "view");
    String data = scriptSafe(view.toJson());
    // Replace the data last so that nothing inside it is ever taken for a placeholder.
    return Assets.TEMPLATE
        .replace("{{title}}", escapeHtml("Unspin report: " + view.title()))
        .replace("{{css}}", Assets.CSS)
        .replace("{{js}}", Assets.JS)
        .replace("{{data}}", data);
  }

  /**
   * The text of asset {@code name} ({@code report.js}, {@code report.css}, {@code report.html}).
   *
   * @throws UnspinException when the build lacks it
   */
  public static String asset(String name) {
    Objects.requireNonNull(name, "name");
    String path = ASSET_DIR + name;
    try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new UnspinException("missing resource classpath:" + path + " in this build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnspinException("classpath:" + path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * JSON made safe inside a {@code <script>} element: every {@code <} (which JSON only has inside
   * strings) becomes the escape {@code \u003c}, so no {@code </script>} or {@code <!--} can end it.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** {@code s} escaped for HTML text and attribute values (both quote characters too). */
  public static String escapeHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
