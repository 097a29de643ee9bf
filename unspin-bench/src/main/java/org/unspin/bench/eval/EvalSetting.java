package org.unspin.bench.eval;

import java.util.Locale;

/** Which dictionary the simulated spinner draws from, relative to the restorer's. */
public enum EvalSetting {
  /** The spinner and the restorer both use every entry of the default lexicon. */
  KNOWN,
  /**
   * The spinner draws only from the held-out share of the lexicon's entries; the restorer's
   * candidates come from the rest (an edge another resource also lists can still be found).
   */
  UNKNOWN,
  /**
   * As {@link #KNOWN}, but the spinner decides once per dictionary entry and document and repeats
   * itself ({@link org.unspin.channel.SimulatorConfig#consistent()}): every occurrence of a replaced
   * original gets the same synonym, and a kept one is never replaced, as with a spinner's fixed
   * dictionary.
   */
  CONSISTENT,
  /**
   * As {@link #KNOWN}, but the spinner leaves closed-class words alone ({@link
   * org.unspin.channel.SimulatorConfig#protectClosedClasses()}: prepositions, articles,
   * conjunctions, forms of "be" and "have", modals), as spinners with a stop list do: only
   * content words and phrases are replaced.
   */
  PROTECTED,
  /**
   * As {@link #PROTECTED}, and the spinner leaves names alone too ({@link
   * org.unspin.channel.SimulatorConfig#mangleNames()} off: capitalized words inside a sentence),
   * as real spinners mostly do; the settings spin both, so this one is reported beside them.
   */
  SPARING;

  /** The lower-case name used on the command line and in tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code known}, {@code unknown}, {@code consistent}, {@code protected} or {@code sparing} (any case). */
  public static EvalSetting parse(String name) {
    for (EvalSetting s : values()) {
      if (s.label().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("setting must be known, unknown, consistent, protected or sparing (got '" + name
        + "')");
  }
}
