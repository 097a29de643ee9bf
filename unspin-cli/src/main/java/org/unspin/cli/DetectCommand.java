package org.unspin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unspin detect}: the document detector's tools. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Train and evaluate the document detector (logistic regression + Platt calibration over spin"
        + " signals).",
    subcommands = {
        DetectTrainCommand.class,
        DetectEvalCommand.class,
    })
public final class DetectCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
