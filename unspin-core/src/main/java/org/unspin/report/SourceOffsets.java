package org.unspin.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.api.TextSpan;
import org.unspin.detect.CheckReport;
import org.unspin.text.ExtractedText;

/** Maps a report computed on extracted text back to offsets into the source (HTML) document. */
public final class SourceOffsets {
  private SourceOffsets() {}

  /**
   * {@code r} (computed on {@code text.text()}) with every finding and edit re-anchored in
   * {@code text.source()}; the same report when the source is the text itself.
   */
  public static CheckReport toSource(CheckReport r, ExtractedText text) {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(text, "text");
    if (text.source().equals(text.text())) {
      return r;
    }
    String src = text.source();
    List<Finding> findings = new ArrayList<>(r.findings().size());
    for (Finding f : r.findings()) {
      TextSpan s = text.sourceSpan(f.start(), f.end());
      findings.add(new Finding(s.start(), s.end(), src.substring(s.start(), s.end()), f.suggestion(), f.confidence(),
          f.ruleId()));
    }
    List<Edit> edits = new ArrayList<>(r.edits().size());
    for (Edit e : r.edits()) {
      TextSpan s = text.sourceSpan(e.start(), e.end());
      edits.add(new Edit(s.start(), s.end(), src.substring(s.start(), s.end()), e.suggestion(), e.confidence()));
    }
    return r.withSpans(src, findings, r.restored(), edits);
  }
}
