package org.unspin.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.unspin.records.ScanSummary;

/**
 * What one input file's part adds to the scan, saved next to the part ({@link PartFiles}) so that a
 * resumed job describes the whole scan without reading the finished parts again: the file's
 * {@link ScanSummary} (built from its report lines) and one mark per record, in order:
 * {@link #ERROR} for an error line, else the first letter of the verdict ({@code s}, {@code u},
 * {@code c}). With {@code --group-by host} the marks let the job re-read a finished file's records
 * (without checking them) and give the host samples the pages and spun verdicts they had.
 *
 * @param uri the input file
 * @param marks one byte per report line
 * @param summary the summary of the file's report lines
 */
record PartState(String uri, byte[] marks, ScanSummary summary) implements Serializable {
  /** The mark of an error line. */
  static final byte ERROR = 'e';
  /** The mark of a page with the verdict "spun". */
  static final byte SPUN = 's';

  private static final String MAGIC = "unspin-part-state";
  private static final int VERSION = 1;

  PartState {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(marks, "marks");
    Objects.requireNonNull(summary, "summary");
    if (marks.length != summary.documents() + summary.errors()) {
      throw new IllegalArgumentException("marks must hold one mark per line (got " + marks.length + " marks for "
          + (summary.documents() + summary.errors()) + " lines)");
    }
  }

  void writeTo(OutputStream o) throws IOException {
    DataOutputStream d = new DataOutputStream(o);
    d.writeUTF(MAGIC);
    d.writeInt(VERSION);
    d.writeUTF(uri);
    d.writeInt(marks.length);
    d.write(marks);
    ObjectOutputStream s = new ObjectOutputStream(d);
    s.writeObject(summary);
    s.flush();
  }

  /**
   * Reads a state written by {@link #writeTo}.
   *
   * @param where the file's name, for messages
   * @throws IOException if the file is not a state of this version
   */
  static PartState readFrom(InputStream in, String where) throws IOException {
    DataInputStream d = new DataInputStream(in);
    try {
      if (!MAGIC.equals(d.readUTF()) || d.readInt() != VERSION) {
        throw new IOException("not a part state of this version: " + where);
      }
      String uri = d.readUTF();
      byte[] marks = new byte[d.readInt()];
      d.readFully(marks);
      ScanSummary summary = (ScanSummary) new ObjectInputStream(d).readObject();
      return new PartState(uri, marks, summary);
    } catch (ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
      throw new IOException("cannot read the part state " + where + " (" + e.getMessage() + ")", e);
    }
  }
}
