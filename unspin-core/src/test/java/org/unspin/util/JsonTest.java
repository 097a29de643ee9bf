package org.unspin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesAndReadsNestedValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a \"quoted\"\n\ttext \u0001 é \u2028");
    m.put("n", 42L);
    m.put("d", 0.25);
    m.put("b", true);
    m.put("z", null);
    m.put("l", List.of(1L, "x", List.of()));
    String json = Json.write(m);
    assertEquals(m, Json.parse(json));
    assertTrue(json.contains("\\u0001") && json.contains("\\u2028"), json);
  }

  @Test
  void parsesNumbersEscapesAndWhitespace() {
    assertEquals(List.of(-1L, 1.5, 1e3, 0L), Json.parse(" [ -1 , 1.5,1e3 ,0 ] "));
    assertEquals("A\u00e9/\\", Json.parse("\"\\u0041\\u00e9\\/\\\\\""));
    assertEquals(Map.of(), Json.parse("{}"));
  }

  @Test
  void rejectsMalformedJsonWithPosition() {
    for (String bad : Arrays.asList("", "{", "{\"a\" 1}", "[1,]", "01", "\"x", "tru", "{\"a\":1,\"a\":2}", "1 2",
        "\"\\x\"", "-", "1.", "{1:2}", "\"a\nb\"")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("JSON at char "), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
  }

  @Test
  void randomStringsRoundTrip() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      char[] cs = new char[r.nextInt(20)];
      for (int k = 0; k < cs.length; k++) {
        cs[k] = (char) (r.nextBoolean() ? r.nextInt(128) : r.nextInt(0xD800));
      }
      String s = new String(cs);
      assertEquals(s, Json.parse(Json.quote(s)), "seed=" + seed);
    }
  }
}
