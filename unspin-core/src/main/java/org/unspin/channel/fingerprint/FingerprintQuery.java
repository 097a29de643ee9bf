package org.unspin.channel.fingerprint;

import java.util.List;
import java.util.Objects;

/**
 * The parsed form of a fingerprint query in the Problematic Paper Screener's search syntax (see
 * {@link QueryParser}). A query is true for a text when its boolean condition holds over the whole
 * text; the spans it reports are those of its positive leaves (see {@link FingerprintMatcher}).
 * All nodes are immutable.
 */
public sealed interface FingerprintQuery {

  /** The query in a canonical, fully parenthesized form; parsing it again gives an equal tree. */
  String canonical();

  /**
   * An exact phrase, matched case-insensitively at word boundaries.
   *
   * @param text the phrase in normal form (see {@link TextNormalizer#normalize}), non-empty
   * @param prefix true when the phrase ended with {@code *}: its last word only has to start with
   *     the given letters
   */
  record Phrase(String text, boolean prefix) implements FingerprintQuery {
    public Phrase {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty() || !text.equals(TextNormalizer.normalize(text))) {
        throw new IllegalArgumentException("text must be a non-empty normalized phrase (got '" + text + "')");
      }
    }

    @Override
    public String canonical() {
      return '"' + text + (prefix ? "*" : "") + '"';
    }
  }

  /**
   * A proximity query {@code "a b c"~N}: every term occurs, in any order, and the occurrences fit
   * in a window of {@code terms.size() + slop} words (the distance from the first to the last
   * term's first word is at most {@code terms.size() - 1 + slop}).
   *
   * @param terms the words of the quoted phrase, at least one
   * @param slop the N of {@code ~N}, {@code >= 0}
   */
  record Near(List<Phrase> terms, int slop) implements FingerprintQuery {
    public Near {
      terms = List.copyOf(terms);
      if (terms.isEmpty()) {
        throw new IllegalArgumentException("terms must not be empty");
      }
      if (slop < 0) {
        throw new IllegalArgumentException("slop must be >= 0 (got " + slop + ")");
      }
    }

    @Override
    public String canonical() {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < terms.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(terms.get(i).text()).append(terms.get(i).prefix() ? "*" : "");
      }
      return sb.append("\"~").append(slop).toString();
    }
  }

  /** True when every clause is true; reports the spans of its first clause only (the others are context). */
  record And(List<FingerprintQuery> clauses) implements FingerprintQuery {
    public And {
      clauses = List.copyOf(clauses);
      if (clauses.size() < 2) {
        throw new IllegalArgumentException("clauses must have at least 2 entries (got " + clauses.size() + ")");
      }
      if (clauses.get(0) instanceof Not) {
        throw new IllegalArgumentException("the first clause of an AND must not be a NOT");
      }
    }

    @Override
    public String canonical() {
      return join(clauses, " AND ");
    }
  }

  /** True when any clause is true; reports the spans of every true clause. */
  record Or(List<FingerprintQuery> clauses) implements FingerprintQuery {
    public Or {
      clauses = List.copyOf(clauses);
      if (clauses.size() < 2) {
        throw new IllegalArgumentException("clauses must have at least 2 entries (got " + clauses.size() + ")");
      }
      for (FingerprintQuery q : clauses) {
        if (q instanceof Not) {
          throw new IllegalArgumentException("an OR clause must not be a bare NOT");
        }
      }
    }

    @Override
    public String canonical() {
      return join(clauses, " OR ");
    }
  }

  /** True when {@code clause} is false; only allowed as a non-first clause of an {@link And}. */
  record Not(FingerprintQuery clause) implements FingerprintQuery {
    public Not {
      Objects.requireNonNull(clause, "clause");
      if (clause instanceof Not) {
        throw new IllegalArgumentException("clause must not be another NOT");
      }
    }

    @Override
    public String canonical() {
      return "NOT " + clause.canonical();
    }
  }

  private static String join(List<FingerprintQuery> clauses, String op) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < clauses.size(); i++) {
      if (i > 0) {
        sb.append(op);
      }
      sb.append(clauses.get(i).canonical());
    }
    return sb.append(')').toString();
  }

  /** The first positive phrase of the query: the tortured phrase itself in the screener's lists. */
  static Phrase firstPhrase(FingerprintQuery q) {
    if (q instanceof Phrase p) {
      return p;
    }
    if (q instanceof Near n) {
      StringBuilder sb = new StringBuilder();
      for (Phrase t : n.terms()) {
        sb.append(sb.length() == 0 ? "" : " ").append(t.text());
      }
      return new Phrase(sb.toString(), false);
    }
    if (q instanceof And a) {
      return firstPhrase(a.clauses().get(0));
    }
    if (q instanceof Or o) {
      return firstPhrase(o.clauses().get(0));
    }
    throw new IllegalArgumentException("a NOT has no positive phrase: " + q.canonical());
  }
}
