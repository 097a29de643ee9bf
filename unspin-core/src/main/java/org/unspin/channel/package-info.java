/**
 * The noisy channel of a spinner (DESIGN.md §1): what it turns an original phrase into, and how
 * often.
 *
 * <ul>
 *   <li>{@link org.unspin.channel.SpinnerProfile}: the channel model, surface &lt;- original with
 *       probabilities and a replacement rate, stored by {@link org.unspin.channel.ProfileFormat} as
 *       self-documenting TSV; the shipped default is learned from the PPS tortured-phrase list.
 *   <li>{@link org.unspin.channel.ProfileLearner}: counts substitutions in word-aligned
 *       (spun, original) pairs ({@link org.unspin.channel.PairAligner}); {@link
 *       org.unspin.channel.PpsPairs} turns a tortured-phrase list into such pairs.
 *   <li>{@link org.unspin.channel.SpinSimulator}: an evaluation tool that spins clean text with a
 *       dictionary and records the ground truth ({@link org.unspin.channel.SpunText}); pairs travel
 *       as JSON Lines ({@link org.unspin.channel.PairJsonl}).
 *   <li>{@link org.unspin.channel.fingerprint}: known tortured-phrase fingerprints, matched in one
 *       pass.
 * </ul>
 *
 * <p>Loaded models are immutable and thread-safe; learners are single-threaded builders.
 */
package org.unspin.channel;
