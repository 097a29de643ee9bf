package org.unspin.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.unspin.bench.corpus.CorpusSource;
import org.unspin.bench.corpus.Document;
import org.unspin.bench.corpus.Split;
import org.unspin.channel.SimulatorConfig;
import org.unspin.channel.SpinSimulator;
import org.unspin.channel.SpunText;
import org.unspin.channel.Substitution;
import org.unspin.lexicon.Lexicon;
import org.unspin.lexicon.Relation;
import org.unspin.lexicon.ReverseLexicon;
import org.unspin.restore.AnalyzedTokens;
import org.unspin.restore.Candidate;
import org.unspin.restore.InputToken;
import org.unspin.restore.LexiconCandidates;
import org.unspin.restore.TokenKind;

/**
 * A diagnostic for the candidate limit (docs/evaluation-lexicon.md, "Lexicon round 3"): on the same
 * simulated spins as {@code unspin eval candidates}, where the true original ranks in the unlimited
 * candidate list of its span (the restorer's generator without its limit), and what recall and mean
 * candidates per token other limits would give: a fixed top N, and "every candidate within a margin
 * of the best prior, at most a cap". Two reorderings that were tried and not shipped are scored
 * too: a prior whose fan-out and first synonym count only the edges of the inflection's part of
 * speech (as the simulator draws for an inflected word), and, with {@code -Dranks.context=true},
 * reranking a pool of the likeliest by the default LM's context around the spun span.
 *
 * <p>Usage: {@code CandidateRanks CORPORA_DIR SPLIT DOCS SEED known|unknown}. Research data only
 * (the news corpora); prints a table to stdout. Results: docs/evaluation-lexicon.md.
 */
public final class CandidateRanks {
  private CandidateRanks() {}

