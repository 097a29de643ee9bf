package org.unspin.cli;

import org.unspin.api.InputException;
import org.unspin.records.EnglishGuess;
import picocli.CommandLine.Option;

/**
 * {@code --all-languages} of the text commands: by default a text that does not look like English
 * ({@link EnglishGuess}: few English function words and many of another language's, from 12 words on; or mostly
 * letters of another script) is refused with a one-line
 * error, because every model Unspin ships is English and would "restore" any other language into
 * nonsense.
 */
final class LanguageOptions {
  @Option(names = "--all-languages",
      description = "Also take a text that does not look like English (the models are English: expect nonsense).")
  boolean allLanguages;

  /** @throws InputException naming {@code name} when the text is refused */
  void requireEnglish(String name, String text) {
    if (allLanguages) {
      return;
    }
    String why = EnglishGuess.problem(text);
    if (why != null) {
      throw new InputException(name + ": " + why + "; the models are English (--all-languages takes it anyway)");
    }
  }
}
