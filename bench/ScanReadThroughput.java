import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.records.InputRecord;
import org.unspin.records.PendingRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * The reading half of {@code unspin scan} alone: every record of the inputs read as the scan reads
 * them (jwarc, charset, HTML extraction), nothing checked. Shows that reading is not what limits a
 * scan and that its memory stays flat over a whole crawl (run it under {@code /usr/bin/time -v}).
 * With {@code --frame-only} first, only what the scan's reader thread does (framing records with
 * {@code nextPending}: gzip, WARC and HTTP heads, the body's bytes), not the decoding and HTML
 * extraction the workers do. Run as a single-file program (BENCHMARKS.md, sections Scan and Scan
 * thread scaling):
 * {@code java -Xmx256m -cp unspin-cli/target/unspin.jar bench/ScanReadThroughput.java [--frame-only] crawl-1G.warc.gz}.
 */
public class ScanReadThroughput {
  public static void main(String[] args) throws Exception {
    List<Path> inputs = new ArrayList<>();
    boolean frameOnly = false;
    for (String a : args) {
      if (a.equals("--frame-only")) {
        frameOnly = true;
      } else {
        inputs.add(Path.of(a));
      }
    }
    long records = 0;
    long errors = 0;
    long textBytes = 0;
    long t0 = System.nanoTime();
    long bytes;
    try (RecordStream s = Records.open(inputs, RecordOptions.defaults())) {
      if (frameOnly) {
        for (PendingRecord p = s.nextPending(); p != null; p = s.nextPending()) {
          records++;
        }
      }
      for (InputRecord r = frameOnly ? null : s.next(); r != null; r = s.next()) {
        records++;
        if (r.isError()) {
          errors++;
        } else {
          textBytes += r.text().getBytes(StandardCharsets.UTF_8).length;
        }
      }
      bytes = s.bytesRead();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, (frameOnly ? "framed" : "read") + " %d records (%d errors), input %.1f MB at %.1f MB/s, text %.1f MB at %.1f MB/s,"
        + " %.0f records/s, in %.1f s%n", records, errors, bytes / 1e6, bytes / 1e6 / secs, textBytes / 1e6,
        textBytes / 1e6 / secs, records / secs, secs);
  }
}
