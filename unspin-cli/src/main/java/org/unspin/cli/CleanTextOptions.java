package org.unspin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.unspin.api.InputException;
import picocli.CommandLine.Option;

/**
 * {@code --clean} of the commands that train or tune on clean text ({@code detect train}, {@code tune
 * channel}, {@code tune reranker}): files or directories with one document per line, read with
 * {@link DetectDocuments#LINES}.
 */
final class CleanTextOptions {
  @Option(names = "--clean", required = true, paramLabel = "DIR|FILE",
      description = "Clean text, one document per line (repeatable).")
  List<Path> files;

  /** The first {@code max} documents, each cut at {@code maxChars}; skipped files are reported on {@code err}. */
  List<String> read(int max, int maxChars, PrintWriter err) throws IOException {
    return DetectDocuments.LINES.read(files, max, maxChars, err);
  }

  /**
   * Documents {@code skip} to {@code skip + max} (fewer when the files end first).
   *
   * @throws InputException when {@code --skip-docs} ({@code skip}) leaves none
   */
  List<String> readAfter(int skip, int max, int maxChars, PrintWriter err) throws IOException {
    List<String> docs = read(skip + max, maxChars, err);
    if (docs.size() <= skip) {
      throw new InputException("only " + docs.size() + " documents in " + files + ", all skipped by --skip-docs");
    }
    return docs.subList(skip, docs.size());
  }
}
