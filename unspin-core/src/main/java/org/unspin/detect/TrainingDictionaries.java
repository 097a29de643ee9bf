package org.unspin.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.TsvSynonymDictionary;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.lexicon.SynonymDictionary;

/**
 * Dictionaries for the simulated spinners of {@link DetectorTrainer}. A thesaurus alone never
 * produces the phrases of a tortured-phrase list, so a detector trained on its spins learns no
 * weight for {@code KNOWN_TORTURED_PHRASE}; {@link #fromFingerprints} turns the list into
 * dictionary entries (expected phrase to tortured phrase) that {@link #merge} puts in front of the
 * thesaurus, so that simulated spinners write known tortured phrases where the original has their
 * expected wording.
 */
public final class TrainingDictionaries {
  /** Both sides of a usable entry: 1-3 words of letters (inner hyphens and apostrophes allowed). */
  private static final Pattern PHRASE = Pattern.compile("\\p{L}+(?:['-]\\p{L}+)*(?: \\p{L}+(?:['-]\\p{L}+)*){0,2}");

  private TrainingDictionaries() {}

  /**
   * The certain entries of {@code list} as a dictionary: the cleaned expected phrase (see
   * {@link PpsPairs#cleanExpected}) to the tortured phrases, most papers first, lower case. Entries
   * marked uncertain, proximity or boolean queries beyond their first phrase, and phrases that are
   * not 1-3 plain words are left out.
   */
  public static SynonymDictionary fromFingerprints(FingerprintList list) {
    List<Fingerprint> entries = new ArrayList<>(list.entries());
    entries.sort((a, b) -> Integer.compare(b.papers(), a.papers()));
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Fingerprint f : entries) {
      if (f.uncertain()) {
        continue;
      }
      String original = PpsPairs.cleanExpected(f.expected()).toLowerCase(Locale.ROOT);
      String tortured = f.phrase().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (PHRASE.matcher(original).matches() && PHRASE.matcher(tortured).matches() && !original.equals(tortured)) {
        map.computeIfAbsent(original, k -> new ArrayList<>()).add(tortured);
      }
    }
    return new TsvSynonymDictionary(map);
  }

  /** Every headword of both; for a shared one, {@code first}'s synonyms come first. */
  public static SynonymDictionary merge(SynonymDictionary first, SynonymDictionary second) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (SynonymDictionary d : List.of(first, second)) {
      for (String h : d.headwords()) {
        map.computeIfAbsent(h, k -> new ArrayList<>()).addAll(d.synonyms(h));
      }
    }
    return new TsvSynonymDictionary(map);
  }
}
