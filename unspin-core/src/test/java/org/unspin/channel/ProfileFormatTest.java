package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.api.ModelException;

class ProfileFormatTest {

  static SpinnerProfile sample() {
    ProfileInfo info = new ProfileInfo("toy", "hand-written", "a test", "CC0", "2026-11-29", 3, 30, 28, 7, 0.25,
        "none");
    return new SpinnerProfile(info, List.of(
        new SpinnerProfile.Entry("region", "area", 2, 0.5, 2.0 / 3),
        new SpinnerProfile.Entry("zone", "area", 1, 0.25, 0.5),
        new SpinnerProfile.Entry("financial institution", "bank", 1.5, 0.6, 1.0)));
  }

  private static String write(SpinnerProfile p) {
    StringWriter w = new StringWriter();
    ProfileFormat.write(p, w);
    return w.toString();
  }

  private static SpinnerProfile read(String s) throws IOException {
    return ProfileFormat.read(new StringReader(s), "t.tsv");
  }

  @Test
  void roundTripKeepsEntriesAndMetadataAndIsStable() throws IOException {
    SpinnerProfile p = sample();
    String text = write(p);
    assertTrue(text.startsWith("# Unspin spinner profile"), text);
    SpinnerProfile q = read(text);
    assertEquals(p.info(), q.info());
    assertEquals(p.entries(), q.entries().stream().map(e -> new SpinnerProfile.Entry(e.surface(), e.original(),
        e.count(), e.pSurfaceGivenOriginal(), Math.abs(e.pOriginalGivenSurface() - 2.0 / 3) < 1e-5 ? 2.0 / 3
        : e.pOriginalGivenSurface())).toList());
    assertEquals(text, write(q), "writing what was read gives the same bytes");
  }

  @Test
  void looksUpBySurfaceAndByOriginalMostProbableFirst() {
    SpinnerProfile p = sample();
    assertEquals(List.of("region", "zone"), p.byOriginal("area").stream().map(SpinnerProfile.Entry::surface).toList());
    assertEquals("bank", p.bySurface("financial institution").get(0).original());
    assertEquals(List.of(), p.bySurface("nothing"));
    assertEquals(0.25, p.unseenMass("area"), 1e-12);
    assertEquals(1.0, p.unseenMass("unknown"), 1e-12);
    assertEquals(0.5, p.entry("region", "area").pSurfaceGivenOriginal(), 1e-12);
  }

  private static void malformed(String body, String fragment) {
    String text = "# comment\n@format\tunspin-profile\t1\n@replacement_rate\t0.5\n" + body;
    ModelException e = assertThrows(ModelException.class, () -> read(text), body);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void malformedFilesNameTheLine() {
    malformed("a\tb\t1\t0.5\n", "t.tsv:4: entry needs 5 TAB-separated fields, got 4");
    malformed("a\tb\tx\t0.5\t0.5\n", "t.tsv:4: count is not a non-negative decimal number: 'x'");
    malformed("a\tb\t1\t1.5\t0.5\n", "t.tsv:4: pSurfaceGivenOriginal must be in (0, 1]");
    malformed("a\ta\t1\t0.5\t0.5\n", "t.tsv:4: surface must differ from original");
    malformed("A\tb\t1\t0.5\t0.5\n", "t.tsv:4: surface must be lower case");
    malformed("a  x\tb\t1\t0.5\t0.5\n", "t.tsv:4: surface must be words separated by single spaces");
    malformed("@colour\tblue\n", "t.tsv:4: unknown metadata key '@colour'");
    malformed("@replacement_rate\t0.4\n", "t.tsv:4: metadata key '@replacement_rate' given twice");
    malformed("a\tb\t1\t0.5\t0.5\na\tb\t1\t0.5\t0.5\n", "duplicate entry");
    malformed("a\tb\t1\t0.7\t0.5\nc\tb\t1\t0.7\t0.5\n", "probabilities of original 'b' sum to 1.4");
    malformed("@pairs\t-3\n", "@pairs must be a whole number");
    malformed("a b c d e\tb\t1\t0.5\t0.5\n", "at most 4 words");
  }

  @Test
  void headerProblemsAreReported() {
    ModelException e = assertThrows(ModelException.class, () -> read("a\tb\t1\t0.5\t0.5\n"));
    assertTrue(e.getMessage().contains("t.tsv:1: the first record must be @format"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read("@format\tunspin-profile\t9\n"));
    assertTrue(e.getMessage().contains("unsupported profile format version 9"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read("# only comments\n"));
    assertTrue(e.getMessage().contains("empty profile"), e.getMessage());
    e = assertThrows(ModelException.class, () -> read("@format\tunspin-profile\t1\n"));
    assertTrue(e.getMessage().contains("missing required metadata @replacement_rate"), e.getMessage());
  }

  @Test
  void formatsNumbersWithoutExponentOrLocale() {
    assertEquals("0.333333", ProfileFormat.format(1.0 / 3));
    assertEquals("2", ProfileFormat.format(2.0));
    assertEquals("0.000012", ProfileFormat.format(0.000012));
  }
}
