import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unspin.records.InputRecord;
import org.unspin.records.RecordOptions;
import org.unspin.records.RecordStream;
import org.unspin.records.Records;

/**
 * The reading half of {@code unspin scan} alone: every record of the inputs read as the scan reads
 * them (jwarc, charset, HTML extraction), nothing checked. Shows that reading is not what limits a
 * scan and that its memory stays flat over a whole crawl (run it under {@code /usr/bin/time -v}).
 * Run as a single-file program (BENCHMARKS.md, section Scan):
 * {@code java -Xmx256m -cp unspin-cli/target/unspin.jar bench/ScanReadThroughput.java crawl-1G.warc.gz}.
 */
public class ScanReadThroughput {
  public static void main(String[] args) throws Exception {
    List<Path> inputs = new ArrayList<>();
    for (String a : args) {
      inputs.add(Path.of(a));
    }
    long records = 0;
    long errors = 0;
    long textBytes = 0;
    long t0 = System.nanoTime();
    long bytes;
    try (RecordStream s = Records.open(inputs, RecordOptions.defaults())) {
      for (InputRecord r = s.next(); r != null; r = s.next()) {
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
    System.out.printf(Locale.ROOT, "read %d records (%d errors), input %.1f MB at %.1f MB/s, text %.1f MB at %.1f MB/s,"
        + " %.0f records/s, in %.1f s%n", records, errors, bytes / 1e6, bytes / 1e6 / secs, textBytes / 1e6,
        textBytes / 1e6 / secs, records / secs, secs);
  }
}
