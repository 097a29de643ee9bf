package org.unspin.channel.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static void golden(String query, String canonical) {
    FingerprintQuery q = QueryParser.parse(query);
    assertEquals(canonical, q.canonical(), query);
    assertEquals(q, QueryParser.parse(q.canonical()), "canonical form parses back to the same tree: " + query);
  }

  @Test
  void parsesSinglePhraseInNormalForm() {
    golden("\"Surface   Region\"", "\"surface region\"");
    golden("  \"naïve  Bayes\" ", "\"naïve bayes\"");
    golden("\"Alzheimer’s illness\"", "\"alzheimer's illness\"");
  }

  @Test
  void parsesAndWithQuotedAndBareClauses() {
    golden("\"surface region\" AND \"surface area\"", "(\"surface region\" AND \"surface area\")");
    golden("\"business knowledge\" AND business intelligence",
        "(\"business knowledge\" AND \"business\" AND \"intelligence\")");
    golden("\"a b\" and \"c\"", "(\"a b\" AND \"c\")");
  }

  @Test
  void parsesNotAsAndNot() {
    golden("\"surface highlights\" NOT specular", "(\"surface highlights\" AND NOT \"specular\")");
    golden("\"x y\" AND NOT \"z\"", "(\"x y\" AND NOT \"z\")");
  }

  @Test
  void parsesProximityIntoTerms() {
    golden("\"gatherings clustering\"~10", "\"gatherings clustering\"~10");
    FingerprintQuery q = QueryParser.parse("\"gatherings clustering\"~10");
    FingerprintQuery.Near n = (FingerprintQuery.Near) q;
    assertEquals(2, n.terms().size());
    assertEquals(10, n.slop());
    golden("\"extricating highlights\"~20 NOT specular",
        "(\"extricating highlights\"~20 AND NOT \"specular\")");
  }

  @Test
  void andBindsTighterThanOrAndParenthesesGroup() {
    golden("\"fit record\" OR \"fit file\" AND \"fit index\"",
        "(\"fit record\" OR (\"fit file\" AND \"fit index\"))");
    golden("\"PC helped\" AND (\"be that as it\" OR \"on the off chance\")",
        "(\"pc helped\" AND (\"be that as it\" OR \"on the off chance\"))");
  }

  @Test
  void parsesPrefixWildcards() {
    golden("\"enhancement calculation\" AND optimiz*", "(\"enhancement calculation\" AND \"optimiz*\")");
    golden("\"Hey Greetings\" AND \"hear*\"", "(\"hey greetings\" AND \"hear*\")");
    assertTrue(((FingerprintQuery.Phrase) QueryParser.parse("optimiz*")).prefix());
  }

  @Test
  void firstPhraseIsTheTorturedOne() {
    assertEquals("surface region",
        FingerprintQuery.firstPhrase(QueryParser.parse("\"surface region\" AND \"surface area\"")).text());
    assertEquals("gatherings clustering",
        FingerprintQuery.firstPhrase(QueryParser.parse("\"gatherings clustering\"~10 NOT x")).text());
  }

  private static void malformed(String query, int column, String fragment) {
    QueryParser.SyntaxException e = assertThrows(QueryParser.SyntaxException.class, () -> QueryParser.parse(query),
        query);
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void rejectsMalformedQueriesWithColumn() {
    malformed("\"surface region", 1, "unclosed quote");
    malformed("\"a\" AND", 8, "end of query");
    malformed("AND \"a\"", 1, "AND");
    malformed("NOT \"a\"", 1, "NOT needs a positive clause");
    malformed("(\"a\" OR \"b\"", 1, "unclosed '('");
    malformed("\"a\")", 4, "unbalanced ')'");
    malformed("\"\"", 1, "empty phrase");
    malformed("\"a b\"~", 6, "'~' must be followed by a number");
    malformed("\"a b\"x", 6, "after a quoted phrase");
    malformed("\"a*b\"", 1, "'*' is only allowed at the end");
    malformed("\",\"", 1, "no letter or digit");
    malformed("word~2", 5, "'~' is only allowed after a quoted phrase");
    malformed("", 1, "end of query");
    malformed("\"a\" OR OR \"b\"", 8, "OR");
  }
}
