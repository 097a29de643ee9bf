package org.unspin.text;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reduces an HTML page to its main text, with an offset map back to the HTML source
 * ({@link ExtractedText}). Parsing is jsoup's lenient HTML5 parser with position tracking, so any
 * input, however malformed, gives a result and never an exception.
 *
 * <p>What is kept: text of the body, or of the {@code main}/{@code article} element that holds
 * most of it. Paragraphs, headings, list items, table rows and {@code br} become line breaks;
 * other whitespace collapses to one space (except in {@code pre}).
 *
 * <p>What is dropped ({@link Config#dropBoilerplate}): {@code head}, scripts, styles, forms,
 * media, {@code nav}, {@code aside}, page-level {@code header}/{@code footer}, hidden elements,
 * ARIA navigation/banner/complementary roles, containers whose class or id names boilerplate
 * ({@code menu}, {@code sidebar}, {@code cookie}, {@code share}, ...) unless they hold a large share
 * of the text, and blocks whose text is mostly link text (link density above
 * {@link Config#maxLinkDensity}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlExtractor {
  /**
   * @param dropBoilerplate apply the boilerplate rules; when false only non-text elements go
   * @param maxLinkDensity blocks with a larger share of link text are dropped, in (0, 1]
   * @param mainContentShare a main/article element holding at least this share of the body text
   *     becomes the root, in (0, 1]
   */
  public record Config(boolean dropBoilerplate, double maxLinkDensity, double mainContentShare) {
    public Config {
      if (!(maxLinkDensity > 0 && maxLinkDensity <= 1)) {
        throw new IllegalArgumentException("maxLinkDensity must be in (0, 1] (got " + maxLinkDensity + ")");
      }
      if (!(mainContentShare > 0 && mainContentShare <= 1)) {
        throw new IllegalArgumentException("mainContentShare must be in (0, 1] (got " + mainContentShare + ")");
      }
    }

    /** Boilerplate removal on, link density 0.5, main content share 0.4. */
    public static Config defaults() {
      return new Config(true, 0.5, 0.4);
    }
  }

  private static final Set<String> NON_TEXT = Set.of("head", "script", "style", "noscript", "template", "svg",
      "math", "iframe", "object", "embed", "canvas", "video", "audio", "picture", "img", "map", "select",
      "option", "textarea", "input", "button", "datalist", "dialog", "title", "meta", "link");
  private static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "aside", "form", "menu");
  private static final Set<String> PAGE_LEVEL_TAGS = Set.of("header", "footer");
  private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
      "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar");
  private static final Set<String> BOILERPLATE_NAMES = Set.of("nav", "navbar", "navigation", "menu", "footer",
      "sidebar", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "share", "sharing", "social",
      "related", "comments", "advert", "advertisement", "ads", "ad", "sponsor", "sponsored", "promo",
      "newsletter", "subscribe", "popup", "modal", "banner", "masthead", "toolbar", "pagination", "pager",
      "skip", "widget", "outbrain", "taboola");
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "aside", "header",
      "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
      "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr", "br",
      "fieldset", "legend", "details", "summary", "center", "body", "html", "hgroup", "form", "option");
  private static final Set<String> LINK_DENSITY_TAGS = Set.of("div", "section", "ul", "ol", "dl", "table", "p",
      "li", "td", "tr", "span", "header", "footer");
  private static final Set<String> CELLS = Set.of("td", "th");

  private final Config config;

  public HtmlExtractor(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An extractor with {@link Config#defaults()}. */
  public HtmlExtractor() {
    this(Config.defaults());
  }

  /**
   * A cheap guess whether decoded input is an HTML document rather than plain text: after leading
   * whitespace and comments it starts with {@code <!DOCTYPE html}, {@code <html}, {@code <head} or
   * {@code <body}, or its first 4 KiB hold at least three common block tags ({@code <p>},
   * {@code <div}, {@code <br}, ...). Use the file extension or content type first when there is one.
   */
  public static boolean looksLikeHtml(String text) {
    Objects.requireNonNull(text, "text");
    String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
    String start = head.stripLeading();
    while (start.startsWith("<!--")) {
      int end = start.indexOf("-->");
      if (end < 0) {
        break;
      }
      start = start.substring(end + 3).stripLeading();
    }
    if (start.startsWith("<?xml")) {
      int end = start.indexOf("?>");
      start = end < 0 ? start : start.substring(end + 2).stripLeading();
    }
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
        || start.startsWith("<body")) {
      return true;
    }
    int tags = 0;
    for (String tag : new String[] {"<p>", "<p ", "<div", "<br", "<span", "<a href", "<li>", "<h1", "<h2", "<table"}) {
      for (int i = head.indexOf(tag); i >= 0 && tags < 3; i = head.indexOf(tag, i + 1)) {
        tags++;
      }
    }
    return tags >= 3;
  }

  /** Extracts the main text of {@code html}; never throws on content. */
  public ExtractedText extract(String html) {
    Objects.requireNonNull(html, "html");
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = parser.parseInput(html, "");
    Element body = doc.body() != null ? doc.body() : doc;
    Map<Element, int[]> stats = textStats(body);
    Element root = chooseRoot(body, stats);
    Emitter emitter = new Emitter(html, stats, stats.getOrDefault(root, new int[2])[0], root);
    NodeTraversor.filter(emitter, root);
    return emitter.result();
  }

  /** Per element: [non-whitespace text chars, of which inside links]. */
  private static Map<Element, int[]> textStats(Element body) {
    Map<Element, int[]> stats = new IdentityHashMap<>();
    ArrayDeque<int[]> stack = new ArrayDeque<>();
    int[] anchorDepth = new int[1];
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element) {
          stack.push(new int[2]);
          if (((Element) node).normalName().equals("a")) {
            anchorDepth[0]++;
          }
        } else if (node instanceof TextNode && !stack.isEmpty()) {
          String t = ((TextNode) node).getWholeText();
          int count = 0;
          for (int i = 0; i < t.length(); i++) {
            if (!Character.isWhitespace(t.charAt(i))) {
              count++;
            }
          }
          int[] top = stack.peek();
          top[0] += count;
          if (anchorDepth[0] > 0) {
            top[1] += count;
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element) {
          int[] mine = stack.pop();
          stats.put((Element) node, mine);
          if (!stack.isEmpty()) {
            stack.peek()[0] += mine[0];
            stack.peek()[1] += mine[1];
          }
          if (((Element) node).normalName().equals("a")) {
            anchorDepth[0]--;
          }
        }
      }
    }, body);
    return stats;
  }

  private Element chooseRoot(Element body, Map<Element, int[]> stats) {
    if (!config.dropBoilerplate()) {
      return body;
    }
    int total = stats.getOrDefault(body, new int[2])[0];
    Element best = null;
    int bestLen = 0;
    for (Element e : body.select("main, article, [role=main]")) {
      int len = stats.getOrDefault(e, new int[2])[0];
      if (len > bestLen) {
        best = e;
        bestLen = len;
      }
    }
    if (best != null && bestLen >= config.mainContentShare() * total) {
      return best;
    }
    return body;
  }

  /** Walks the chosen root and writes text plus offsets. */
  private final class Emitter implements NodeFilter {
    private final String html;
    private final Map<Element, int[]> stats;
    private final int rootText;
    private final Element root;
    private final StringBuilder out = new StringBuilder();
    private int[] offsets = new int[256];
    private boolean pendingSpace;
    private int pendingSpaceOffset;
    private int lastOffset;
    private int preDepth;

    Emitter(String html, Map<Element, int[]> stats, int rootText, Element root) {
      this.html = html;
      this.stats = stats;
      this.rootText = rootText;
      this.root = root;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element) {
        Element el = (Element) node;
        if (el != root && dropped(el)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        String tag = el.normalName();
        if (BLOCKS.contains(tag)) {
          lineBreak(startOf(el));
        } else if (CELLS.contains(tag)) {
          space(startOf(el));
        }
        if (tag.equals("pre")) {
          preDepth++;
        }
        return FilterResult.CONTINUE;
      }
      if (node instanceof TextNode) {
        text((TextNode) node);
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element) {
        Element el = (Element) node;
        String tag = el.normalName();
        if (tag.equals("pre")) {
          preDepth--;
        }
        if (BLOCKS.contains(tag)) {
          lineBreak(endOf(el));
        } else if (CELLS.contains(tag)) {
          space(endOf(el));
        }
      }
      return FilterResult.CONTINUE;
    }

    private boolean dropped(Element el) {
      String tag = el.normalName();
      if (NON_TEXT.contains(tag)) {
        return true;
      }
      if (el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
        return true;
      }
      if (el.hasAttr("style")) {
        String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("display:none") || style.contains("visibility:hidden")) {
          return true;
        }
      }
      if (!config.dropBoilerplate()) {
        return false;
      }
      if (BOILERPLATE_TAGS.contains(tag)) {
        return true;
      }
      if (PAGE_LEVEL_TAGS.contains(tag) && el.closest("article, main") == null) {
        return true;
      }
      if (el.hasAttr("role") && BOILERPLATE_ROLES.contains(el.attr("role").toLowerCase(Locale.ROOT).strip())) {
        return true;
      }
      int[] st = stats.getOrDefault(el, new int[2]);
      boolean small = st[0] < config.mainContentShare() * rootText;
      if (small && (namesBoilerplate(el.className()) || namesBoilerplate(el.id()))) {
        return true;
      }
      return LINK_DENSITY_TAGS.contains(tag) && st[0] > 0 && st[1] > config.maxLinkDensity() * st[0];
    }

    private boolean namesBoilerplate(String attr) {
      if (attr.isEmpty()) {
        return false;
      }
      for (String part : attr.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (BOILERPLATE_NAMES.contains(part)) {
          return true;
        }
      }
      return false;
    }

    private int startOf(Element el) {
      Range r = el.sourceRange();
      return r.isTracked() ? clamp(r.startPos()) : lastOffset;
    }

    private int endOf(Element el) {
      Range r = el.endSourceRange();
      if (r.isTracked()) {
        return clamp(r.startPos());
      }
      return lastOffset;
    }

    private int clamp(int offset) {
      if (html.isEmpty()) {
        return 0;
      }
      return Math.max(0, Math.min(offset, html.length() - 1));
    }

    private void append(char c, int offset) {
      if (out.length() == offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[out.length()] = offset;
      out.append(c);
      lastOffset = offset;
    }

    private void lineBreak(int offset) {
      pendingSpace = false;
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        append('\n', offset);
      }
    }

    private void space(int offset) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && !pendingSpace) {
        pendingSpace = true;
        pendingSpaceOffset = offset;
      }
    }

    private void text(TextNode node) {
      String t = node.getWholeText();
      if (t.isEmpty()) {
        return;
      }
      int[] src = align(t, node.sourceRange());
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (preDepth > 0) {
          if (c == '\r') {
            continue;
          }
          if (pendingSpace) {
            append(' ', pendingSpaceOffset);
            pendingSpace = false;
          }
          append(c, src[i]);
        } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
          space(src[i]);
        } else {
          if (pendingSpace) {
            append(' ', pendingSpaceOffset);
            pendingSpace = false;
          }
          append(c, src[i]);
        }
      }
    }

    /** Source offset of every char of a text node's decoded text. */
    private int[] align(String decoded, Range range) {
      int n = decoded.length();
      int[] map = new int[n];
      if (html.isEmpty()) {
        return map;
      }
      if (!range.isTracked() || range.startPos() < 0) {
        java.util.Arrays.fill(map, clamp(lastOffset));
        return map;
      }
      int s = clamp(range.startPos());
      int e = Math.max(s, Math.min(range.endPos(), html.length()));
      int r = s;
      int k = 0;
      while (k < n) {
        if (r >= e) {
          map[k++] = clamp(Math.max(s, e - 1));
          continue;
        }
        char h = html.charAt(r);
        char d = decoded.charAt(k);
        if (h == '&') {
          int consumed = entity(decoded, k, r, e, map);
          if (consumed > 0) {
            k += consumed >>> 16;
            r += consumed & 0xFFFF;
            continue;
          }
        }
        if (explains(h, d)) {
          map[k++] = r++;
          continue;
        }
        // the parser dropped or rewrote source chars (CR, NUL, CDATA markers): resynchronise on
        // the next source char or entity that explains decoded[k], else map one to one
        int q = r + 1;
        int limit = Math.min(e, r + 32);
        while (q < limit && !explains(html.charAt(q), d)
            && !(html.charAt(q) == '&' && entity(decoded, k, q, e, map) > 0)) {
          q++;
        }
        if (q < limit) {
          r = q;
        } else {
          map[k++] = r++;
        }
      }
      return map;
    }

    /** Whether source char {@code h} became decoded char {@code d}: itself, or a NUL the parser replaced. */
    private static boolean explains(char h, char d) {
      return h == d || (h == '\0' && d == '\uFFFD');
    }

    /**
     * If an entity at {@code html[r]} explains {@code decoded[k..]}, maps its chars to {@code r}
     * and returns (decoded chars << 16 | source chars); else 0.
     */
    private int entity(String decoded, int k, int r, int e, int[] map) {
      int j = r + 1;
      if (j < e && html.charAt(j) == '#') {
        j++;
        if (j < e && (html.charAt(j) == 'x' || html.charAt(j) == 'X')) {
          j++;
        }
      }
      while (j < e && j - r < 40 && isAsciiAlnum(html.charAt(j))) {
        j++;
      }
      if (j < e && html.charAt(j) == ';') {
        j++;
      }
      if (j - r < 2) {
        return 0;
      }
      if (decoded.regionMatches(k, html, r, j - r)) {
        return 0; // the text holds the entity literally (CDATA, raw text): plain char matching
      }
      String raw = html.substring(r, j);
      String value = Parser.unescapeEntities(raw, false);
      if (value.equals(raw) || value.isEmpty()) {
        return 0;
      }
      // legacy entities without ';' decode only a prefix ("&copyright" -> "(c)right"): the common
      // suffix is plain text and is matched char by char afterwards
      int tail = 0;
      while (tail < value.length() - 1 && tail < raw.length() - 1
          && value.charAt(value.length() - 1 - tail) == raw.charAt(raw.length() - 1 - tail)) {
        tail++;
      }
      int head = value.length() - tail;
      if (!decoded.regionMatches(k, value, 0, head)) {
        return 0;
      }
      for (int i = 0; i < head; i++) {
        map[k + i] = r;
      }
      return head << 16 | (raw.length() - tail);
    }

    private boolean isAsciiAlnum(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    ExtractedText result() {
      int len = out.length();
      while (len > 0 && out.charAt(len - 1) == '\n') {
        len--;
      }
      return new ExtractedText(html, out.substring(0, len), java.util.Arrays.copyOf(offsets, len));
    }
  }
}
