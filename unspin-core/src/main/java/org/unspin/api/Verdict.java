package org.unspin.api;

import java.util.Locale;

/** The document-level decision. Its JSON form is the lower-case name. */
public enum Verdict {
  SPUN,
  CLEAN,
  UNCERTAIN;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
