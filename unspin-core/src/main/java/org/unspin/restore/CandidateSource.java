package org.unspin.restore;

/** Where a candidate original came from; the channel prices each source differently. */
public enum CandidateSource {
  /** Reverse thesaurus: the surface is a listed synonym of the candidate. */
  THESAURUS,
  /** Morphology: the lemma re-inflected (a spinner broke an inflection). */
  MORPHOLOGY,
  /** A learned spinner profile: surface &lt;- original with a probability. */
  PROFILE,
  /** A word the language model finds likely between the neighbours of an improbable surface. */
  CONTEXT,
  /** Number words and digits ("2" &lt;-&gt; "two"). */
  NUMBER,
  /** The aligned source text, when tracing found it: near-certain evidence. */
  SOURCE_ALIGNMENT,
  /**
   * A tortured-phrase list: the span is a listed phrase, the candidate its expected wording, with
   * the list's confidence ({@link FingerprintCandidates}).
   */
  FINGERPRINT
}
