package org.unspin.text;

import java.util.Arrays;
import java.util.Objects;

/**
 * Splits text into tokens and sentences with character offsets, case pattern, normal form and LM
 * form ({@link AnalyzedText}). Immutable and thread-safe; {@link #english()} is the shared default.
 *
 * <h2>Tokens</h2>
 * Words are runs of letters, digits and combining marks; zero-width characters and soft hyphens
 * inside a word stay in it (spinners and obfuscators insert them) and vanish from its normal form.
 * Hyphenated compounds are one {@link TokenType#HYPHENATED} token. English clitics are split Penn
 * Treebank style, so the LM sees {@code do n't}, {@code it 's}, {@code we 're}, {@code John 's};
 * other apostrophes stay inside the word ({@code O'Brien}, {@code rock'n'roll}). Numbers keep their
 * internal separators ({@code 1,000}, {@code 2.5}, {@code 10:30}); digits followed by letters are
 * one word ({@code 5th}, {@code 1990s}). URLs, bare host names with a known TLD, and e-mail
 * addresses are single tokens. Each punctuation mark is a token, except that runs of sentence
 * terminators ({@code ?!}, {@code ...}) and of dashes are one token. Symbols keep emoji modifiers,
 * ZWJ sequences and flag pairs together. Ideographs are one token each. Surrogate pairs are never
 * split; lone surrogates and control characters are skipped.
 *
 * <h2>Sentences</h2>
 * See {@link SentenceBreaker}: line breaks always end a sentence; terminators end one unless a
 * lower-case word follows; abbreviations from {@link Abbreviations} keep their period and end a
 * sentence only before a capitalised common sentence starter.
 */
public final class Analyzer {
  private static final Analyzer ENGLISH = new Analyzer(Abbreviations.english());

  private final Abbreviations abbreviations;

  public Analyzer(Abbreviations abbreviations) {
    this.abbreviations = Objects.requireNonNull(abbreviations, "abbreviations");
  }

  /** The analyzer with the bundled English abbreviation list. */
  public static Analyzer english() {
    return ENGLISH;
  }

  Abbreviations abbreviations() {
    return abbreviations;
  }

  /** Analyses {@code text}; never throws on content (any string, including lone surrogates). */
  public AnalyzedText analyze(String text) {
    Objects.requireNonNull(text, "text");
    int cap = Math.max(16, text.length() / 5);
    int[] starts = new int[cap];
    int[] ends = new int[cap];
    byte[] types = new byte[cap];
    byte[] cases = new byte[cap];
    String[] norms = new String[cap];
    String[] lms = new String[cap];
    int[] sentenceFirst = new int[Math.max(4, cap / 16)];
    int count = 0;
    int sentences = 0;
    TokenScanner scanner = new TokenScanner(abbreviations);
    SentenceBreaker breaker = new SentenceBreaker();
    scanner.reset(text);
    breaker.reset(text);
    while (scanner.next()) {
      if (count == starts.length) {
        int newCap = count + (count >> 1) + 16;
        starts = Arrays.copyOf(starts, newCap);
        ends = Arrays.copyOf(ends, newCap);
        types = Arrays.copyOf(types, newCap);
        cases = Arrays.copyOf(cases, newCap);
        norms = Arrays.copyOf(norms, newCap);
        lms = Arrays.copyOf(lms, newCap);
      }
      boolean newSentence = breaker.breakBefore(scanner);
      if (count == 0 || newSentence) {
        if (sentences == sentenceFirst.length) {
          sentenceFirst = Arrays.copyOf(sentenceFirst, sentences * 2);
        }
        sentenceFirst[sentences++] = count;
      }
      int s = scanner.start;
      int e = scanner.end;
      starts[count] = s;
      ends[count] = e;
      types[count] = (byte) scanner.type.ordinal();
      cases[count] = (byte) CasePattern.of(text, s, e).ordinal();
      String norm = TextForms.norm(text, s, e, scanner.type);
      norms[count] = norm;
      lms[count] = TextForms.lmForm(norm);
      count++;
    }
    return new AnalyzedText(text, count, starts, ends, types, cases, norms, lms, sentences, sentenceFirst);
  }
}