  /** Limits evaluated: fixed tops, and margins (half bits) with caps. */
  private static final int[] TOPS = {10, 20, 30, 40, 50, 60, 80, 100, 150, 200};
  private static final int[] MARGINS = {10, 12, 13, 14, 15, 16, 18};
  private static final int[] CAPS = {40, 50, 60, 80, 120};
  private static final int[] FLOORS = {10, 15, 20, 25};
  private static final int[] RANK_BINS = {10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, Integer.MAX_VALUE};

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: CandidateRanks CORPORA_DIR SPLIT DOCS SEED known|unknown");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Split split = Split.parse(args[1]);
    int docs = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Lexicon lex = Lexicon.loadDefault();
    CandidateRecall.Setting st = args[4].equals("known") ? CandidateRecall.known(lex)
        : CandidateRecall.unknown(lex, 0.25, seed);
    ReverseLexicon rev = st.generator().reverse(ReverseLexicon.Options.DEFAULT
        .withSecondOrder(LexiconCandidates.SECOND_ORDER));
    List<Document> sample = CandidateRecall.sample(dir, EnumSet.allOf(CorpusSource.class), split, docs);
    new CandidateRanks.Run(st, rev).run(sample, seed, System.out);
  }

  private static final class Run {
    final CandidateRecall.Setting setting;
    final ReverseLexicon rev;
    long tokens;
    long subs;
    long aligned;
    final long[] rankBins = new long[RANK_BINS.length + 1];
    final long[] topKept = new long[TOPS.length];
    final long[] topFound = new long[TOPS.length];
    final long[][][] marginKept = new long[MARGINS.length][CAPS.length][FLOORS.length];
    final long[][][] marginFound = new long[MARGINS.length][CAPS.length][FLOORS.length];
    final long[] gapBins = new long[42];
    /** Per span length 1..3, for the facade's adaptive limit: candidates kept, truths, truths kept. */
    final long[][] byLength = new long[4][3];
    final List<String> examples = new ArrayList<>();
    // per look-up scratch
    int[] priors = new int[1024];
    int[] alt = new int[1024];
    final long[] altFound = new long[2];
    long altKept;
    int[] freqs = new int[1024];
    String[] originals = new String[1024];
    int n;
    final org.unspin.lm.LanguageModel lm = Boolean.getBoolean("ranks.context")
        ? org.unspin.lm.DefaultModels.languageModel() : null;
    static final int[] POOLS = {60, 100, 200};
    static final double[] LAMBDAS = {0.25, 0.5, 0.75, 1.0};
    static final double[] BETAS = {0, 0.5, 1};
    final long[][][] ctxFound = new long[POOLS.length][LAMBDAS.length][BETAS.length];
    final long[][][] ctxKept = new long[POOLS.length][LAMBDAS.length][BETAS.length];
    int[] ids;
    static final double[] GAMMAS = {0.5, 0.75, 1.0, 1.25};
    final long[][] uniFound = new long[POOLS.length][GAMMAS.length];
    double[] cost = new double[1024];
    Integer[] order = new Integer[1024];

    Run(CandidateRecall.Setting setting, ReverseLexicon rev) {
      this.setting = setting;
      this.rev = rev;
    }

    void run(List<Document> sample, long seed, PrintStream out) {
      for (int i = 0; i < sample.size(); i++) {
        Document d = sample.get(i);
        long s = seed * 0x9E3779B97F4A7C15L + i;
        SpunText spun = new SpinSimulator(setting.spinner(), SimulatorConfig.random(s)).spin(d.id(), d.text(), s);
        add(spun);
      }
      print(out);
    }

    void add(SpunText spun) {
      List<InputToken> toks = AnalyzedTokens.of(spun.spun());
      String[] forms = new String[toks.size()];
      int[] sentenceOf = new int[toks.size()];
      int sentence = 0;
      for (int i = 0; i < toks.size(); i++) {
        forms[i] = toks.get(i).lmForm();
        if (i > 0 && toks.get(i).sentenceStart()) {
          sentence++;
        }
        sentenceOf[i] = sentence;
        if (toks.get(i).kind() == TokenKind.WORD || toks.get(i).kind() == TokenKind.NUMBER) {
          tokens++;
        }
      }
      Map<Integer, String> expected = new HashMap<>();
      SubstitutionSpans spans = new SubstitutionSpans(toks, sentenceOf);
      for (Substitution sub : spun.substitutions()) {
        subs++;
        int key = spans.key(sub);
        if (key >= 0) {
          aligned++;
          expected.put(key, CandidateRecall.lmPhrase(sub.original()));
        }
      }
      ids = new int[toks.size()];
      for (int i = 0; i < toks.size() && lm != null; i++) {
        ids[i] = lm.vocabulary().id(forms[i]);
      }
      for (int i = 0; i < toks.size(); i++) {
        TokenKind kind = toks.get(i).kind();
        if (kind == TokenKind.PUNCT || kind == TokenKind.OTHER) {
          continue;
        }
        for (int len = 1; len <= Candidate.MAX_PHRASE && i + len <= toks.size()
            && sentenceOf[i + len - 1] == sentenceOf[i]; len++) {
          n = 0;
          rev.candidates(forms, i, len, c -> {
            if (c.relation() == Relation.SPELLING) {
              return;
            }
            String o = c.original();
            if (o.split(" ").length > Candidate.MAX_PHRASE) {
              return;
            }
            if (n == priors.length) {
              priors = java.util.Arrays.copyOf(priors, n * 2);
              originals = java.util.Arrays.copyOf(originals, n * 2);
              freqs = java.util.Arrays.copyOf(freqs, n * 2);
              alt = java.util.Arrays.copyOf(alt, n * 2);
              cost = new double[n * 2];
              order = new Integer[n * 2];
            }
            freqs[n] = c.originalFreqClass();
            alt[n] = c.prior() + (c.inflection() != org.unspin.lexicon.Inflection.BASE && !c.inverse()
                && !c.secondOrder() ? posShift(c.edge(), c.originalLemma(), c.inflection().pos()) : 0);
            priors[n] = c.prior();
            originals[n++] = o;
          });
          String truth = expected.get(i * 4 + len);
          int rank = -1;
          if (truth != null) {
            for (int k = 0; k < n; k++) {
              if (originals[k].equals(truth)) {
                rank = k;
                break;
              }
            }
            int bin = RANK_BINS.length;
            if (rank >= 0) {
              for (bin = 0; rank >= RANK_BINS[bin]; bin++) {
                // find the bin
              }
            }
            rankBins[bin]++;
            if (rank >= 0) {
              gapBins[Math.min(gapBins.length - 1, priors[rank] - priors[0])]++;
              if (rank >= 30 && examples.size() < 40) {
                examples.add(String.format(Locale.ROOT, "%s <- %s: rank %d of %d, prior %d (best %d, 30th %d)",
                    String.join(" ", java.util.Arrays.copyOfRange(forms, i, i + len)), truth, rank + 1, n,
                    priors[rank], priors[0], priors[Math.min(29, n - 1)]));
              }
            }
          }
          if (lm != null) {
            context(sentenceOf, i, len, rank);
          }
          {
            // the same candidates ordered by the POS-aware prior (stable)
            Integer[] ord = new Integer[n];
            for (int k = 0; k < n; k++) {
              ord[k] = k;
            }
            final int[] a = alt;
            java.util.Arrays.sort(ord, (x, y) -> Integer.compare(a[x], a[y]));
            int altRank = -1;
            for (int k = 0; k < n && rank >= 0; k++) {
              if (ord[k] == rank) {
                altRank = k;
              }
            }
            int within = 0;
            while (within < n && a[ord[within]] <= a[ord[0]] + LexiconCandidates.MARGIN) {
              within++;
            }
            int keep = Math.min(n, Math.max(15, Math.min(within, 50)));
            altKept += keep;
            if (altRank >= 0 && altRank < 30) {
              altFound[0]++;
            }
            if (altRank >= 0 && altRank < keep) {
              altFound[1]++;
            }
          }
          {
            int within = 0;
            while (within < n && priors[within] <= priors[0] + LexiconCandidates.MARGIN) {
              within++;
            }
            int keep = Math.min(n, Math.max(15, Math.min(within, 50)));
            byLength[len][0] += keep;
            if (truth != null) {
              byLength[len][1]++;
              byLength[len][2] += rank >= 0 && rank < keep ? 1 : 0;
            }
          }
          for (int t = 0; t < TOPS.length; t++) {
            int keep = Math.min(n, TOPS[t]);
            topKept[t] += keep;
            if (rank >= 0 && rank < keep) {
              topFound[t]++;
            }
          }
          for (int m = 0; m < MARGINS.length; m++) {
            int within = 0;
            while (within < n && priors[within] <= priors[0] + MARGINS[m]) {
              within++;
            }
            for (int c = 0; c < CAPS.length; c++) {
              for (int f = 0; f < FLOORS.length; f++) {
                int keep = Math.min(n, Math.max(FLOORS[f], Math.min(within, CAPS[c])));
                marginKept[m][c][f] += keep;
                if (rank >= 0 && rank < keep) {
                  marginFound[m][c][f]++;
                }
              }
            }
          }
        }
      }
    }

    /** Context bits of each candidate of the current look-up, then reranked pools. */
    void context(int[] sentenceOf, int i, int len, int rank) {
      double[] ctx = new double[n];
      double[] uni = new double[n];
      int[] hist = new int[8];
      for (int k = 0; k < n; k++) {
        String[] w = originals[k].split(" ");
        // history: up to two words left of the span in the same sentence, else BOS
        int h = 0;
        int l = i - 2;
        if (l < 0 || sentenceOf[l] != sentenceOf[i]) {
          l = i - 1;
        }
        if (l < 0 || sentenceOf[l] != sentenceOf[i]) {
          hist[h++] = org.unspin.lm.Vocabulary.BOS;
        } else {
          if (l == i - 2 && (i - 1 < 0 || sentenceOf[i - 1] != sentenceOf[i])) {
            l = i - 1;
          }
          if (l == i - 1 && (i - 2 < 0 || sentenceOf[i - 2] != sentenceOf[i])) {
            hist[h++] = org.unspin.lm.Vocabulary.BOS;
          }
          for (int q = l; q < i; q++) {
            hist[h++] = ids[q];
          }
        }
        double bits = 0;
        int[] own = new int[4];
        int oh = 0;
        double ub = 0;
        for (String word : w) {
          int oid = lm.vocabulary().id(word);
          ub -= org.unspin.lm.LanguageModel.score(lm.query(own, 0, oh, oid));
          own[oh++] = oid;
        }
        uni[k] = ub * 3.321928;
        for (String word : w) {
          int id = lm.vocabulary().id(word);
          bits -= org.unspin.lm.LanguageModel.score(lm.query(hist, Math.max(0, h - 2), Math.min(h, 2), id));
          hist[h++] = id;
        }
        int r = i + len;
        int rid = r < ids.length && sentenceOf[r] == sentenceOf[i] ? ids[r] : org.unspin.lm.Vocabulary.EOS;
        bits -= org.unspin.lm.LanguageModel.score(lm.query(hist, Math.max(0, h - 2), Math.min(h, 2), rid));
        ctx[k] = bits * 3.321928;
      }
      for (int p = 0; p < POOLS.length; p++) {
        int pool = Math.min(n, POOLS[p]);
        for (int g = 0; g < GAMMAS.length && rank >= 0 && rank < pool; g++) {
          double rc = priors[rank] / 2.0 - freqs[rank] + GAMMAS[g] * uni[rank];
          int better = 0;
          for (int k = 0; k < pool; k++) {
            double ck = priors[k] / 2.0 - freqs[k] + GAMMAS[g] * uni[k];
            if (ck < rc || (ck == rc && k < rank)) {
              better++;
            }
          }
          if (better < 30) {
            uniFound[p][g]++;
          }
        }
        for (int a = 0; a < LAMBDAS.length; a++) {
          for (int b = 0; b < BETAS.length; b++) {
            int better = 0;
            double rc = rank >= 0 && rank < pool ? priors[rank] / 2.0 - BETAS[b] * freqs[rank] + LAMBDAS[a] * ctx[rank]
                : Double.NaN;
            for (int k = 0; k < pool && rank >= 0 && rank < pool; k++) {
              double ck = priors[k] / 2.0 - BETAS[b] * freqs[k] + LAMBDAS[a] * ctx[k];
              if (ck < rc || (ck == rc && k < rank)) {
                better++;
              }
            }
            ctxKept[p][a][b] += Math.min(30, pool);
            if (rank >= 0 && rank < pool && better < 30) {
              ctxFound[p][a][b]++;
            }
          }
        }
      }
    }

    /**
     * Half bits to add to an inflected candidate's prior if its fan-out and first synonym counted
     * only the original's edges that agree with {@code pos} (negative: the prior underrates it).
     */
    int posShift(int edge, int original, int pos) {
      org.unspin.lexicon.LexiconDictionary v = setting.generator();
      org.unspin.lexicon.Lexicon lex = v.lexicon();
      int own = lex.pos(original);
      boolean ownAgrees = own == 0 || (own & pos) != 0;
      int kAll = lex.edgeEnd(original) - lex.edgeStart(original);
      int kPos = 0;
      int firstPos = -1;
      for (int e = lex.edgeStart(original); e < lex.edgeEnd(original); e++) {
        int info = lex.info(e);
        if (!v.accepts(e, info)) {
          continue;
        }
        int sense = org.unspin.lexicon.Lexicon.sensePos(info);
        int tp = lex.pos(lex.edgeTarget(e));
        if (sense != 0 ? (sense & pos) != 0 : ownAgrees && (tp == 0 || (tp & pos) != 0)) {
          kPos++;
          if (firstPos < 0) {
            firstPos = e;
          }
        }
      }
      if (kPos == 0) {
        return 0;
      }
      double pAll = (edge == lex.edgeStart(original) ? 0.5 : 0) + 0.5 / Math.max(1, kAll);
      double pPos = (edge == firstPos ? 0.5 : 0) + 0.5 / kPos;
      return (int) Math.round(2 * Math.log(pAll / pPos) / Math.log(2));
    }

    void print(PrintStream out) {
      out.printf(Locale.ROOT, "POS-aware prior for inflected: top 30 %.4f, adaptive %.4f at %.2f per token%n",
          (double) altFound[0] / subs, (double) altFound[1] / subs, (double) altKept / tokens);
      for (int p = 0; p < POOLS.length; p++) {
        for (int g = 0; g < GAMMAS.length; g++) {
          out.printf(Locale.ROOT, "unigram pool %d gamma %.2f top 30\t%.4f%n", POOLS[p], GAMMAS[g],
              (double) uniFound[p][g] / subs);
        }
      }
      for (int p = 0; p < POOLS.length; p++) {
        for (int a = 0; a < LAMBDAS.length; a++) {
          for (int b = 0; b < BETAS.length; b++) {
            out.printf(Locale.ROOT, "context pool %d lambda %.2f beta %.1f top 30\t%.4f\t%.2f%n", POOLS[p], LAMBDAS[a],
                BETAS[b], (double) ctxFound[p][a][b] / subs, (double) ctxKept[p][a][b] / tokens);
          }
        }
      }
      out.printf(Locale.ROOT, "setting %s: %d tokens, %d substitutions, %d aligned%n", setting.name(), tokens, subs,
          aligned);
      out.println("rank of the true original (unlimited list), cumulative share of substitutions:");
      long cum = 0;
      for (int b = 0; b < RANK_BINS.length; b++) {
        cum += rankBins[b];
        out.printf(Locale.ROOT, "  <= %s\t%d\t%.4f%n", RANK_BINS[b] == Integer.MAX_VALUE ? "all" : RANK_BINS[b],
            rankBins[b], (double) cum / subs);
      }
      out.printf(Locale.ROOT, "  not found (aligned)\t%d%n", rankBins[RANK_BINS.length]);
      out.println("prior gap truth - best (half bits): count");
      StringBuilder sb = new StringBuilder("  ");
      for (int g = 0; g < gapBins.length; g++) {
        sb.append(g).append(':').append(gapBins[g]).append(' ');
      }
      out.println(sb);
      for (int len = 1; len <= 3; len++) {
        out.printf(Locale.ROOT, "span length %d (adaptive limit around 30): %.2f candidates per token, %d truths, "
            + "%d found%n", len, (double) byLength[len][0] / tokens, byLength[len][1], byLength[len][2]);
      }
      out.println("policy\trecall\tcandidates_per_token");
      for (int t = 0; t < TOPS.length; t++) {
        out.printf(Locale.ROOT, "top %d\t%.4f\t%.2f%n", TOPS[t], (double) topFound[t] / subs,
            (double) topKept[t] / tokens);
      }
      for (int m = 0; m < MARGINS.length; m++) {
        for (int c = 0; c < CAPS.length; c++) {
          for (int f = 0; f < FLOORS.length; f++) {
            out.printf(Locale.ROOT, "margin %d cap %d floor %d\t%.4f\t%.2f%n", MARGINS[m], CAPS[c], FLOORS[f],
                (double) marginFound[m][c][f] / subs, (double) marginKept[m][c][f] / tokens);
          }
        }
      }
      out.println("examples of truths past rank 30:");
      examples.forEach(e -> out.println("  " + e));
    }
  }
}
