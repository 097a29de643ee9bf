/**
 * Detection: span findings and a calibrated document score (DESIGN.md §2 "detect").
 *
 * <p>Every signal is a {@link org.unspin.detect.Rule} with a stable ID, a description and
 * example sentences that double as tests (STYLE.md habit 5). The {@link org.unspin.detect.SignalAnalyzer}
 * runs the rules over a text and its {@link org.unspin.restore.RestoredText} and turns the result
 * into {@link org.unspin.detect.DocumentFeatures}; the {@link org.unspin.detect.Detector} scores
 * those with a {@link org.unspin.detect.DetectorModel} (logistic regression + Platt calibration,
 * a self-documenting TSV file) and returns a {@link org.unspin.detect.CheckReport}. The
 * {@link org.unspin.detect.DetectorTrainer} fits a model on clean documents and simulated spins
 * of them.
 *
 * <p>Rule catalogue: {@code RESTORATION_EDIT}, {@code LM_IMPROBABLE_SPAN},
 * {@code KNOWN_TORTURED_PHRASE}, {@code ARTICLE_AGREEMENT}, {@code PAST_FOR_PARTICIPLE}.
 */
package org.unspin.detect;
