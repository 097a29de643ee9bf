package org.unspin.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unspin.lexicon.SynonymDictionary;

/**
 * A seeded split of a dictionary's headwords into two views, for evaluation setting (b) of issue 3:
 * the simulator spins with entries that the candidate generator is not given. A headword goes to
 * {@link #heldOut()} when a seeded hash of it falls below {@code heldOutShare}, so the split is
 * stable for a seed whatever the dictionary's order or size. Both views are immutable and
 * thread-safe (they keep their own headword lists and delegate {@code synonyms} to the source).
 *
 * @param kept the headwords not held out (give these to the candidate generator)
 * @param heldOut the held-out headwords (spin with these, or with the whole dictionary)
 */
public record DictionarySplit(SynonymDictionary kept, SynonymDictionary heldOut) {
  public DictionarySplit {
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(heldOut, "heldOut");
  }

  /** Splits {@code source}; {@code heldOutShare} in [0, 1]. */
  public static DictionarySplit of(SynonymDictionary source, double heldOutShare, long seed) {
    if (!(heldOutShare >= 0 && heldOutShare <= 1)) {
      throw new IllegalArgumentException("heldOutShare must be in [0, 1] (got " + heldOutShare + ")");
    }
    List<String> kept = new ArrayList<>();
    List<String> held = new ArrayList<>();
    for (String h : source.headwords()) {
      (unit(h, seed) < heldOutShare ? held : kept).add(h);
    }
    return new DictionarySplit(new View(source, kept), new View(source, held));
  }

  /** A uniform value in [0, 1) from the headword and the seed (SplitMix64 finalizer over the string hash). */
  static double unit(String headword, long seed) {
    long z = seed + 0x9E3779B97F4A7C15L * (headword.hashCode() + 0x632BE59BD9B4E019L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static final class View implements SynonymDictionary {
    private final SynonymDictionary source;
    private final List<String> headwords;
    private final Set<String> members;

    View(SynonymDictionary source, List<String> headwords) {
      this.source = source;
      this.headwords = List.copyOf(headwords);
      this.members = Set.copyOf(new HashSet<>(headwords));
    }

    @Override
    public List<String> synonyms(String phrase) {
      return members.contains(phrase) ? source.synonyms(phrase) : List.of();
    }

    @Override
    public List<String> headwords() {
      return headwords;
    }
  }
}
