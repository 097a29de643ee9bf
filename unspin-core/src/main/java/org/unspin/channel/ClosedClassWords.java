package org.unspin.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.unspin.util.Resources;

/**
 * The members of the closed word classes (prepositions, articles, conjunctions, demonstratives,
 * forms of "be" and "have", modal verbs) listed in {@code /org/unspin/restore/closed-classes.txt}
 * (its header gives the source), as one set of lower-case words: the words a spinner that protects
 * function words leaves alone ({@link SimulatorConfig#protectClosedClasses()}).
 */
public final class ClosedClassWords {
  /** The resource the classes are read from (shared with the restorer's context proposals). */
  public static final String RESOURCE = "/org/unspin/restore/closed-classes.txt";

  /** Every member of every class of {@link #RESOURCE}, lower case. */
  public static final Set<String> ALL = Resources.load(ClosedClassWords.class, RESOURCE, ClosedClassWords::read);

  private ClosedClassWords() {}

  private static Set<String> read(InputStream in, String origin) throws IOException {
    Set<String> words = new HashSet<>();
    for (Resources.Line line : Resources.dataLines(in)) {
      for (String w : line.text().trim().split("\\s+")) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(words);
  }

  /** Whether {@code word} (any case) is a member of a closed class. */
  public static boolean contains(String word) {
    return ALL.contains(word.toLowerCase(Locale.ROOT));
  }
}
