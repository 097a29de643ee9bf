package org.unspin.lexicon;

/** Receives candidates from {@link ReverseLexicon}; the {@link Candidate} is only valid during the call. */
@FunctionalInterface
public interface CandidateSink {
  /** One candidate original; copy what you keep ({@link Candidate#snapshot()}). */
  void accept(Candidate candidate);
}
