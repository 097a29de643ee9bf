package org.unspin.restore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.unspin.channel.PpsPairs;
import org.unspin.channel.WordTokens;
import org.unspin.channel.fingerprint.Fingerprint;
import org.unspin.channel.fingerprint.FingerprintList;
import org.unspin.channel.fingerprint.FingerprintMatch;
import org.unspin.channel.fingerprint.FingerprintQuery;
import org.unspin.text.ArticleSounds;

/**
 * Candidates from a tortured-phrase list (by default the Problematic Paper Screener's, CC BY 4.0):
 * a span whose LM forms are a listed phrase ("irregular woodland") gets the list's expected wording
 * ("random forest") as one candidate for the whole span, priced by how sure the list is ({@link
 * CandidateSource#FINGERPRINT}). A learned profile splits such a pair into word habits
 * ("irregular" &lt;- "random", "woodland" &lt;- "forest"), each priced as one habit of many; the
 * list itself says that this phrase, as a whole, stands for that one.
 *
 * <p>Only entries whose query is a plain phrase (no prefix, proximity or boolean condition) take
 * part, since a span alone cannot tell whether a condition on the rest of the text holds (a
 * document's matches can: {@link #whereMatched} for its {@code AND} entries); both
 * sides must fit a candidate ({@link Candidate#MAX_SPAN} words), the expected wording is read
 * without the list's notes ({@link PpsPairs#cleanExpected}), and entries that give alternatives
 * ("a / b") are left out. Where several entries list one phrase, each expected wording gets its
 * share of the weights (a guess, marked {@code ?}, counts half), times the entry's {@link
 * Fingerprint#confidence()}: the candidate's {@link CandidateFeatures#profileProb()}.
 *
 * <p>After an indefinite article that the expected wording would not take ("an irregular woodland"),
 * the phrase also gets a candidate for the span from the article on with the article it takes ("a
 * random forest", by {@link ArticleSounds}): the article belongs to the phrase the spinner wrote, and
 * the phrase's candidate alone would leave "an random forest", which the model rightly finds worse
 * than the text as written.
 *
 * <p>Immutable and thread-safe.
 */
public final class FingerprintCandidates implements SpanCandidateGenerator {
  /** A listed phrase's originals. */
  private record Original(List<String> words, String display, float prob) {}

  private final Map<String, List<Original>> bySurface;
  /** The first LM form of every listed phrase, with a bit per length (bit {@code n} for n words) of those it starts. */
  private final Map<String, Integer> firstWords;
  /** The most words of a span asked: a listed phrase after an article. */
  private final int maxLength;
  private final ArticleSounds sounds;

  /** The candidates of {@code list}'s plain-phrase entries. */
  public FingerprintCandidates(FingerprintList list) {
    this(list.entries());
  }

  /** The candidates of the plain-phrase entries among {@code fingerprints}. */
  public FingerprintCandidates(Collection<Fingerprint> fingerprints) {
    this(fingerprints, ArticleSounds.loadDefault());
  }

  /** The candidates of the plain-phrase entries among {@code fingerprints}, with {@code sounds} for articles. */
  public FingerprintCandidates(Collection<Fingerprint> fingerprints, ArticleSounds sounds) {
    this(plainPhrases(fingerprints), sounds);
  }

  /** One entry that takes part: the phrase it looks for, and the entry (its expected wording and confidence). */
  private record Listed(String phrase, Fingerprint entry) {}

  private static List<Listed> plainPhrases(Collection<Fingerprint> fingerprints) {
    List<Listed> out = new ArrayList<>();
    for (Fingerprint f : fingerprints) {
      Objects.requireNonNull(f, "fingerprint");
      if (f.parsed() instanceof FingerprintQuery.Phrase p && !p.prefix()) {
        out.add(new Listed(p.text(), f));
      }
    }
    return out;
  }

  /**
   * The candidates of the entries of {@code matches} (one document's, {@link
   * org.unspin.channel.fingerprint.FingerprintMatcher#match}) whose query is a plain phrase {@code
   * AND} a condition on the rest of the text ("genuine negative" AND "true negative"): the
   * condition held in that document, so there the phrase stands for the list's wording as a plain
   * phrase does everywhere. Null when no such entry matched. Plain-phrase entries are left out
   * (the list's {@link #FingerprintCandidates(Collection)} has them).
   */
  public static FingerprintCandidates whereMatched(List<FingerprintMatch> matches) {
    java.util.LinkedHashMap<Fingerprint, Listed> listed = new java.util.LinkedHashMap<>();
    for (FingerprintMatch m : matches) {
      Fingerprint f = m.fingerprint();
      if (f.parsed() instanceof FingerprintQuery.And q && q.clauses().get(0) instanceof FingerprintQuery.Phrase p
          && !p.prefix()) {
        listed.putIfAbsent(f, new Listed(p.text(), f));
      }
    }
    if (listed.isEmpty()) {
      return null;
    }
    FingerprintCandidates fc = new FingerprintCandidates(List.copyOf(listed.values()), ArticleSounds.loadDefault());
    return fc.phraseCount() == 0 ? null : fc;
  }

