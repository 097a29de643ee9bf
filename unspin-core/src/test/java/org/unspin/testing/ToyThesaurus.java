package org.unspin.testing;

import java.io.IOException;
import java.io.InputStream;
import org.unspin.restore.Candidate;
import org.unspin.restore.CandidateFeatures;
import org.unspin.restore.CandidateGenerator;
import org.unspin.restore.CandidateSource;
import org.unspin.restore.InputToken;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unspin.lexicon.SynonymDictionary;

/**
 * Test double for the lexicon: a forward thesaurus read from a TSV resource, and its reverse index
 * as a {@link CandidateGenerator} (surface phrase of 1-3 tokens -> originals that list it, with
 * sense rank and fan-out).
 */
public final class ToyThesaurus implements SynonymDictionary, CandidateGenerator {
  private final Map<String, List<String>> forward = new LinkedHashMap<>();
  private final Map<String, List<Candidate>> reverse = new HashMap<>();

  ToyThesaurus(Map<String, List<String>> entries) {
    forward.putAll(entries);
    for (Map.Entry<String, List<String>> e : entries.entrySet()) {
      List<String> syns = e.getValue();
      for (int rank = 0; rank < syns.size(); rank++) {
        reverse.computeIfAbsent(syns.get(rank), k -> new ArrayList<>()).add(
            Candidate.of(0, 1, e.getKey(), CandidateSource.THESAURUS, CandidateFeatures.thesaurus(rank, syns.size())));
      }
    }
  }

  /** A thesaurus of the given entries: original -> its synonyms, first sense first. */
  public static ToyThesaurus of(Map<String, List<String>> entries) {
    return new ToyThesaurus(new LinkedHashMap<>(entries));
  }

  public static ToyThesaurus load(String resource) {
    try (InputStream in = ToyThesaurus.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> map = new LinkedHashMap<>();
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        map.put(parts[0], List.of(parts[1].split("\\|")));
      }
      return new ToyThesaurus(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> synonyms(String phrase) {
    return forward.getOrDefault(phrase, List.of());
  }

  @Override
  public List<String> headwords() {
    return new ArrayList<>(forward.keySet());
  }

  @Override
  public List<Candidate> candidates(List<InputToken> sentence) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < sentence.size(); i++) {
      StringBuilder phrase = new StringBuilder();
      for (int len = 1; len <= Candidate.MAX_SPAN && i + len <= sentence.size(); len++) {
        if (len > 1) {
          phrase.append(' ');
        }
        phrase.append(sentence.get(i + len - 1).lmForm());
        for (Candidate c : reverse.getOrDefault(phrase.toString(), List.of())) {
          out.add(new Candidate(i, len, c.words(), c.display(), c.source(), c.features()));
        }
      }
    }
    return out;
  }
}
