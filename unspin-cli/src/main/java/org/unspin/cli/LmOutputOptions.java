package org.unspin.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --quant-bits} of the commands that write a binary language model (lm build, lm import). */
final class LmOutputOptions {
  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The binary model to write.")
  Path out;

  @Option(names = "--quant-bits", paramLabel = "N", defaultValue = "8",
      description = "Bits per stored probability and back-off: 8, 16 or 32 (raw floats). Default: ${DEFAULT-VALUE}.")
  int quantBits;

  /**
   * The bits per stored value.
   *
   * @throws UsageException unless {@code --quant-bits} is 8, 16 or 32
   */
  int quantBits() {
    if (quantBits != 8 && quantBits != 16 && quantBits != 32) {
      throw new UsageException("--quant-bits must be 8, 16 or 32 (got " + quantBits + ")");
    }
    return quantBits;
  }
}
