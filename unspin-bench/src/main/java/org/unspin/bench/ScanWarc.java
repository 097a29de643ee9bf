package org.unspin.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.unspin.channel.DictionarySplit;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.lexicon.SynonymDictionary;

/**
 * Writes a synthetic crawl for the scan benchmark: HTML pages made of corpus documents, served by
 * clean news hosts and by content farms that publish spun copies. Each farm uses one of
 * {@code spinners} simulated spinners, and farms {@code f} and {@code f + spinners} share one, so
 * {@code unspin scan --group-by host} has a known answer. Every spinner spins with its own half of
 * the dictionary (a seeded {@link DictionarySplit}) at its own rate and synonym choice.
 *
 * <p>Deterministic: the same documents, seed and settings give the same records in the same
 * order, so a smaller {@code size} gives a prefix of a bigger file's records (the scan memory
 * figures compare such prefixes). Documents are used round-robin, so a big file repeats them under
 * other URLs and hosts; a document spun by a given spinner is spun once and reused (the spun
 * copies of one round over the corpus stay in memory).
 */
public final class ScanWarc {
  /**
   * @param size stop once the file is at least this many bytes
   * @param spunShare share of pages that come from farms (spun)
   * @param newsHosts clean hosts
   * @param farms farm hosts
   * @param spinners distinct spinners among the farms, 1..farms
   * @param seed every random choice
   * @param gzip write a .warc.gz (one member per record) rather than a plain .warc
   */
  public record Config(long size, double spunShare, int newsHosts, int farms, int spinners, long seed, boolean gzip) {
    public Config {
      if (size < 1) {
        throw new IllegalArgumentException("size must be >= 1 (got " + size + ")");
      }
      if (!(spunShare >= 0 && spunShare <= 1)) {
        throw new IllegalArgumentException("spunShare must be in [0, 1] (got " + spunShare + ")");
      }
      if (newsHosts < 1 || farms < 1) {
        throw new IllegalArgumentException("newsHosts and farms must be >= 1 (got " + newsHosts + ", " + farms + ")");
      }
      if (spinners < 1 || spinners > farms) {
        throw new IllegalArgumentException("spinners must be in 1.." + farms + " (got " + spinners + ")");
      }
    }
  }

  /** What was written. */
  public record Stats(long records, long spun, long bytes, long textChars) {}

  private final Config config;
  private final List<SpinSimulator> spinners = new ArrayList<>();

  public ScanWarc(SynonymDictionary dictionary, Config config) {
    Objects.requireNonNull(dictionary, "dictionary");
    this.config = Objects.requireNonNull(config, "config");
    SplittableRandom r = new SplittableRandom(config.seed());
    for (int s = 0; s < config.spinners(); s++) {
      SynonymDictionary half = DictionarySplit.of(dictionary, 0.5, config.seed() * 31 + s).heldOut();
      double rate = 0.2 + 0.4 * r.nextDouble();
      SimulatorConfig.Choice choice = s % 2 == 0 ? SimulatorConfig.Choice.FIRST : SimulatorConfig.Choice.RANDOM;
      spinners.add(new SpinSimulator(half, SimulatorConfig.of(rate, choice)));
    }
  }

  /** The farm hosts that share spinner {@code s}. */
  public List<String> farmsOf(int s) {
    List<String> l = new ArrayList<>();
    for (int f = s; f < config.farms(); f += config.spinners()) {
      l.add(farmHost(f));
    }
    return l;
  }

  static String farmHost(int f) {
    return String.format(Locale.ROOT, "farm-%02d.example", f);
  }

  static String newsHost(int h) {
    return String.format(Locale.ROOT, "news-%02d.example", h);
  }

  /**
   * Writes the crawl to {@code out} from {@code documents} (id, text) used round-robin; a line per
   * page goes to {@code truth} when it is not null: {@code uri<TAB>host<TAB>spun|clean<TAB>spinner}.
   */
  public Stats write(Path out, List<String[]> documents, Writer truth) throws IOException {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("no documents");
    }
    SplittableRandom rnd = new SplittableRandom(config.seed() ^ 0x5CA11L);
    java.util.Map<Long, String> spunCache = new java.util.HashMap<>();
    long records = 0;
    long spun = 0;
    long chars = 0;
    try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
        WarcWriter w = new WarcWriter(ch, config.gzip() ? WarcCompression.GZIP : WarcCompression.NONE)) {
      for (long i = 0; w.position() < config.size(); i++) {
        String[] doc = documents.get((int) (i % documents.size()));
        boolean isSpun = rnd.nextDouble() < config.spunShare();
        String host;
        String text = doc[1];
        int spinner = -1;
        if (isSpun) {
          int farm = rnd.nextInt(config.farms());
          spinner = farm % config.spinners();
          host = farmHost(farm);
          int d = (int) (i % documents.size());
          // A document spun by one spinner is spun once: later rounds over the documents reuse it (spinning
          // dominated the cost of writing a gigabyte); the first round is unchanged by the cache.
          String cached = spunCache.get((long) d * config.spinners() + spinner);
          if (cached == null) {
            cached = spinners.get(spinner).spin(doc[0], text, config.seed() * 0x9E3779B97F4A7C15L + d).spun();
            spunCache.put((long) d * config.spinners() + spinner, cached);
          }
          text = cached;
          spun++;
        } else {
          host = newsHost(rnd.nextInt(config.newsHosts()));
        }
        String uri = "http://" + host + "/" + i + "/" + slug(doc[0]) + ".html";
        byte[] page = page(host, text).getBytes(StandardCharsets.UTF_8);
        HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Server", "bench")
            .body(MediaType.parse("text/html; charset=utf-8"), page).build();
        w.write(new WarcResponse.Builder(URI.create(uri)).body(http).build());
        records++;
        chars += text.length();
        if (truth != null) {
          truth.write(uri + "\t" + host + "\t" + (isSpun ? "spun" : "clean") + "\t"
              + (spinner < 0 ? "-" : "spinner-" + spinner) + "\n");
        }
      }
      return new Stats(records, spun, w.position(), chars);
    }
  }

  private static String slug(String id) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < id.length() && sb.length() < 60; i++) {
      char c = id.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toLowerCase(c) : '-');
    }
    return sb.toString();
  }

  /** An article page with the boilerplate a real one has: head, script, navigation, footer. */
  static String page(String host, String text) {
    StringBuilder sb = new StringBuilder(text.length() + 800);
    String[] paras = text.split("\n+");
    String title = paras[0].length() > 80 ? paras[0].substring(0, 80) : paras[0];
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><script>window.dataLayer=[];</script><style>body{margin:0}</style></head><body>\n")
        .append("<nav class=\"menu\"><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | <a href=\"/business\">")
        .append("Business</a> | <a href=\"/tech\">Tech</a></nav>\n<article>\n");
    for (String p : paras) {
      if (!p.isBlank()) {
        sb.append("<p>").append(esc(p.strip())).append("</p>\n");
      }
    }
    sb.append("</article>\n<footer>&copy; ").append(host).append(" &middot; <a href=\"/privacy\">Privacy</a>")
        .append("</footer>\n</body></html>\n");
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
