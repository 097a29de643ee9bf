package org.unspin.lexicon;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The resources a compiled lexicon is made from; each has one bit in an edge's resource mask. */
public enum Resource {
  /** Princeton WordNet 3.1: synonyms, hypernyms, similar-to adjectives. */
  WORDNET,
  /** The Moby Thesaurus II (public domain): large, unordered by sense. */
  MOBY,
  /** Number words and their digit forms ("two" / "0" in LM form), generated. */
  NUMBERS,
  /** British / American spelling variants derived from the SCOWL word lists. */
  SPELLING;

  /** This resource's bit. */
  public int bit() {
    return 1 << ordinal();
  }

  /** The mask of a set of resources. */
  public static int mask(Set<Resource> resources) {
    int m = 0;
    for (Resource r : resources) {
      m |= r.bit();
    }
    return m;
  }

  /** The mask of every resource. */
  public static int all() {
    return mask(EnumSet.allOf(Resource.class));
  }

  /** The resources in {@code mask}. */
  public static EnumSet<Resource> of(int mask) {
    EnumSet<Resource> s = EnumSet.noneOf(Resource.class);
    for (Resource r : values()) {
      if ((mask & r.bit()) != 0) {
        s.add(r);
      }
    }
    return s;
  }

  /**
   * Parses a comma-separated list of resource names (case-insensitive), e.g. {@code "wordnet,moby"}.
   *
   * @throws IllegalArgumentException naming the unknown resource
   */
  public static EnumSet<Resource> parse(String list) {
    EnumSet<Resource> s = EnumSet.noneOf(Resource.class);
    for (String part : list.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        s.add(valueOf(p.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("resources: unknown resource '" + p + "' (known: "
            + EnumSet.allOf(Resource.class).toString().toLowerCase(Locale.ROOT) + ")", e);
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("resources: empty list '" + list + "'");
    }
    return s;
  }
}
