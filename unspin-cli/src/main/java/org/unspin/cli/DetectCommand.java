package org.unspin.cli;

import picocli.CommandLine.Command;

/** {@code unspin detect}: the document detector's tools. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = "Train and evaluate the document detector (logistic regression + Platt calibration over spin"
        + " signals).",
    subcommands = {
        DetectTrainCommand.class,
        DetectEvalCommand.class,
        DetectCleanEditsCommand.class,
    })
public final class DetectCommand extends CommandGroup {}
