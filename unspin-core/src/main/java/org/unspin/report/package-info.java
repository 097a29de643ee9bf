/**
 * Report views shared by the CLI and the server: the JSON of a restoration
 * ({@link org.unspin.report.RestoreJson}), offsets mapped back to an HTML source
 * ({@link org.unspin.report.SourceOffsets}), the data of one rendered report
 * ({@link org.unspin.report.ReportView}) and its self-contained HTML page
 * ({@link org.unspin.report.HtmlReport}).
 *
 * <p>The browser side lives beside the classes as resources under {@code org/unspin/report/}:
 * {@code report.js} (renders a {@code ReportView} JSON into a page element), {@code report.css}
 * and {@code report.html} (the template of the standalone file). The server serves the same two
 * assets to its web page, so a report looks the same saved as a file and shown live.
 */
package org.unspin.report;
