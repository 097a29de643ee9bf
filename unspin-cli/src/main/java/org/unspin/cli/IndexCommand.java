package org.unspin.cli;

import picocli.CommandLine.Command;

/** {@code unspin index}: build, extend and inspect a source index for {@code unspin trace}. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build, extend and inspect a source index (Lucene) for 'unspin trace'.",
    subcommands = {
        IndexBuildCommand.class,
        IndexAddCommand.class,
        IndexInfoCommand.class,
    })
public final class IndexCommand extends CommandGroup {}
