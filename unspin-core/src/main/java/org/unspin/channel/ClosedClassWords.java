package org.unspin.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unspin.api.ModelException;
import org.unspin.util.Resources;

/**
 * The closed word classes (prepositions, articles, conjunctions, demonstratives, forms of "be" and
 * "have", modal verbs) of the data file {@value #RESOURCE} (its header gives the source), one
 * class per line: the words the restorer's context proposals swap within a class
 * ({@code restore.Neighbourhood}), and the words a spinner that protects function words leaves
 * alone ({@link SimulatorConfig#protectClosedClasses()}).
 */
public final class ClosedClassWords {
  /** The data file of the classes. */
  public static final String RESOURCE = "/org/unspin/restore/closed-classes.txt";

  /** The classes of {@link #RESOURCE}, in file order. */
  public static final List<List<String>> CLASSES = Resources.load(ClosedClassWords.class, RESOURCE,
      ClosedClassWords::readClasses);

  /** Every member of every class, lower case. */
  public static final Set<String> ALL = union(CLASSES);

  private ClosedClassWords() {}

  /**
   * Parses a closed-class file: one class per line, members separated by spaces, {@code #}
   * comment lines and blank lines ignored; a class needs at least two members.
   *
   * @throws ModelException naming {@code origin} and the line when a class has fewer than two members
   */
  public static List<List<String>> readClasses(InputStream in, String origin) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (Resources.Line line : Resources.dataLines(in)) {
      List<String> cls = List.of(line.text().split("\\s+"));
      if (cls.size() < 2) {
        throw new ModelException(origin + ": line " + line.number() + ": a class needs at least two words (got '"
            + line.text() + "')");
      }
      out.add(cls);
    }
    return List.copyOf(out);
  }

  private static Set<String> union(List<List<String>> classes) {
    Set<String> words = new HashSet<>();
    for (List<String> cls : classes) {
      for (String w : cls) {
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
