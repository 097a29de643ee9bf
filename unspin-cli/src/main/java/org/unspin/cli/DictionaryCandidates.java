package org.unspin.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.lexicon.SynonymDictionary;
import org.unspin.restore.Candidate;
import org.unspin.restore.CandidateFeatures;
import org.unspin.restore.CandidateGenerator;
import org.unspin.restore.InputToken;

/**
 * The reverse of a {@link SynonymDictionary} as restoration candidates: a surface phrase of 1 to
 * {@link Candidate#MAX_PHRASE} tokens that the dictionary lists as a synonym of some original
 * proposes that original, with its sense rank and fan-out. Exact LM forms only (no
 * re-inflection): a stop-gap for {@code detect train} until the lexicon's reverse index is wired
 * in. Immutable and thread-safe.
 */
final class DictionaryCandidates implements CandidateGenerator {
  private record Entry(String original, int rank, int fanout) {}

  private final Map<String, List<Entry>> reverse = new HashMap<>();

  DictionaryCandidates(SynonymDictionary dictionary) {
    for (String original : dictionary.headwords()) {
      List<String> syns = dictionary.synonyms(original);
      for (int rank = 0; rank < syns.size(); rank++) {
        reverse.computeIfAbsent(syns.get(rank), k -> new ArrayList<>()).add(new Entry(original, rank, syns.size()));
      }
    }
  }

  @Override
  public List<Candidate> candidates(List<InputToken> sentence) {
    List<Candidate> out = new ArrayList<>();
    StringBuilder phrase = new StringBuilder();
    for (int i = 0; i < sentence.size(); i++) {
      phrase.setLength(0);
      for (int len = 1; len <= Candidate.MAX_PHRASE && i + len <= sentence.size(); len++) {
        if (len > 1) {
          phrase.append(' ');
        }
        phrase.append(sentence.get(i + len - 1).lmForm());
        List<Entry> es = reverse.get(phrase.toString());
        if (es == null) {
          continue;
        }
        for (Entry e : es) {
          if (e.original.split(" ").length <= Candidate.MAX_PHRASE) {
            out.add(Candidate.of(i, len, e.original, org.unspin.restore.CandidateSource.THESAURUS,
                CandidateFeatures.thesaurus(e.rank, e.fanout)));
          }
        }
      }
    }
    return out;
  }
}
