package org.unspin.bench.corpus;

import java.io.IOException;
import java.io.Writer;
import org.unspin.text.LmText;
import org.unspin.util.Json;

/** How {@code unspin eval corpus} writes documents. Every format ends each line with {@code '\n'}. */
public enum DumpFormat {
  /** One document per line: its paragraphs joined by a space. For LM training and perplexity. */
  TEXT,
  /** One JSON object per line: {@code {"id": "...", "text": "..."}}; paragraphs separated by {@code \n}. */
  JSONL,
  /**
   * One sentence per line as the LM sees it: the forms of {@link LmText#forEachSentence} joined by
   * single spaces, each paragraph (and the headline) taken on its own, so that every toolkit
   * trains and scores on exactly Unspin's tokens.
   */
  LMTOKENS;

  /** Writes {@code doc} in this format. */
  public void write(Document doc, Writer out) throws IOException {
    switch (this) {
      case TEXT -> {
        out.write(doc.text().replace('\n', ' '));
        out.write('\n');
      }
      case JSONL -> {
        StringBuilder sb = new StringBuilder(doc.text().length() + doc.id().length() + 32);
        sb.append("{\"id\":");
        Json.quote(sb, doc.id());
        sb.append(",\"text\":");
        Json.quote(sb, doc.text());
        sb.append("}\n");
        out.write(sb.toString());
      }
      case LMTOKENS -> {
        StringBuilder sb = new StringBuilder(doc.text().length() + 64);
        for (String paragraph : doc.text().split("\n")) {
          LmText.forEachSentence(paragraph, (forms, count) -> {
            for (int i = 0; i < count; i++) {
              if (i > 0) {
                sb.append(' ');
              }
              sb.append(forms[i]);
            }
            sb.append('\n');
          });
        }
        out.write(sb.toString());
      }
      default -> throw new AssertionError(this);
    }
  }

  /** Parses {@code text}, {@code jsonl} or {@code lmtokens} (any case). */
  public static DumpFormat parse(String name) {
    for (DumpFormat f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("format must be text, jsonl or lmtokens (got '" + name + "')");
  }
}
