package org.unspin.restore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.unspin.lexicon.SynonymDictionary;

/**
 * The words a {@link ContextProposer} may try in place of a surface word: a cheap, plausible set
 * (synonyms of synonyms, the other members of a closed word class), never the whole vocabulary.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface Neighbourhood {

  /** Candidate replacements for the LM form {@code lmForm}, without itself; may be empty. */
  List<String> neighbours(String lmForm);

  /**
   * Closed word classes whose members spinners swap for each other ("in" -&gt; "within", "the" -&gt;
   * "a"), so an improbable one may be put back by context alone: the data file {@value
   * #CLOSED_CLASSES_RESOURCE} (its header gives the source), one class per line.
   */
  String CLOSED_CLASSES_RESOURCE = org.unspin.channel.ClosedClassWords.RESOURCE;

  /** The classes of {@link #CLOSED_CLASSES_RESOURCE}, in file order. */
  List<List<String>> CLOSED_CLASSES = org.unspin.channel.ClosedClassWords.CLASSES;

  /** Other members of the closed class of the word (see {@link #CLOSED_CLASSES}). */
  static Neighbourhood closedClasses() {
    Map<String, List<String>> map = new HashMap<>();
    for (List<String> cls : CLOSED_CLASSES) {
      for (String w : cls) {
        List<String> others = new ArrayList<>(cls);
        others.remove(w);
        map.computeIfAbsent(w, k -> new ArrayList<>()).addAll(others);
      }
    }
    Map<String, List<String>> frozen = new HashMap<>();
    map.forEach((k, v) -> frozen.put(k, List.copyOf(new LinkedHashSet<>(v))));
    return w -> frozen.getOrDefault(w, List.of());
  }

  /**
   * Single-word synonyms and synonyms of synonyms of the word in {@code dictionary}, at most
   * {@code max} of them, nearest first.
   */
  static Neighbourhood synonymsOfSynonyms(SynonymDictionary dictionary, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1 (got " + max + ")");
    }
    return w -> {
      Set<String> out = new LinkedHashSet<>();
      List<String> first = dictionary.synonyms(w);
      for (String s : first) {
        if (s.indexOf(' ') < 0) {
          out.add(s);
        }
      }
      for (String s : first) {
        for (String t : dictionary.synonyms(s)) {
          if (out.size() >= max) {
            break;
          }
          if (t.indexOf(' ') < 0) {
            out.add(t);
          }
        }
      }
      out.remove(w);
      List<String> list = new ArrayList<>(out);
      return list.size() > max ? list.subList(0, max) : list;
    };
  }

  /** All neighbours of both, without duplicates. */
  static Neighbourhood union(Neighbourhood a, Neighbourhood b) {
    return w -> {
      Set<String> out = new LinkedHashSet<>(a.neighbours(w));
      out.addAll(b.neighbours(w));
      return new ArrayList<>(out);
    };
  }
}
