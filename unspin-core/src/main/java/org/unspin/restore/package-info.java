/**
 * Restoration (DESIGN.md §2, "lattice", "decode", "restore"): the noisy-channel decoder that turns
 * spun text back into its likely original.
 *
 * <ul>
 *   <li>{@link org.unspin.restore.InputToken}: the restorer's own view of a token (offsets, LM
 *       form, case pattern, kind, name and sentence-start flags); analyzers adapt to it.
 *   <li>{@link org.unspin.restore.CandidateGenerator}: lexicon, morphology, profiles and aligned
 *       sources propose {@link org.unspin.restore.Candidate} originals for spans of 1-3 tokens;
 *       {@link org.unspin.restore.ContextProposer} adds the words the LM likes at improbable
 *       positions.
 *   <li>{@link org.unspin.restore.ChannelModel} prices each keep and change from
 *       {@link org.unspin.restore.ChannelWeights}, one typed, loadable parameter record.
 *   <li>{@link org.unspin.restore.Lattice} and {@link org.unspin.restore.Decoder}: exact-state
 *       beam Viterbi with n-gram LM state and forward-backward posteriors, in primitive arrays.
 *   <li>{@link org.unspin.restore.Restorer}: the whole pass, with document self-training and the
 *       batch profile learner; returns a {@link org.unspin.restore.RestoredText}.
 * </ul>
 */
package org.unspin.restore;
