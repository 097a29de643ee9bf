package org.unspin.channel.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the Problematic Paper Screener's query syntax into a {@link FingerprintQuery}.
 *
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := primary ( ( "AND" ["NOT"] | "NOT" | (nothing) ) primary )*
 * primary := '"' words '"' [ "~" N ]  |  word  |  "(" or ")"
 * </pre>
 *
 * <p>{@code a NOT b} means {@code a AND NOT b}; AND binds tighter than OR; two clauses side by side
 * are joined by AND (so {@code AND business intelligence} needs both words). A word or a quoted
 * phrase may end in {@code *} (its last word is then a prefix). Operators are case-insensitive,
 * whitespace is free. Anything else is an error whose message names the column (1-based): an
 * unclosed quote or parenthesis, an empty phrase, an operator without an operand, a query that is
 * only negative, {@code ~} without a number, a {@code *} inside a word.
 *
 * <p>Thread-safe (stateless).
 */
public final class QueryParser {
  private QueryParser() {}

  /** A malformed query; {@link #column()} is 1-based. */
  public static final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    SyntaxException(int column, String message) {
      super("column " + column + ": " + message);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  private enum Kind { PHRASE, WORD, AND, OR, NOT, LPAREN, RPAREN, END }

  private record Token(Kind kind, String text, int slop, int column) {}

  /** Parses {@code query}; throws {@link SyntaxException} if it is malformed. */
  public static FingerprintQuery parse(String query) {
    List<Token> tokens = lex(query);
    Parser p = new Parser(tokens);
    FingerprintQuery q = p.or();
    Token t = p.peek();
    if (t.kind != Kind.END) {
      throw new SyntaxException(t.column, t.kind == Kind.RPAREN ? "unbalanced ')'" : "unexpected " + describe(t));
    }
    return q;
  }

  private static String describe(Token t) {
    return switch (t.kind) {
      case END -> "end of query";
      case PHRASE -> "phrase \"" + t.text + "\"";
      case WORD -> "word '" + t.text + "'";
      case LPAREN -> "'('";
      case RPAREN -> "')'";
      default -> t.kind.name();
    };
  }

  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(Kind.LPAREN, "(", -1, i + 1));
        i++;
      } else if (c == ')') {
        out.add(new Token(Kind.RPAREN, ")", -1, i + 1));
        i++;
      } else if (c == '"' || c == '\u201C' || c == '\u201D') {
        int close = i + 1;
        while (close < n && s.charAt(close) != '"' && s.charAt(close) != '\u201C' && s.charAt(close) != '\u201D') {
          close++;
        }
        if (close >= n) {
          throw new SyntaxException(i + 1, "unclosed quote");
        }
        String body = s.substring(i + 1, close);
        int j = close + 1;
        int slop = -1;
        if (j < n && s.charAt(j) == '~') {
          int k = j + 1;
          while (k < n && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
          }
          if (k == j + 1) {
            throw new SyntaxException(j + 1, "'~' must be followed by a number of words");
          }
          if (k - j - 1 > 6) {
            throw new SyntaxException(j + 2, "proximity too large: " + s.substring(j + 1, k));
          }
          slop = Integer.parseInt(s.substring(j + 1, k));
          j = k;
        }
        if (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != ')' && s.charAt(j) != '(') {
          throw new SyntaxException(j + 1, "unexpected '" + s.charAt(j) + "' after a quoted phrase");
        }
        out.add(new Token(Kind.PHRASE, body, slop, i + 1));
        i = j;
      } else {
        int j = i;
        while (j < n && !Character.isWhitespace(s.charAt(j)) && "()\"\u201C\u201D".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        String w = s.substring(i, j);
        Kind k = switch (w.toUpperCase(Locale.ROOT)) {
          case "AND" -> Kind.AND;
          case "OR" -> Kind.OR;
          case "NOT" -> Kind.NOT;
          default -> Kind.WORD;
        };
        if (k == Kind.WORD && w.indexOf('~') >= 0) {
          throw new SyntaxException(i + 1 + w.indexOf('~'), "'~' is only allowed after a quoted phrase");
        }
        out.add(new Token(k, w, -1, i + 1));
        i = j;
      }
    }
    out.add(new Token(Kind.END, "", -1, n + 1));
    return out;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int pos;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return tokens.get(pos);
    }

    FingerprintQuery or() {
      List<FingerprintQuery> clauses = new ArrayList<>();
      clauses.add(and());
      while (peek().kind == Kind.OR) {
        pos++;
        clauses.add(and());
      }
      return clauses.size() == 1 ? clauses.get(0) : new FingerprintQuery.Or(clauses);
    }

    FingerprintQuery and() {
      List<FingerprintQuery> clauses = new ArrayList<>();
      clauses.add(primary());
      while (true) {
        Token t = peek();
        if (t.kind == Kind.AND) {
          pos++;
          if (peek().kind == Kind.NOT) {
            pos++;
            clauses.add(new FingerprintQuery.Not(primary()));
          } else {
            clauses.add(primary());
          }
        } else if (t.kind == Kind.NOT) {
          pos++;
          clauses.add(new FingerprintQuery.Not(primary()));
        } else if (t.kind == Kind.PHRASE || t.kind == Kind.WORD || t.kind == Kind.LPAREN) {
          clauses.add(primary());
        } else {
          break;
        }
      }
      return clauses.size() == 1 ? clauses.get(0) : new FingerprintQuery.And(clauses);
    }

    FingerprintQuery primary() {
      Token t = tokens.get(pos);
      switch (t.kind) {
        case PHRASE -> {
          pos++;
          return phrase(t);
        }
        case WORD -> {
          pos++;
          return phrase(t);
        }
        case LPAREN -> {
          pos++;
          FingerprintQuery q = or();
          Token close = peek();
          if (close.kind != Kind.RPAREN) {
            throw new SyntaxException(t.column, "unclosed '('");
          }
          pos++;
          return q;
        }
        case NOT -> throw new SyntaxException(t.column, "NOT needs a positive clause before it");
        default -> throw new SyntaxException(t.column, "expected a phrase, a word or '(' but found " + describe(t));
      }
    }

    private static FingerprintQuery phrase(Token t) {
      String raw = t.text.trim();
      boolean prefix = raw.endsWith("*");
      String body = prefix ? raw.substring(0, raw.length() - 1) : raw;
      String norm = TextNormalizer.normalize(body);
      if (norm.isEmpty()) {
        throw new SyntaxException(t.column, "empty phrase");
      }
      if (norm.indexOf('*') >= 0 && t.slop < 0) {
        throw new SyntaxException(t.column, "'*' is only allowed at the end of a phrase");
      }
      boolean hasWord = false;
      for (int i = 0; i < norm.length() && !hasWord; i++) {
        hasWord = TextNormalizer.isWordChar(norm.charAt(i));
      }
      if (!hasWord) {
        throw new SyntaxException(t.column, "phrase has no letter or digit: \"" + t.text + "\"");
      }
      if (prefix && !TextNormalizer.isWordChar(norm.charAt(norm.length() - 1))) {
        throw new SyntaxException(t.column, "'*' must follow a letter or digit");
      }
      if (t.slop < 0) {
        return new FingerprintQuery.Phrase(norm, prefix);
      }
      // proximity: every word of the phrase is a term of its own; each may end in '*'
      String full = prefix ? norm + "*" : norm;
      String[] words = full.split(" ");
      List<FingerprintQuery.Phrase> terms = new ArrayList<>(words.length);
      for (String w : words) {
        boolean p = w.endsWith("*");
        String b = p ? w.substring(0, w.length() - 1) : w;
        if (b.isEmpty() || b.indexOf('*') >= 0) {
          throw new SyntaxException(t.column, "'*' is only allowed at the end of a word");
        }
        terms.add(new FingerprintQuery.Phrase(b, p));
      }
      if (terms.size() == 1) {
        return terms.get(0);
      }
      return new FingerprintQuery.Near(terms, t.slop);
    }
  }
}
