package org.unspin.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;

/**
 * Turns a tortured-phrase list into (spun, original) pairs for {@link ProfileLearner}: the spun side
 * is the query's first phrase (the tortured phrase; for {@code "a b"~N} the words of the phrase),
 * the original side is the expected phrase cleaned of the list's notes.
 *
 * <p>Cleaning of the expected phrase: text from {@code ", see "} or {@code http} on is dropped,
 * then parenthesized {@code (...)} and bracketed {@code [...]} notes, then {@code ?} marks; an entry
 * is skipped when nothing is left, when the expected phrase offers alternatives with {@code /} that
 * the tortured phrase does not have, or when it is marked uncertain and the uncertain weight is 0.
 * Uncertain entries ({@code ?}) get {@link #DEFAULT_UNCERTAIN_WEIGHT} unless told otherwise.
 */
public final class PpsPairs {
  private PpsPairs() {}

  /** The weight of an entry whose expected phrase is marked as a guess. */
  public static final double DEFAULT_UNCERTAIN_WEIGHT = 0.5;

  private static final Pattern NOTES = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*\\]");
  private static final Pattern SEE = Pattern.compile("(,\\s*see\\s|https?://).*$");

  /** The pairs of {@code list}; ids are {@code line<N>} of the list. */
  public static List<TextPair> pairs(FingerprintList list, double uncertainWeight) {
    if (!(uncertainWeight >= 0 && uncertainWeight <= 1)) {
      throw new IllegalArgumentException("uncertainWeight must be in [0, 1] (got " + uncertainWeight + ")");
    }
    List<TextPair> out = new ArrayList<>();
    for (Fingerprint f : list.entries()) {
      if (f.uncertain() && uncertainWeight == 0) {
        continue;
      }
      String spun = f.phrase();
      String orig = cleanExpected(f.expected());
      if (orig.isEmpty() || (orig.indexOf('/') >= 0 && spun.indexOf('/') < 0)) {
        continue;
      }
      out.add(new TextPair("line" + f.line(), spun, orig, f.uncertain() ? uncertainWeight : 1.0));
    }
    return out;
  }

  /** The expected phrase without the list's notes (see the class comment). */
  public static String cleanExpected(String expected) {
    String s = SEE.matcher(expected).replaceAll("");
    String prev;
    do {
      prev = s;
      s = NOTES.matcher(s).replaceAll(" ");
    } while (!s.equals(prev));
    s = s.replace("?", " ").replace("...", " ");
    return s.trim().replaceAll("\\s+", " ").replaceAll("\\s+([,.;:])", "$1").replaceAll("[,;:]$", "").trim();
  }

  /**
   * A seeded random split.
   *
   * @param train the pairs to learn from
   * @param heldOut the pairs kept for measuring
   */
  public record Split(List<TextPair> train, List<TextPair> heldOut) {
    public Split {
      train = List.copyOf(train);
      heldOut = List.copyOf(heldOut);
    }
  }

  /** Shuffles {@code pairs} with {@code seed} and holds out {@code round(share * size)} of them. */
  public static Split split(List<TextPair> pairs, double heldOutShare, long seed) {
    if (!(heldOutShare >= 0 && heldOutShare <= 1)) {
      throw new IllegalArgumentException("heldOutShare must be in [0, 1] (got " + heldOutShare + ")");
    }
    List<TextPair> shuffled = new ArrayList<>(pairs);
    Collections.shuffle(shuffled, new Random(seed));
    int held = (int) Math.round(heldOutShare * shuffled.size());
    return new Split(shuffled.subList(held, shuffled.size()), shuffled.subList(0, held));
  }
}
