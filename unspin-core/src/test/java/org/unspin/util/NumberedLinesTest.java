package org.unspin.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.unspin.api.InputException;
import org.unspin.api.ModelException;

class NumberedLinesTest {

  @Test
  void numbersEveryLineBlankOnesToo() throws IOException {
    NumberedLines lines = new NumberedLines(new StringReader("a\n\nb"), "x", ModelException::new);
    assertEquals(0, lines.number());
    assertEquals("a", lines.next());
    assertEquals("", lines.next());
    assertEquals("b", lines.next());
    assertEquals(3, lines.number());
    assertNull(lines.next());
    assertEquals(3, lines.number());
  }

  @Test
  void badBytesBecomeTheCallersExceptionNamingTheSource() {
    byte[] bytes = {(byte) 0xFF, 'a', '\n'};
    NumberedLines lines = new NumberedLines(new ByteArrayInputStream(bytes), "in.jsonl", InputException::new);
    InputException e = assertThrows(InputException.class, lines::next);
    assertEquals("in.jsonl:1: not valid UTF-8", e.getMessage());
  }
}
