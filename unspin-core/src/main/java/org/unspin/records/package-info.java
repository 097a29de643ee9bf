/**
 * Input records for batch scanning: directories, text and HTML files, JSON Lines and WARC/ARC
 * (with jwarc), read as a deterministic pull stream of {@link org.unspin.records.InputRecord}s.
 *
 * <ul>
 *   <li>{@link org.unspin.records.Records}: opens files, directories and streams.
 *   <li>{@link org.unspin.records.RecordStream}: the pull interface; bad records come out as error
 *       records, never as exceptions, so a batch goes on.
 *   <li>{@link org.unspin.records.RecordOptions}: JSONL field names and the size limit.
 * </ul>
 *
 * <p>Shared contract (briefs/records-contract.md): the scan command, the Spark job and the trace
 * index read documents through this package, so they name and number records identically.
 */
package org.unspin.records;
