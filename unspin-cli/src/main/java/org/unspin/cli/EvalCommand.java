package org.unspin.cli;

import picocli.CommandLine.Command;

/** {@code unspin eval}: evaluation corpora, simulations and benchmarks. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluation: dump corpus splits, simulate spinning, measure detection and restoration.",
    subcommands = {
        EvalCorpusCommand.class,
        EvalSimulateCommand.class,
        EvalRunCommand.class,
        EvalCandidatesCommand.class,
        EvalPpsCommand.class,
        EvalTraceCommand.class,
        EvalWarcCommand.class,
        EvalCheckSpeedCommand.class,
    })
public final class EvalCommand extends CommandGroup {}
