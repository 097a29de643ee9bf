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

/** {@code unspin index add}: add documents to an existing source index. */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Add documents to the source index in DIR; a document whose id is already there replaces it.",
        "INPUT as for 'index build'. A domain LM, if the index has one, is rebuilt with --domain-lm only;",
        "--domain-lm without INPUT rebuilds it from the documents already there."})
public final class IndexAddCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
  Path index;

  @Option(names = "--domain-lm", description = "Rebuild the domain LM (DIR/domain.lm) from all indexed texts.")
  boolean domainLm;

  @Option(names = "--merge", description = "Merge the index into one segment after adding (faster searches).")
  boolean merge;

  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files and directories to index.")
  List<Path> inputs = new java.util.ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (inputs.isEmpty() && !domainLm && !merge) {
      throw new UsageException("nothing to do: give INPUT to add, --domain-lm to rebuild the domain LM, or --merge");
    }
    return IndexInfoCommand.fill(spec, index, inputs, false, domainLm, merge);
  }
}
