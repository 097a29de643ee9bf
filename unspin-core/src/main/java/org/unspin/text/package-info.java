/**
 * The input and analysis stages: from bytes or HTML to sentences and tokens with offsets.
 *
 * <ul>
 *   <li>{@link org.unspin.text.TextInput} and {@link org.unspin.text.TextLines}: strict UTF-8
 *       decoding of files, streams and byte arrays (BOM, binary and empty input refused with one-line
 *       {@link org.unspin.api.InputException} messages), whole or line by line.
 *   <li>{@link org.unspin.text.HtmlExtractor}: main text of an HTML page, boilerplate dropped, with
 *       a per-char offset map into the HTML source ({@link org.unspin.text.ExtractedText}).
 *   <li>{@link org.unspin.text.Analyzer}: tokens ({@link org.unspin.text.Token}, types, case
 *       patterns, normal and LM forms, numeric values) and sentences, as a compact
 *       {@link org.unspin.text.AnalyzedText}.
 *   <li>{@link org.unspin.text.LmText}: the same tokens and sentences as LM word forms, streamed,
 *       for building and querying the language model.
 * </ul>
 *
 * <p>Every offset is a UTF-16 index into the string the stage was given (the decoded input, or the
 * extracted text, which maps back to the HTML). Surrogate pairs are never split. All public types
 * are immutable and thread-safe except {@link org.unspin.text.TextLines}.
 */
package org.unspin.text;
