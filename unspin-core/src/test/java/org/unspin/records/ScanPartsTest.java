package org.unspin.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.restore.SubstitutionCounts;
import org.unspin.util.Json;

/**
 * The pieces a distributed scan combines: summaries of parts of a report merge into the summary of
 * the whole, and host samples offered with their counts give what offering the pages one by one gives.
 */
class ScanPartsTest {
  /** A report line with a verdict, a probability and findings, or an error line. */
  static String line(Random rnd) {
    if (rnd.nextInt(6) == 0) {
      return Json.write(java.util.Map.of("id", "x", "error", "invalid UTF-8 at byte offset " + rnd.nextInt(99)));
    }
    String[] verdicts = {"spun", "clean", "uncertain"};
    List<Object> findings = new ArrayList<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      findings.add(java.util.Map.of("text", "w" + rnd.nextInt(5), "suggestion", "o" + rnd.nextInt(3)));
    }
    return Json.write(java.util.Map.of("id", "x", "verdict", verdicts[rnd.nextInt(3)], "spun_probability",
        rnd.nextDouble(), "findings", findings));
  }

  @Test
  void summariesOfPartsMergeIntoTheSummaryOfTheWhole() throws Exception {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      ScanSummary whole = new ScanSummary();
      List<ScanSummary> parts = new ArrayList<>();
      for (int p = rnd.nextInt(5) + 1; p > 0; p--) {
        ScanSummary part = new ScanSummary();
        for (int i = rnd.nextInt(30); i > 0; i--) {
          String l = line(rnd);
          whole.add(l);
          part.add(l);
        }
        parts.add(roundTrip(part));
      }
      ScanSummary merged = new ScanSummary();
      for (ScanSummary p : parts) {
        merged.merge(p);
      }
      assertEquals(whole.describe("s: "), merged.describe("s: "), "seed " + seed);
      assertArrayEquals(whole.histogram(), merged.histogram(), "seed " + seed);
      assertEquals(whole.topSubstitutions(100), merged.topSubstitutions(100), "seed " + seed);
      assertEquals(whole.errorKinds(), merged.errorKinds(), "seed " + seed);
    }
  }

  @Test
  void describeListsTotalsErrorKindsAndTopSubstitutions() {
    ScanSummary s = new ScanSummary();
    s.add("{\"id\":\"a\",\"verdict\":\"spun\",\"spun_probability\":0.97,\"findings\":[{\"text\":\"Colossal "
        + "information\",\"suggestion\":\"big data\"}]}");
    s.add("{\"id\":\"b\",\"error\":\"not English: ...\"}");
    assertEquals(String.format("p: 2 records: 1 documents checked, 1 errors%n  errors: 1 not English%n"
        + "  verdicts: 1 spun (100.0%%), 0 uncertain, 0 clean; 1 findings%n  top substitutions:%n"
        + "         1  colossal information -> big data%n"), s.describe("p: "));
  }

  @Test
  void hostSamplesOfferedWithTheirCountsEqualPagesOfferedOneByOne() {
    HostProfiles.Config small = new HostProfiles.Config(3, 100, 100_000, 10, 2, 0.3, 3);
    HostProfiles one = new HostProfiles(small);
    Random rnd = new Random(5);
    String[] hosts = {"a.example", "b.example", "c.example"};
    List<List<String>> texts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    long[] pages = new long[3];
    long[] spun = new long[3];
    for (int i = 0; i < 20; i++) {
      int h = i < 3 ? i : rnd.nextInt(3);
      String text = ("page " + i + " of " + hosts[h] + " ").repeat(1 + rnd.nextInt(12));
      boolean isSpun = rnd.nextBoolean();
      one.offer(InputRecord.ofText("id" + i, "http://" + hosts[h] + "/" + i, "s", text, false),
          isSpun ? "spun" : "clean");
      texts.get(h).add(text);
      pages[h]++;
      spun[h] += isSpun ? 1 : 0;
    }
    HostProfiles counted = new HostProfiles(small);
    for (int h = 0; h < 3; h++) {
      counted.offerCounted(hosts[h], pages[h], spun[h], texts.get(h));
    }
    assertEquals(one.eligible(), counted.eligible());
    assertEquals(3, one.eligible().size());
    assertEquals(3, one.eligible().get(0).texts().size(), "at most maxDocsPerHost pages are kept");
    assertEquals(100, HostProfiles.samplePrefix("x".repeat(150), 100).length());
    assertThrows(IllegalArgumentException.class, () -> counted.offerCounted("a", 1, 2, List.of()));
  }

  @Test
  void hostComparisonIsTheSameWhateverOrderTheLearnedHostsArriveIn() throws Exception {
    HostProfiles p = new HostProfiles(HostProfiles.Config.defaults());
    List<HostProfiles.Learned> learned = new ArrayList<>();
    String[][] subs = {{"colossal information", "big data"}, {"irregular woodland", "random forest"},
        {"counterfeit consciousness", "artificial intelligence"}, {"bosom peril", "breast cancer"}};
    for (int h = 0; h < 5; h++) {
      List<SubstitutionCounts.Entry> es = new ArrayList<>();
      for (int k = 0; k < subs.length; k++) {
        if (h < 3 || k == h - 3) {
          es.add(new SubstitutionCounts.Entry(subs[k][0], subs[k][1], 2.0 + k, 2));
        }
      }
      learned.add(roundTrip(new HostProfiles.Learned("h" + h + ".example", 5, 3, 5, 0.2, es)));
    }
    HostProfiles.Result forward = p.compare(learned);
    List<HostProfiles.Learned> reversed = new ArrayList<>(learned);
    java.util.Collections.reverse(reversed);
    assertEquals(forward.toJson(), p.compare(reversed).toJson());
    assertEquals(List.of(List.of("h0.example", "h1.example", "h2.example")), forward.groups().subList(0, 1));
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
