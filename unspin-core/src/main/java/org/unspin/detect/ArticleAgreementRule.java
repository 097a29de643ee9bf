package org.unspin.detect;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.unspin.api.Edit;
import org.unspin.api.Finding;
import org.unspin.restore.InputToken;
import org.unspin.restore.TokenKind;
import org.unspin.text.ArticleSounds;

/**
 * {@code ARTICLE_AGREEMENT}: "a" before a vowel sound or "an" before a consonant sound, as a
 * spinner leaves behind when it replaces the noun after the article ("an elephant" to "an
 * pachyderm"). The sound comes from {@link ArticleSounds} (spelling heuristic plus a documented
 * exception list). The finding covers the article; its suggestion is the other article in the same
 * case.
 *
 * <p>Where the restoration replaces the word after the article, the mismatch is the trace of that
 * replacement ("a automobile": the spinner wrote "automobile" for "car" and left the article), and
 * the article is judged against the restored word: the finding covers the article and the replaced
 * span and suggests the restoration with the article that fits it ("a automobile" to "a car"), so
 * that a report never asks for "an" before "car". Its confidence stays the rule's: the mismatch is
 * as sure as before, whatever the restorer's posterior for the word it puts there.
 *
 * <p>It abstains when the article may be a letter ("Vitamin A is", "a and b": upper-case "A"
 * inside a sentence, or a function word after it), when the next token is not a word right after
 * plain spaces, and wherever {@link ArticleSounds#articleFor} abstains (abbreviations, single
 * letters, numbers, words with both usages).
 */
public final class ArticleAgreementRule implements Rule {
  public static final String ID = "ARTICLE_AGREEMENT";
  /** Confidence of a finding: the heuristic and the list are right for nearly all dictionary words. */
  static final double CONFIDENCE = 0.9;
  /** After these, "a" is a letter or a label rather than an article ("a or b", "point a to b"). */
  private static final Set<String> FUNCTION_WORDS = Set.of("and", "or", "nor", "but", "is", "are", "was", "were",
      "be", "of", "in", "on", "at", "to", "as", "if", "it", "by", "for", "the", "an", "a", "with", "from", "so", "than",
      "that", "then", "vs");

  private final ArticleSounds sounds;

  /** A rule with the shipped exception list. */
  public ArticleAgreementRule() {
    this(ArticleSounds.loadDefault());
  }

  public ArticleAgreementRule(ArticleSounds sounds) {
    this.sounds = Objects.requireNonNull(sounds, "sounds");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "'a' before a vowel sound or 'an' before a consonant sound, as left when the word after was replaced.";
  }

  @Override
  public List<RuleExample> examples() {
    return List.of(
        RuleExample.spun("The firm hired an manager last year."),
        RuleExample.spun("She waited for a hour at the station."),
        RuleExample.spun("He studied at an university in Ohio."),
        RuleExample.spun("An big crowd watched the band."),
        RuleExample.clean("The firm hired a manager last year."),
        RuleExample.clean("She waited for an hour at the station."),
        RuleExample.clean("He studied at a university and an institute in Ohio."),
        RuleExample.clean("Vitamin A is found in an egg, a one-off FBI report and an honest review."),
        RuleExample.clean("Choose between a and b, then an historic or a historic site."));
  }

  @Override
  public void check(RuleContext context, List<Finding> out) {
    String text = context.text();
    List<InputToken> tokens = context.tokens();
    List<Edit> edits = context.restoration().edits();
    int e = 0; // edits are in text order; the first that does not end before the article
    for (int i = 0; i + 1 < tokens.size(); i++) {
      InputToken art = tokens.get(i);
      String s = art.surface();
      boolean an;
      if (s.equals("a") || (s.equals("A") && art.sentenceStart())) {
        an = false;
      } else if (s.equals("an") || (s.equals("An") && art.sentenceStart())) {
        an = true;
      } else {
        continue;
      }
      InputToken next = tokens.get(i + 1);
      if (next.kind() != TokenKind.WORD || next.sentenceStart() || !plainSpaces(text, art.end(), next.start())
          || FUNCTION_WORDS.contains(next.lmForm())) {
        continue;
      }
      ArticleSounds.Article want = sounds.articleFor(next.surface());
      if (want == null || want == ArticleSounds.Article.EITHER || (want == ArticleSounds.Article.AN) == an) {
        continue;
      }
      String other = an ? s.substring(0, 1) : s + "n";
      while (e < edits.size() && edits.get(e).end() <= art.start()) {
        e++;
      }
      Edit edit = e < edits.size() ? edits.get(e) : null;
      if (edit != null && edit.start() < art.end()) {
        continue; // the restoration rewrites the article itself: its edit speaks for it
      }
      if (edit != null && edit.start() == next.start()) {
        ArticleSounds.Article fits = sounds.articleForPhrase(edit.suggestion());
        boolean keep = fits == null || fits == ArticleSounds.Article.EITHER || (fits == ArticleSounds.Article.AN) == an;
        String suggestion = (keep ? s : other) + text.substring(art.end(), edit.start()) + edit.suggestion();
        out.add(new Finding(art.start(), edit.end(), text.substring(art.start(), edit.end()), suggestion,
            CONFIDENCE, ID));
        continue;
      }
      out.add(new Finding(art.start(), art.end(), s, other, CONFIDENCE, ID));
    }
  }

  private static boolean plainSpaces(String text, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c != ' ' && c != '\t' && c != '\u00A0') {
        return false;
      }
    }
    return true;
  }
}
