package org.unspin.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unspin.util.Json;

/** The hand-written OpenAPI file describes exactly the routes the server registers. */
class OpenApiTest {
  @Test
  void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
    try (UnspinServer s = UnspinServer.start(ServerConfig.defaults().withPort(0), new PhraseEngine())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(s.uri().resolve("/api/openapi.json")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      Map<String, Object> doc = Json.parseObject(r.body());
      assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."), "not OpenAPI 3: " + doc.get("openapi"));
      Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
      Set<String> described = new HashSet<>();
      for (Map.Entry<?, ?> p : paths.entrySet()) {
        for (Object method : ((Map<?, ?>) p.getValue()).keySet()) {
          if (!method.equals("parameters")) {
            described.add(method.toString().toUpperCase(Locale.ROOT) + " " + p.getKey());
          }
        }
      }
      Set<String> registered = new HashSet<>();
      for (UnspinServer.Route route : s.routes()) {
        registered.add(route.method() + " " + route.path());
      }
      assertEquals(registered, described);
      for (Map.Entry<?, ?> p : paths.entrySet()) {
        for (Map.Entry<?, ?> op : ((Map<?, ?>) p.getValue()).entrySet()) {
          Map<?, ?> o = (Map<?, ?>) op.getValue();
          assertTrue(o.get("summary") instanceof String sum && !sum.isBlank(), "no summary: " + p.getKey());
          assertTrue(((Map<?, ?>) o.get("responses")).containsKey("200"), "no 200: " + p.getKey());
        }
      }
    }
  }

  @Test
  void everyReferenceResolves() throws Exception {
    String text = new String(UnspinServer.class.getResourceAsStream("/org/unspin/server/openapi.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    Map<String, Object> doc = Json.parseObject(text);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"\\$ref\":\\s*\"#/([^\"]+)\"").matcher(text);
    int refs = 0;
    while (m.find()) {
      Object node = doc;
      for (String part : m.group(1).split("/")) {
        node = ((Map<?, ?>) node).get(part);
        assertTrue(node != null, "dangling $ref #/" + m.group(1));
      }
      refs++;
    }
    assertTrue(refs > 10, "refs=" + refs);
  }
}
