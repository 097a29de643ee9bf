package org.unspin.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unspin.api.UnspinException;
import org.unspin.restore.Restorer;
import org.unspin.restore.SubstitutionCounts;
import org.unspin.util.Json;

/**
 * The content-farm fingerprint: learns a spinner profile per host from a sample of its pages
 * ({@link Restorer#learnFromBatch}, the unaligned learner) and finds hosts whose profiles are
 * alike, which is what pages spun by the same spinner (same dictionary, same habits) look like.
 *
 * <p>Similarity is the cosine of the hosts' substitution vectors (surface → original, weighted by
 * the learned counts) with an inverse host frequency weight {@code log(1 + H / df)}: an over-edit
 * the restorer makes on every host counts little, a substitution that only some hosts share
 * counts much. A pair is reported when the similarity is at least {@link Config#minSimilarity} and
 * the hosts share at least {@link Config#minShared} substitutions; groups are the connected
 * components of the reported pairs.
 *
 * <p>Memory is bounded by the config: at most {@code maxDocsPerHost} documents of at most
 * {@code maxCharsPerDoc} characters per host, {@code maxTotalChars} over all hosts and
 * {@code maxHosts} hosts; the first pages in record order are kept, so the sample is
 * deterministic. {@link #offer} is synchronized; {@link #learn} runs after the scan.
 */
public final class HostProfiles {
  /**
   * @param maxDocsPerHost documents kept per host for learning, >= 1
   * @param maxCharsPerDoc characters kept of each document (a prefix), >= 100
   * @param maxTotalChars characters kept over all hosts, >= maxCharsPerDoc
   * @param maxHosts hosts counted; pages of further hosts are ignored, >= 1
   * @param minDocs hosts with fewer pages get no profile, >= 1
   * @param minSimilarity weighted cosine from which two hosts share a spinner, in (0, 1]
   * @param minShared substitutions two hosts must have in common, >= 1
   */
  public record Config(int maxDocsPerHost, int maxCharsPerDoc, long maxTotalChars, int maxHosts, int minDocs,
      double minSimilarity, int minShared) implements java.io.Serializable {
    public Config {
      if (maxDocsPerHost < 1) {
        throw new IllegalArgumentException("maxDocsPerHost must be >= 1 (got " + maxDocsPerHost + ")");
      }
      if (maxCharsPerDoc < 100) {
        throw new IllegalArgumentException("maxCharsPerDoc must be >= 100 (got " + maxCharsPerDoc + ")");
      }
      if (maxTotalChars < maxCharsPerDoc) {
        throw new IllegalArgumentException("maxTotalChars must be >= maxCharsPerDoc (got " + maxTotalChars + ")");
      }
      if (maxHosts < 1) {
        throw new IllegalArgumentException("maxHosts must be >= 1 (got " + maxHosts + ")");
      }
      if (minDocs < 1) {
        throw new IllegalArgumentException("minDocs must be >= 1 (got " + minDocs + ")");
      }
      if (!(minSimilarity > 0 && minSimilarity <= 1)) {
        throw new IllegalArgumentException("minSimilarity must be in (0, 1] (got " + minSimilarity + ")");
      }
      if (minShared < 1) {
        throw new IllegalArgumentException("minShared must be >= 1 (got " + minShared + ")");
      }
    }

    /**
     * 20 pages of up to 20,000 chars per host, 64 M chars in all (about 128 MB), 100,000 hosts,
     * profiles from 3 pages, pairs from similarity 0.3 with 3 shared substitutions.
     */
    public static Config defaults() {
      return new Config(20, 20_000, 64L << 20, 100_000, 3, 0.3, 3);
    }
  }

  /**
   * One host's learned profile.
   *
   * @param host the host name
   * @param pages readable pages seen
   * @param spun pages with the verdict spun
   * @param learnedFrom pages the profile was learned from
   * @param replacementRate the learned replacement rate
   * @param top the most frequent substitutions, at most 10
   */
  public record HostProfile(String host, long pages, long spun, int learnedFrom, double replacementRate,
      List<SubstitutionCounts.Entry> top) {}

  /**
   * Two hosts that look spun by the same spinner.
   *
   * @param a the first host (alphabetically)
   * @param b the second host
   * @param similarity weighted cosine of their profiles
   * @param shared the substitutions they share, heaviest first, at most 10, as {@code surface -> original}
   */
  public record Pair(String a, String b, double similarity, List<String> shared) {}

  /**
   * One host's counts and the page texts kept for learning its profile (serializable, so that hosts
   * can be learned where the model is, e.g. on a Spark executor).
   *
   * @param host the host name
   * @param pages readable pages seen
   * @param spun pages with the verdict spun
   * @param texts the kept texts, in record order
   */
  public record HostSample(String host, long pages, long spun, List<String> texts) implements java.io.Serializable {
    public HostSample {
      Objects.requireNonNull(host, "host");
      texts = List.copyOf(texts);
    }
  }