  private FingerprintCandidates(List<Listed> listed, ArticleSounds sounds) {
    this.sounds = Objects.requireNonNull(sounds, "sounds");
    Map<String, Map<String, double[]>> acc = new HashMap<>(); // surface -> original -> {weight, weighted confidence}
    Map<String, String> displays = new HashMap<>(); // original's LM forms -> as the list writes it ("CO2 emission")
    for (Listed l : listed) {
      Fingerprint f = l.entry();
      String expected = PpsPairs.cleanExpected(f.expected());
      if (expected.isEmpty() || expected.indexOf('/') >= 0 || expected.contains(" AND ")) {
        continue;
      }
      String surface = phrase(WordTokens.of(l.phrase()));
      WordTokens expectedWords = WordTokens.of(expected);
      String original = phrase(expectedWords);
      if (surface == null || original == null || surface.equals(original)) {
        continue;
      }
      displays.putIfAbsent(original, written(expectedWords));
      double weight = f.uncertain() ? PpsPairs.DEFAULT_UNCERTAIN_WEIGHT : 1.0;
      double[] a = acc.computeIfAbsent(surface, k -> new HashMap<>()).computeIfAbsent(original, k -> new double[2]);
      a[0] += weight;
      a[1] += weight * f.confidence();
    }
    Map<String, List<Original>> m = new HashMap<>(acc.size() * 2);
    Map<String, Integer> first = new HashMap<>();
    int longest = 1;
    for (Map.Entry<String, Map<String, double[]>> e : acc.entrySet()) {
      double total = 0;
      for (double[] a : e.getValue().values()) {
        total += a[0];
      }
      List<Original> originals = new ArrayList<>();
      for (Map.Entry<String, double[]> o : e.getValue().entrySet()) {
        // share of the weights, times the entries' mean confidence: a[1] / total
        float prob = (float) (o.getValue()[1] / total);
        originals.add(new Original(List.of(o.getKey().split(" ")), displays.get(o.getKey()), prob));
      }
      originals.sort((x, y) -> x.display().compareTo(y.display()));
      m.put(e.getKey(), List.copyOf(originals));
      String[] words = e.getKey().split(" ");
      first.merge(words[0], 1 << words.length, (x, y) -> x | y);
      longest = Math.max(longest, words.length);
    }
    this.bySurface = Map.copyOf(m);
    this.firstWords = Map.copyOf(first);
    this.maxLength = Math.min(Candidate.MAX_SPAN, longest + 1);
  }

  /** The LM forms of {@code t}'s words joined by spaces, or null if it has punctuation or too many words. */
  private static String phrase(WordTokens t) {
    if (t.size() == 0 || t.size() > Candidate.MAX_SPAN) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      if (!t.isWord(i)) {
        return null;
      }
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(t.form(i));
    }
    return sb.toString();
  }

  /** {@code t}'s words as written, joined by spaces (the LM forms lose digits: "co0" for "CO2"). */
  private static String written(WordTokens t) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(t.surface(i));
    }
    return sb.toString();
  }

  /** The number of listed phrases that can become candidates. */
  public int phraseCount() {
    return bySurface.size();
  }

  @Override
  public boolean mayHaveCandidates(List<InputToken> sentence, int from, int length) {
    if (starts(sentence, from, length)) {
      return true;
    }
    return length >= 2 && article(sentence.get(from)) != null && starts(sentence, from + 1, length - 1);
  }

  /** Whether a listed phrase of {@code length} words starts with the word at {@code from}. */
  private boolean starts(List<InputToken> sentence, int from, int length) {
    Integer lengths = firstWords.get(sentence.get(from).lmForm());
    return lengths != null && (lengths & 1 << length) != 0;
  }

  /** The originals of the listed phrase the span's words make, or null. */
  private List<Original> listed(List<InputToken> sentence, int from, int length) {
    String phrase = SpanPhrases.lmPhrase(sentence, from, length);
    return phrase == null ? null : bySurface.get(phrase);
  }

  /** "a" or "an" if {@code t} is that article, else null. */
  private static String article(InputToken t) {
    String f = t.lmForm();
    return t.kind() == TokenKind.WORD && (f.equals("a") || f.equals("an")) ? f : null;
  }

  /** The most words of a span asked: the longest listed phrase after an article (at most {@link Candidate#MAX_SPAN}). */
  @Override
  public int maxLength() {
    return maxLength;
  }

  @Override
  public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
    if (starts(sentence, from, length)) {
      List<Original> originals = listed(sentence, from, length);
      if (originals != null) {
        for (Original o : originals) {
          out.add(new Candidate(from, length, o.words(), o.display(), CandidateSource.FINGERPRINT,
              CandidateFeatures.profile(o.prob())));
        }
      }
    }
    String written = length >= 2 ? article(sentence.get(from)) : null;
    if (written == null || !starts(sentence, from + 1, length - 1)) {
      return;
    }
    List<Original> originals = listed(sentence, from + 1, length - 1);
    if (originals == null) {
      return;
    }
    for (Original o : originals) {
      ArticleSounds.Article wants = sounds.articleForPhrase(o.display());
      if (wants == null || wants == ArticleSounds.Article.EITHER || o.words().size() + 1 > Candidate.MAX_SPAN) {
        continue;
      }
      String article = wants == ArticleSounds.Article.AN ? "an" : "a";
      if (article.equals(written)) {
        continue; // the phrase's own candidate keeps the article as written
      }
      List<String> words = new ArrayList<>(o.words().size() + 1);
      words.add(article);
      words.addAll(o.words());
      out.add(new Candidate(from, length, words, article + " " + o.display(), CandidateSource.FINGERPRINT,
          CandidateFeatures.profile(o.prob())));
    }
  }
}
