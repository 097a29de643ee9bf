package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes candidate originals for the spans of one sentence: the lexicon's reverse index,
 * morphology, spinner profiles, number words, an aligned source. Implementations are immutable and
 * thread-safe; they may return candidates in any order, with duplicates (the lattice keeps the
 * cheapest), and need not filter words the language model does not know (the restorer abstains on
 * them).
 */
@FunctionalInterface
public interface CandidateGenerator {

  /** A generator that proposes nothing. */
  CandidateGenerator NONE = sentence -> List.of();

  /**
   * Candidates for spans of {@code sentence}; {@link Candidate#from()} indexes into it. The list
   * is only read.
   */
  List<Candidate> candidates(List<InputToken> sentence);

  /**
   * A generator that returns the candidates of all {@code generators}: those of the first, then
   * those of the second, and so on. When all of them are {@link SpanCandidateGenerator}s the
   * restorer caches each part's candidates by span.
   */
  static CandidateGenerator union(List<CandidateGenerator> generators) {
    return new Union(generators);
  }

  /** See {@link #union}; the restorer looks at the parts. */
  final class Union implements CandidateGenerator {
    private final List<CandidateGenerator> parts;

    private Union(List<CandidateGenerator> parts) {
      this.parts = List.copyOf(parts);
    }

    /** The generators, in order. */
    public List<CandidateGenerator> parts() {
      return parts;
    }

    @Override
    public List<Candidate> candidates(List<InputToken> sentence) {
      List<Candidate> all = new ArrayList<>();
      for (CandidateGenerator g : parts) {
        all.addAll(g.candidates(sentence));
      }
      return all;
    }
  }
}