  /**
   * One host's learned substitutions, all of them (serializable).
   *
   * @param host the host name
   * @param pages readable pages seen
   * @param spun pages with the verdict spun
   * @param learnedFrom pages the profile was learned from
   * @param replacementRate the learned replacement rate
   * @param entries the learned substitutions, heaviest first
   */
  public record Learned(String host, long pages, long spun, int learnedFrom, double replacementRate,
      List<SubstitutionCounts.Entry> entries) implements java.io.Serializable {
    public Learned {
      Objects.requireNonNull(host, "host");
      entries = List.copyOf(entries);
    }

    /** Learns one host's profile from its sample ({@link Restorer#learnFromBatch}). */
    public static Learned of(Restorer restorer, HostSample sample) {
      SubstitutionCounts c = restorer.learnFromBatch(sample.texts());
      return new Learned(sample.host(), sample.pages(), sample.spun(), sample.texts().size(), c.replacementRate(),
          c.entries());
    }
  }

  /**
   * What {@link #learn} found.
   *
   * @param hosts profiles of the hosts with enough pages, by host name
   * @param pairs pairs above the thresholds, most similar first
   * @param groups connected components of the pairs, largest first, hosts sorted
   */
  public record Result(List<HostProfile> hosts, List<Pair> pairs, List<List<String>> groups) {
    /** Two spaces, then the counts, then the ten largest groups, one per line (for a scan's summary). */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "  hosts: %d profiled, %d pairs share a spinner, %d groups%n",
          hosts.size(), pairs.size(), groups.size()));
      for (List<String> g : groups.subList(0, Math.min(10, groups.size()))) {
        sb.append("    ").append(String.join(", ", g)).append(String.format(Locale.ROOT, "%n"));
      }
      return sb.toString();
    }

    /** As one JSON object: {"hosts":[...],"pairs":[...],"groups":[[...],...]}. */
    public String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Object> hs = new ArrayList<>();
      for (HostProfile h : hosts) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("host", h.host());
        o.put("pages", h.pages());
        o.put("spun", h.spun());
        o.put("learned_from", h.learnedFrom());
        o.put("replacement_rate", RecordChecker.round(h.replacementRate()));
        List<Object> top = new ArrayList<>();
        for (SubstitutionCounts.Entry e : h.top()) {
          top.add(List.of(e.surface(), e.original(), RecordChecker.round(e.count())));
        }
        o.put("top", top);
        hs.add(o);
      }
      m.put("hosts", hs);
      List<Object> ps = new ArrayList<>();
      for (Pair p : pairs) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("a", p.a());
        o.put("b", p.b());
        o.put("similarity", RecordChecker.round(p.similarity()));
        o.put("shared", p.shared());
        ps.add(o);
      }
      m.put("pairs", ps);
      m.put("groups", groups);
      return Json.write(m);
    }
  }

  private static final class Host {
    long pages;
    long spun;
    final List<String> sample = new ArrayList<>();
  }

  private final Config config;
  private final Map<String, Host> hosts = new HashMap<>();
  private long totalChars;

  public HostProfiles(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Counts a checked record and keeps its text for learning while the budget lasts. Records
   * without a host, error records and non-documents are ignored.
   *
   * @param verdict the record's verdict ("spun", "clean", "uncertain"), null when it had an error
   */
  public synchronized void offer(InputRecord record, String verdict) {
    String host = record.host();
    if (host == null || record.isError() || verdict == null) {
      return;
    }
    offerCounted(host, 1, verdict.equals("spun") ? 1 : 0, List.of(record.text()));
  }

  /**
   * Adds a host's counts and texts gathered elsewhere (e.g. by one part of a distributed scan): the
   * pages and spun pages are added to the host's counts, and the texts are kept in the given order
   * under the same limits as {@link #offer} (pages per host, characters per page, the total budget,
   * the number of hosts). Calls for different hosts in the order of their first pages give what
   * {@link #offer} gives for those pages, unless the total budget runs out.
   */
  public synchronized void offerCounted(String host, long pages, long spun, List<String> texts) {
    Objects.requireNonNull(host, "host");
    if (pages < 0 || spun < 0 || spun > pages) {
      throw new IllegalArgumentException("need 0 <= spun <= pages (got pages=" + pages + ", spun=" + spun + ")");
    }
    Host h = hosts.get(host);
    if (h == null) {
      if (hosts.size() >= config.maxHosts()) {
        return;
      }
      h = new Host();
      hosts.put(host, h);
    }
    h.pages += pages;
    h.spun += spun;
    for (String t : texts) {
      keep(h, t);
    }
  }

  private void keep(Host h, String text) {
    if (h.sample.size() < config.maxDocsPerHost()) {
      String t = samplePrefix(text, config.maxCharsPerDoc());
      if (totalChars + t.length() <= config.maxTotalChars()) {
        h.sample.add(t);
        totalChars += t.length();
      }
    }
  }

  /** The prefix of {@code text} that is kept for learning: all of it up to {@code maxChars}, else cut at a word. */
  public static String samplePrefix(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, cut(text, maxChars));
  }

  /** A cut point at or before {@code max} that splits no surrogate pair and, if possible, no word. */
  private static int cut(String t, int max) {
    int end = max;
    if (Character.isLowSurrogate(t.charAt(end))) {
      end--;
    }
    int space = t.lastIndexOf(' ', end);
    return space > max / 2 ? space : end;
  }

  /** Hosts counted so far. */
  public synchronized int hostCount() {
    return hosts.size();
  }

  /** The config these profiles were made with. */
  public Config config() {
    return config;
  }

  /** The hosts with enough kept pages for a profile ({@link Config#minDocs}), by host name. */
  public synchronized List<HostSample> eligible() {
    TreeMap<String, Host> sorted = new TreeMap<>(hosts);
    List<HostSample> l = new ArrayList<>();
    sorted.forEach((name, h) -> {
      if (h.sample.size() >= config.minDocs()) {
        l.add(new HostSample(name, h.pages, h.spun, h.sample));
      }
    });
    return l;
  }

  /** Learns the profiles (hosts in parallel on {@code threads} threads) and compares them. */
  public Result learn(Restorer restorer, int threads) {
    Objects.requireNonNull(restorer, "restorer");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    List<HostSample> eligible = eligible();
    List<Learned> learned = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "unspin-host-learn");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Learned>> fs = new ArrayList<>();
      for (HostSample h : eligible) {
        fs.add(pool.submit(() -> Learned.of(restorer, h)));
      }
      for (Future<Learned> f : fs) {
        learned.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnspinException("interrupted while learning host profiles", e);
    } catch (ExecutionException e) {
      throw new UnspinException("learning host profiles failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return compare(learned);
  }

  /**
   * Weighted cosine between every two learned profiles; pairs and groups above this config's
   * thresholds. The hosts are taken in name order whatever the order of {@code learnedHosts}.
   */
  public Result compare(List<Learned> learnedHosts) {
    List<Learned> sorted = new ArrayList<>(learnedHosts);
    sorted.sort(Comparator.comparing(Learned::host));
    int n = sorted.size();
    List<String> names = new ArrayList<>();
    List<HostProfile> profiles = new ArrayList<>();
    for (Learned l : sorted) {
      names.add(l.host());
      profiles.add(new HostProfile(l.host(), l.pages(), l.spun(), l.learnedFrom(), l.replacementRate(),
          List.copyOf(l.entries().subList(0, Math.min(10, l.entries().size())))));
    }
    Map<String, Integer> df = new HashMap<>();
    for (Learned c : sorted) {
      for (SubstitutionCounts.Entry e : c.entries()) {
        df.merge(e.surface() + " -> " + e.original(), 1, Integer::sum);
      }
    }
    List<Map<String, Double>> vectors = new ArrayList<>();
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = new HashMap<>();
      double sq = 0;
      for (SubstitutionCounts.Entry e : sorted.get(i).entries()) {
        String key = e.surface() + " -> " + e.original();
        double w = e.count() * Math.log(1 + n / (double) df.get(key));
        v.merge(key, w, Double::sum);
      }
      for (double w : v.values()) {
        sq += w * w;
      }
      vectors.add(v);
      norms[i] = Math.sqrt(sq);
    }
    List<Pair> pairs = new ArrayList<>();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (norms[i] == 0 || norms[j] == 0) {
          continue;
        }
        Map<String, Double> a = vectors.get(i);
        Map<String, Double> b = vectors.get(j);
        if (a.size() > b.size()) {
          Map<String, Double> t = a;
          a = b;
          b = t;
        }
        double dot = 0;
        List<Map.Entry<String, Double>> shared = new ArrayList<>();
        for (Map.Entry<String, Double> e : a.entrySet()) {
          Double w = b.get(e.getKey());
          if (w != null) {
            dot += e.getValue() * w;
            shared.add(Map.entry(e.getKey(), e.getValue() * w));
          }
        }
        double sim = dot / (norms[i] * norms[j]);
        if (sim >= config.minSimilarity() && shared.size() >= config.minShared()) {
          shared.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
          List<String> top = new ArrayList<>();
          for (int k = 0; k < Math.min(10, shared.size()); k++) {
            top.add(shared.get(k).getKey());
          }
          pairs.add(new Pair(names.get(i), names.get(j), Math.min(1, sim), top));
          union(parent, i, j);
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::a)
        .thenComparing(Pair::b));
    Map<Integer, List<String>> comps = new TreeMap<>();
    for (Pair p : pairs) {
      int r = find(parent, names.indexOf(p.a()));
      List<String> g = comps.computeIfAbsent(r, k -> new ArrayList<>());
      for (String h : List.of(p.a(), p.b())) {
        if (!g.contains(h)) {
          g.add(h);
        }
      }
    }
    List<List<String>> groups = new ArrayList<>();
    for (List<String> g : comps.values()) {
      g.sort(null);
      groups.add(List.copyOf(g));
    }
    groups.sort(Comparator.<List<String>>comparingInt(List::size).reversed().thenComparing(g -> g.get(0)));
    return new Result(List.copyOf(profiles), List.copyOf(pairs), List.copyOf(groups));
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int i, int j) {
    int a = find(parent, i);
    int b = find(parent, j);
    if (a != b) {
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "HostProfiles[%d hosts, %d chars kept]", hostCount(), totalChars);
  }
}
