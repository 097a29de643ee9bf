/**
 * N-gram language models: the {@link org.unspin.lm.LanguageModel} contract, the compact binary
 * format ({@link org.unspin.lm.BinaryLmWriter} writes it, {@link org.unspin.lm.BinaryLm} maps and
 * queries it; specification in {@code docs/lm-format.md}), ARPA import and export ({@link
 * org.unspin.lm.ArpaReader}, {@link org.unspin.lm.ArpaWriter}), linear interpolation with EM
 * weights ({@link org.unspin.lm.InterpolatedLm}), perplexity ({@link org.unspin.lm.Perplexity}) and
 * the model shipped in the jar ({@link org.unspin.lm.DefaultModels}).
 *
 * <p>Models are built mutable ({@link org.unspin.lm.NgramModelData}) and served immutable: every
 * {@code LanguageModel} here is thread-safe. All scores are log10 probabilities.
 */
package org.unspin.lm;
