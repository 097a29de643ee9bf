package org.unspin.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.records.HostProfiles;

/**
 * What {@code --group-by host} gathers from the tasks of a Spark scan: per host, the pages and spun
 * pages counted and the first pages' texts (cut as {@link HostProfiles} cuts them), each with its
 * place in the input ({@code order}: the file's index in the sorted file list, then the record's
 * ordinal in its file). Parts from different tasks merge into the per-host first pages in input
 * order, so the result does not depend on which task finished first; the total budget of kept
 * characters is applied in input order too. {@link #feed} then hands the hosts to a
 * {@link HostProfiles} in the order of their first pages, which gives what {@code unspin scan}'s
 * {@link HostProfiles#offer} gives for the same records whenever the total budget and the number of
 * hosts are not reached (beyond them both keep the earliest pages and hosts, but a task only sees
 * its own).
 * Not thread-safe (one per task, merged on the driver).
 */
final class HostSamples implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One kept text and its place in the input. */
  record Text(long order, String text) implements Serializable {}

  private static final class Host implements Serializable {
    private static final long serialVersionUID = 1L;
    long pages;
    long spun;
    long firstOrder = Long.MAX_VALUE;
    final List<Text> texts = new ArrayList<>();
  }

  private final HostProfiles.Config config;
  private final Map<String, Host> hosts = new HashMap<>();
  private long chars;

  HostSamples(HostProfiles.Config config) {
    this.config = config;
  }

  HostProfiles.Config config() {
    return config;
  }

  boolean isEmpty() {
    return hosts.isEmpty();
  }

  /**
   * Counts one checked page of {@code host} and keeps its text while the limits allow. A task adds
   * its pages in input order, so, as in the scan, a text that does not fit the budget is left out.
   */
  void add(String host, boolean spun, String text, long order) {
    Host h = hosts.get(host);
    if (h == null) {
      if (hosts.size() >= config.maxHosts()) {
        return; // as the scan: pages of hosts beyond the first maxHosts are not counted
      }
      h = new Host();
      hosts.put(host, h);
    }
    h.pages++;
    if (spun) {
      h.spun++;
    }
    h.firstOrder = Math.min(h.firstOrder, order);
    if (h.texts.size() < config.maxDocsPerHost()) {
      String t = HostProfiles.samplePrefix(text, config.maxCharsPerDoc());
      if (chars + t.length() <= config.maxTotalChars()) {
        h.texts.add(new Text(order, t));
        chars += t.length();
      }
    }
  }

  /**
   * Adds another part's counts and texts; per host the first texts in input order are kept (a text
   * met twice, from a task that ran twice, once).
   */
  void merge(HostSamples other) {
    other.hosts.forEach((name, o) -> {
      Host h = hosts.computeIfAbsent(name, k -> new Host());
      h.pages += o.pages;
      h.spun += o.spun;
      h.firstOrder = Math.min(h.firstOrder, o.firstOrder);
      List<Text> all = new ArrayList<>(h.texts);
      all.addAll(o.texts);
      all.sort(Comparator.comparingLong(Text::order));
      h.texts.clear();
      for (Text t : all) {
        boolean repeat = !h.texts.isEmpty() && h.texts.get(h.texts.size() - 1).order() == t.order();
        if (!repeat && h.texts.size() < config.maxDocsPerHost()) {
          h.texts.add(t);
        }
      }
    });
    if (hosts.size() > config.maxHosts()) {
      List<Map.Entry<String, Host>> l = new ArrayList<>(hosts.entrySet());
      l.sort(Comparator.comparingLong((Map.Entry<String, Host> e) -> e.getValue().firstOrder)
          .thenComparing(Map.Entry::getKey));
      for (Map.Entry<String, Host> e : l.subList(config.maxHosts(), l.size())) {
        hosts.remove(e.getKey());
      }
    }
    recount();
    if (chars > config.maxTotalChars()) {
      trimToBudget();
    }
  }

  private void recount() {
    long c = 0;
    for (Host h : hosts.values()) {
      for (Text t : h.texts) {
        c += t.text().length();
      }
    }
    chars = c;
  }

  /** Keeps the texts that come first in input order within the character budget, as a scan would. */
  private void trimToBudget() {
    List<Object[]> all = new ArrayList<>();
    for (Host h : hosts.values()) {
      for (Text t : h.texts) {
        all.add(new Object[] {t, h});
      }
    }
    all.sort(Comparator.comparingLong(a -> ((Text) a[0]).order()));
    long kept = 0;
    for (Host h : hosts.values()) {
      h.texts.clear();
    }
    for (Object[] a : all) {
      Text t = (Text) a[0];
      if (kept + t.text().length() <= config.maxTotalChars()) {
        ((Host) a[1]).texts.add(t);
        kept += t.text().length();
      }
    }
    chars = kept;
  }

  /** Hands every host to {@code profiles}, in the order of its first page. */
  void feed(HostProfiles profiles) {
    List<Map.Entry<String, Host>> l = new ArrayList<>(hosts.entrySet());
    l.sort(Comparator.comparingLong((Map.Entry<String, Host> e) -> e.getValue().firstOrder)
        .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Host> e : l) {
      Host h = e.getValue();
      List<String> texts = new ArrayList<>();
      for (Text t : h.texts) {
        texts.add(t.text());
      }
      profiles.offerCounted(e.getKey(), h.pages, h.spun, texts);
    }
  }

  @Override
  public String toString() {
    return "HostSamples[" + hosts.size() + " hosts, " + chars + " chars]";
  }
}
