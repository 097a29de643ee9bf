package org.unspin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unspin index build}: a new source index from files, directories and JSONL records. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build a new source index in DIR (an index already there is replaced).",
        "INPUT: text, HTML, JSONL and WARC (.warc, .warc.gz) files, and directories (read recursively in path order). "
            + "Ids: the file path as given, the JSONL record's id (else <file>#<line>), or the WARC target URI.",
        "Progress on stderr; a summary line on stdout."})
public final class IndexBuildCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
  Path index;

  @Option(names = "--domain-lm", description = "Also build a 4-gram LM from the indexed texts (DIR/domain.lm), "
      + "interpolated with the default model by 'restore --index' and 'check --index' with a weight fitted on every "
      + "20th document, which the model leaves out (indexes of 40 documents or more).")
  boolean domainLm;

  @Option(names = "--merge", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Merge the index into one segment at the end: faster searches, a slower build (default: on; "
          + "--no-merge skips it).")
  boolean merge;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files and directories to index.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    return IndexInfoCommand.fill(spec, index, inputs, true, domainLm, merge);
  }
}
