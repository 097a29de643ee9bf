package org.unspin.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.unspin.api.InputException;
import org.unspin.text.ExtractedText;
import org.unspin.text.HtmlExtractor;
import org.unspin.text.TextInput;

/**
 * Reads the FILE|- argument of a text command: strict UTF-8 (a bad byte names the file and its
 * offset), binary refused, HTML (by extension or content) reduced to its main text with an offset
 * map back to the source.
 */
final class InputText {
  private InputText() {}

  /** The text of {@code arg} ({@code -} is stdin) as it is, decoded as strict UTF-8. */
  static String readPlain(String arg, InputStream stdin) {
    TextInput in = TextInput.withDefaults();
    return arg.equals("-") ? in.read(stdin, "<stdin>") : in.read(Path.of(arg));
  }

  /** The input named by {@code arg} ({@code -} is stdin) as extracted text. */
  static ExtractedText read(String arg, InputStream stdin) {
    String name = arg.equals("-") ? "<stdin>" : arg;
    String raw = readPlain(arg, stdin);
    String lower = name.toLowerCase(Locale.ROOT);
    boolean html = lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")
        || (!lower.endsWith(".txt") && HtmlExtractor.looksLikeHtml(raw));
    if (!html) {
      return ExtractedText.plain(raw);
    }
    ExtractedText t = new HtmlExtractor().extract(raw);
    if (t.text().isBlank()) {
      throw new InputException(name + ": no text in this HTML page");
    }
    return t;
  }
}
