package org.unspin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.records.HostProfiles;
import org.unspin.records.InputRecord;

/** Host samples gathered in parts (tasks) and merged in any order, against the scan's one-by-one offers. */
class HostSamplesTest {
  record Page(String host, boolean spun, String text, long order) {}

  static List<Page> pages(Random rnd, int n, int hosts) {
    List<Page> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String h = "h" + rnd.nextInt(hosts) + ".example";
      l.add(new Page(h, rnd.nextBoolean(), ("w" + i + " ").repeat(1 + rnd.nextInt(60)), i));
    }
    return l;
  }

  /** Parts of consecutive pages (one per task), merged in a random order. */
  static HostProfiles merged(List<Page> pages, HostProfiles.Config config, Random rnd) {
    List<HostSamples> parts = new ArrayList<>();
    HostSamples part = new HostSamples(config);
    for (Page p : pages) {
      if (rnd.nextInt(7) == 0) {
        parts.add(part);
        part = new HostSamples(config);
      }
      part.add(p.host(), p.spun(), p.text(), p.order());
    }
    parts.add(part);
    Collections.shuffle(parts, rnd);
    HostSamples all = new HostSamples(config);
    for (HostSamples s : parts) {
      all.merge(s);
    }
    HostProfiles profiles = new HostProfiles(config);
    all.feed(profiles);
    return profiles;
  }

  static HostProfiles offered(List<Page> pages, HostProfiles.Config config) {
    HostProfiles profiles = new HostProfiles(config);
    for (Page p : pages) {
      profiles.offer(InputRecord.ofText("id", "http://" + p.host() + "/x", "s", p.text(), false),
          p.spun() ? "spun" : "clean");
    }
    return profiles;
  }

  @Test
  void partsMergedInAnyOrderGiveTheScansSamplesWhileTheLimitsHold() {
    HostProfiles.Config config = new HostProfiles.Config(4, 120, 1_000_000, 1000, 2, 0.3, 3);
    for (long seed = 1; seed <= 30; seed++) {
      Random rnd = new Random(seed);
      List<Page> pages = pages(rnd, 20 + rnd.nextInt(200), 1 + rnd.nextInt(12));
      assertEquals(offered(pages, config).eligible(), merged(pages, config, rnd).eligible(), "seed " + seed);
    }
  }

  @Test
  void aTaskRunTwiceKeepsItsTextsOnce() {
    HostProfiles.Config config = new HostProfiles.Config(4, 120, 1_000_000, 1000, 2, 0.3, 3);
    List<Page> pages = pages(new Random(3), 50, 3);
    HostSamples a = new HostSamples(config);
    for (Page p : pages) {
      a.add(p.host(), p.spun(), p.text(), p.order());
    }
    HostSamples twice = new HostSamples(config);
    twice.merge(a);
    twice.merge(a);
    HostProfiles once = new HostProfiles(config);
    a.feed(once);
    HostProfiles doubled = new HostProfiles(config);
    twice.feed(doubled);
    for (int i = 0; i < once.eligible().size(); i++) {
      assertEquals(once.eligible().get(i).texts(), doubled.eligible().get(i).texts());
      assertEquals(2 * once.eligible().get(i).pages(), doubled.eligible().get(i).pages(), "counts count twice");
    }
  }

  @Test
  void theBudgetsHoldAfterMerging() {
    HostProfiles.Config config = new HostProfiles.Config(5, 200, 2_000, 6, 1, 0.3, 3);
    for (long seed = 1; seed <= 30; seed++) {
      Random rnd = new Random(seed);
      List<Page> pages = pages(rnd, 300, 20);
      HostProfiles merged = merged(pages, config, rnd);
      long chars = 0;
      for (HostProfiles.HostSample h : merged.eligible()) {
        assertTrue(h.texts().size() <= 5, "seed " + seed);
        for (String t : h.texts()) {
          chars += t.length();
        }
      }
      assertTrue(chars <= 2_000, "seed " + seed + ": " + chars);
      assertTrue(merged.hostCount() <= 6, "seed " + seed);
    }
  }
}
