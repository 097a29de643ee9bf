package org.unspin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unspin tune}: fit the restorer's channel weights and train its edit reranker. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = "Fit the restorer's learned parts on simulated spins of clean text: the edit reranker"
        + " ('tune reranker') and the channel weights ('tune channel').",
    subcommands = {
        TuneRerankerCommand.class,
        TuneChannelCommand.class,
    })
public final class TuneCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
