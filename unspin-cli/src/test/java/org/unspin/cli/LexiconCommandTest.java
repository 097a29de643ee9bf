package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconCommandTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A tiny WordNet-format database (hand-written, not WordNet data). */
  static Path miniWordNet(Path dir) throws IOException {
    Path wn = Files.createDirectories(dir.resolve("wn"));
    Files.writeString(wn.resolve("data.noun"), "  1 test fixture  \n"
        + "00000002 06 n 02 financial_institution 0 financial_organization 0 000 | x  \n"
        + "00000003 06 n 02 depository_financial_institution 0 bank 0 001 @ 00000002 n 0000 | y  \n");
    Files.writeString(wn.resolve("data.verb"), "00000010 31 v 02 give_up 0 quit 0 000 | stop  \n");
    Files.writeString(wn.resolve("data.adj"), "");
    Files.writeString(wn.resolve("data.adv"), "");
    Files.writeString(wn.resolve("index.sense"), "bank%1:14:00:: 00000003 1 5\n");
    for (String f : new String[] {"noun.exc", "verb.exc", "adj.exc", "adv.exc"}) {
      Files.writeString(wn.resolve(f), "");
    }
    return wn;
  }

  @Test
  void buildsALexiconThatLookupReads(@TempDir Path tmp) throws IOException {
    Path wn = miniWordNet(tmp);
    Path out = tmp.resolve("mini.lex");
    Result b = run("lexicon", "build", "--wordnet", wn.toString(), "--out", out.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("Wrote " + out), b.out());
    Result l = run("lexicon", "lookup", "--lexicon", out.toString(), "Financial", "institutions");
    assertEquals(0, l.code(), l.err());
    assertTrue(l.out().contains("banks\tbank\t[wordnet]\thypernym\t1\t5\tn>n"), l.out());
    // A hypernym is not one of the original's WordNet synonyms: 0 in that column.
    assertTrue(l.out().startsWith("original\tvia\tresources\trelation\trank\ttags\tpos(orig>surf)\tfanout"
        + "\twordnet_synonyms\t"), l.out());
    assertTrue(l.out().matches("(?s).*\nbanks\tbank\t[^\n]*\tn>n\t[0-9]+\t0\t.*"), l.out());
    assertTrue(l.out().contains("plural"), l.out());
    Result s = run("lexicon", "synonyms", "--lexicon", out.toString(), "bank");
    assertEquals("depository financial institution\nfinancial institution\nfinancial organization\n",
        s.out().replace("\r\n", "\n"));
  }

  @Test
  void looksUpTheShippedLexiconByDefault() {
    Result r = run("lexicon", "lookup", "--resources", "wordnet", "financial", "institutions");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\nbanks\tbank\t"), r.out());
    Result i = run("lexicon", "info");
    assertEquals(0, i.code(), i.err());
    assertTrue(i.out().contains("WordNet 3.1 Copyright 2011 by Princeton University"), i.out());
  }

  @Test
  void missingInputIsAUsageError(@TempDir Path tmp) {
    Result r = run("lexicon", "build", "--wordnet", tmp.resolve("nope").toString(), "--out",
        tmp.resolve("x.lex").toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().startsWith("unspin: no such file or directory: "), r.err());
    Result u = run("lexicon", "lookup", "--resources", "thesaurus-of-doom", "bank");
    assertEquals(Main.EXIT_USAGE, u.code());
    assertTrue(u.err().contains("unknown resource 'thesaurus-of-doom'"), u.err());
  }

  @Test
  void brokenLexiconFileIsAFailureNamingTheFile(@TempDir Path tmp) throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.lex"), "not gzip");
    Result r = run("lexicon", "lookup", "--lexicon", bad.toString(), "bank");
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertTrue(r.err().startsWith("unspin: " + bad + ": "), r.err());
  }
}
