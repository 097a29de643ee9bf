package org.unspin.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a finished temporary file in its place, so that readers see the old file or the new one, never a part. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Moves {@code tmp} to {@code target}, replacing it: atomically where the file system can (a
   * rename in one directory), else by a plain move.
   */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
