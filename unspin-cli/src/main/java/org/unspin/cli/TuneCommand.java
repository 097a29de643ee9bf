package org.unspin.cli;

import picocli.CommandLine.Command;

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
public final class TuneCommand extends CommandGroup {}
