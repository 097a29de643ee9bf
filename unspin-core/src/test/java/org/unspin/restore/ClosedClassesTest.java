package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unspin.api.ModelException;

class ClosedClassesTest {
  private static List<List<String>> read(String text) throws Exception {
    return org.unspin.channel.ClosedClassWords.readClasses(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void readsOneClassPerLineSkippingCommentsAndBlanks() throws Exception {
    assertEquals(List.of(List.of("a", "an", "the"), List.of("x", "y")), read("# header\n\na  an the\n  x y \n"));
  }

  @Test
  void aOneWordClassIsAnErrorNamingTheLine() {
    ModelException e = assertThrows(ModelException.class, () -> read("a an\nlonely\n"));
    assertTrue(e.getMessage().contains("test: line 2"), e.getMessage());
  }

  @Test
  void malformedUtf8IsAnError() {
    byte[] bad = {'a', ' ', (byte) 0xC3, '\n'};
    assertThrows(java.nio.charset.CharacterCodingException.class,
        () -> org.unspin.channel.ClosedClassWords.readClasses(new ByteArrayInputStream(bad), "test"));
  }

  @Test
  void theShippedClassesGiveEachMemberTheOthersOfItsClass() {
    assertTrue(Neighbourhood.CLOSED_CLASSES.size() >= 5);
    Neighbourhood nb = Neighbourhood.closedClasses();
    for (List<String> cls : Neighbourhood.CLOSED_CLASSES) {
      String first = cls.get(0);
      List<String> others = nb.neighbours(first);
      assertTrue(others.containsAll(cls.subList(1, cls.size())), first + " -> " + others);
      assertTrue(!others.contains(first), first + " -> " + others);
    }
  }
}
