#!/usr/bin/env bash
# External n-gram LM baselines (KenLM, IRSTLM) on Unspin's news split, for the LM benchmark.
#
# What it does, for each order in --orders (default "3 4 5"):
#   KenLM : lmplz (modified Kneser-Ney, unpruned) -> ARPA; build_binary probing and trie (and an
#           8-bit quantized trie); query on the test split (perplexity, OOVs, load time, query speed).
#   IRSTLM: tlm -lm=ikn (improved = modified Kneser-Ney, interpolated, singletons kept) -> ARPA;
#           compile-lm -> binary; compile-lm --eval on the test split.
# Perplexity counts every word and </s> of the test split (<s> is context only). "incl. OOVs"
# scores an unknown word as p(<unk>) (KenLM query; IRSTLM with -dub=|V|+1, i.e. no extra OOV
# penalty); "excl. OOVs" leaves unknown words out of the average. Query speed: the test split
# repeated --repeat times (default 10), minus the time to load the model and read one sentence,
# in CPU time (user + sys: the machine may be shared, so wall time is noisy).
# Every step runs under /usr/bin/time -v (wall time, CPU time, peak RSS). Results go to
# WORK/results.tsv (one row per model) and the step logs to WORK/logs/.
#
# Inputs (make them with the Unspin CLI; the news corpora are research-only, never commit them):
#   ./unspin eval corpus --split train --format lmtokens --out /work/data/news-train.txt
#   ./unspin eval corpus --split test  --format lmtokens --out /work/data/news-test.txt
#
# Tools (nothing is built by this script; nothing of theirs goes into the repository):
#   IRSTLM: apt-get install -y irstlm                      (binaries in /usr/lib/irstlm/bin)
#   KenLM : build from a source snapshot, for example
#           apt-get install -y cmake build-essential libboost-program-options-dev libboost-system-dev \
#             libboost-thread-dev libboost-test-dev zlib1g-dev libbz2-dev liblzma-dev
#           mkdir -p /work/ext/kenlm && git --git-dir=<kenlm.git> archive HEAD | tar -x -C /work/ext/kenlm
#           cd /work/ext/kenlm && mkdir build && cd build && cmake .. -DCMAKE_BUILD_TYPE=Release \
#             && make -j2 lmplz build_binary query                 (binaries in build/bin)
#
# Usage: bench/lm-baselines.sh [--kenlm DIR] [--irstlm DIR] [--train FILE] [--test FILE]
#                              [--work DIR] [--orders "3 4 5"] [--mem 2G] [--repeat 10]
# A toolkit whose directory is missing is skipped with a note.
set -euo pipefail
export LC_ALL=C

KENLM=/work/ext/kenlm/build/bin
IRSTLM_BIN=/usr/lib/irstlm/bin
TRAIN=/work/data/news-train.txt
TEST=/work/data/news-test.txt
WORK=/work/data/lm-baselines
ORDERS="3 4 5"
MEM=2G
REPEAT=10

while [ $# -gt 0 ]; do
  case "$1" in
    --kenlm) KENLM=$2; shift 2 ;;
    --irstlm) IRSTLM_BIN=$2; shift 2 ;;
    --train) TRAIN=$2; shift 2 ;;
    --test) TEST=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --orders) ORDERS=$2; shift 2 ;;
    --mem) MEM=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "lm-baselines: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

for f in "$TRAIN" "$TEST"; do
  [ -s "$f" ] || { echo "lm-baselines: missing input $f (see --help for how to make it)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "lm-baselines: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

mkdir -p "$WORK/logs" "$WORK/tmp"
RESULTS="$WORK/results.tsv"
printf 'toolkit\torder\tstep\twall_s\tcpu_s\tpeak_rss_mb\tfile_mb\tppl_incl_oov\tppl_excl_oov\tdetail\n' > "$RESULTS"

# timed NAME CMD... : runs CMD under /usr/bin/time -v, stdout/stderr to logs/NAME.{out,err}.
timed() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/logs/$name.time" "$@" > "$WORK/logs/$name.out" 2> "$WORK/logs/$name.err"
}
timed_in() {  # timed_in NAME INPUT CMD... : same, with stdin from INPUT
  local name=$1 input=$2; shift 2
  /usr/bin/time -v -o "$WORK/logs/$name.time" "$@" < "$input" > "$WORK/logs/$name.out" 2> "$WORK/logs/$name.err"
}
wall() {  # seconds from "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.03"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$WORK/logs/$1.time"
}
cpu() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$WORK/logs/$1.time"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/logs/$1.time"; }
mb() { [ -e "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }' || echo -; }
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"; }
speed() {  # speed TOKENS TOTAL_S LOAD_S -> tokens per second after load
  awk -v t="$1" -v a="$2" -v b="$3" 'BEGIN { d = a - b; if (d <= 0.02) print "n/a"; else printf "%.0f", t / d }'
}

test_tokens=$(awk '{ n += NF + 1 } END { print n }' "$TEST")   # words + </s> per sentence
echo "train: $(wc -l < "$TRAIN") sentences, $(awk '{ n += NF } END { print n }' "$TRAIN") words; test: $(wc -l < "$TEST") sentences, $test_tokens tokens incl. </s>" | tee "$WORK/inputs.txt"
: > "$WORK/test.rep"
for _ in $(seq "$REPEAT"); do cat "$TEST" >> "$WORK/test.rep"; done
head -1 "$TEST" > "$WORK/one.txt"

if [ -x "$KENLM/lmplz" ] && [ -x "$KENLM/build_binary" ] && [ -x "$KENLM/query" ]; then
  for n in $ORDERS; do
    arpa="$WORK/kenlm.o$n.arpa"
    timed_in "kenlm.o$n.lmplz" "$TRAIN" "$KENLM/lmplz" -o "$n" -S "$MEM" -T "$WORK/tmp" --discount_fallback
    mv "$WORK/logs/kenlm.o$n.lmplz.out" "$arpa"
    counts=$(awk '/^ngram [0-9]+=/ { sub(/^ngram /, ""); printf "%s%s", sep, $0; sep = " " } /^\\1-grams/ { exit }' "$arpa")
    row kenlm "$n" lmplz "$(wall kenlm.o$n.lmplz)" "$(cpu kenlm.o$n.lmplz)" "$(rss kenlm.o$n.lmplz)" "$(mb "$arpa")" - - "arpa; ngrams $counts"
    for kind in probing trie qtrie; do
      bin="$WORK/kenlm.o$n.$kind"
      case $kind in
        probing) timed "kenlm.o$n.build.$kind" "$KENLM/build_binary" probing "$arpa" "$bin" ;;
        trie) timed "kenlm.o$n.build.$kind" "$KENLM/build_binary" -T "$WORK/tmp/" -S "$MEM" trie "$arpa" "$bin" ;;
        qtrie) timed "kenlm.o$n.build.$kind" "$KENLM/build_binary" -T "$WORK/tmp/" -S "$MEM" -q 8 -b 8 trie "$arpa" "$bin" ;;
      esac
      row kenlm "$n" "build_binary $kind" "$(wall kenlm.o$n.build.$kind)" "$(cpu kenlm.o$n.build.$kind)" \
        "$(rss kenlm.o$n.build.$kind)" "$(mb "$bin")" - - -
      # Load + one sentence, then load + the test split REPEAT times; the difference is query time.
      timed_in "kenlm.o$n.load.$kind" "$WORK/one.txt" "$KENLM/query" -v summary "$bin"
      timed_in "kenlm.o$n.query.$kind" "$TEST" "$KENLM/query" -v summary "$bin"
      timed_in "kenlm.o$n.speed.$kind" "$WORK/test.rep" "$KENLM/query" -v summary "$bin"
      q="$WORK/logs/kenlm.o$n.query.$kind.out"
      ppl=$(awk -F'\t' '/^Perplexity including OOVs/ { print $2 }' "$q")
      ppl_ex=$(awk -F'\t' '/^Perplexity excluding OOVs/ { print $2 }' "$q")
      oov=$(awk -F'\t' '/^OOVs/ { print $2 }' "$q")
      tok=$(awk -F'\t' '/^Tokens/ { print $2 }' "$q")
      load=$(wall kenlm.o$n.load.$kind)
      total=$(wall kenlm.o$n.query.$kind)
      sp=$(speed $((tok * REPEAT)) "$(cpu kenlm.o$n.speed.$kind)" "$(cpu kenlm.o$n.load.$kind)")
      row kenlm "$n" "query $kind" "$total" "$(cpu kenlm.o$n.query.$kind)" "$(rss kenlm.o$n.query.$kind)" - "$ppl" \
        "$ppl_ex" "OOVs $oov of $tok tokens; load+1 sentence ${load}s; $sp tokens/CPU-s after load (x$REPEAT)"
    done
    rm -f "$WORK/kenlm.o$n.qtrie"
  done
else
  echo "lm-baselines: KenLM binaries not found in $KENLM; skipping KenLM (see --help)" >&2
fi

if [ -x "$IRSTLM_BIN/tlm" ] && [ -x "$IRSTLM_BIN/compile-lm" ]; then
  export IRSTLM="${IRSTLM:-$(dirname "$IRSTLM_BIN")}"
  "$IRSTLM_BIN/add-start-end.sh" < "$TRAIN" > "$WORK/train.se"
  "$IRSTLM_BIN/add-start-end.sh" < "$TEST" > "$WORK/test.se"
  "$IRSTLM_BIN/add-start-end.sh" < "$WORK/one.txt" > "$WORK/one.se"
  "$IRSTLM_BIN/add-start-end.sh" < "$WORK/test.rep" > "$WORK/test.rep.se"
  for n in $ORDERS; do
    arpa="$WORK/irstlm.o$n.arpa"
    blm="$WORK/irstlm.o$n.blm"
    timed "irstlm.o$n.tlm" "$IRSTLM_BIN/tlm" -tr="$WORK/train.se" -n="$n" -lm=ikn -ps=no -o="$arpa"
    counts=$(awk '/^ngram +[0-9]+=/ { gsub(/ +/, ""); sub(/^ngram/, ""); printf "%s%s", sep, $0; sep = " " } /^\\1-grams/ { exit }' "$arpa")
    row irstlm "$n" "tlm ikn" "$(wall irstlm.o$n.tlm)" "$(cpu irstlm.o$n.tlm)" "$(rss irstlm.o$n.tlm)" "$(mb "$arpa")" - - "arpa; ngrams $counts"
    timed "irstlm.o$n.compile" "$IRSTLM_BIN/compile-lm" "$arpa" "$blm"
    row irstlm "$n" compile-lm "$(wall irstlm.o$n.compile)" "$(cpu irstlm.o$n.compile)" "$(rss irstlm.o$n.compile)" "$(mb "$blm")" - - -
    vocab=$(awk '/^ngram +1=/ { gsub(/[^0-9=]/, ""); split($0, p, "="); print p[2]; exit }' "$arpa")
    # Default OOV treatment (dub=1e7 spreads p(<unk>) over 1e7 - |V| unseen words), then
    # dub=|V|+1, which scores an OOV as p(<unk>) like KenLM's "including OOVs".
    timed "irstlm.o$n.load" "$IRSTLM_BIN/compile-lm" --eval="$WORK/one.se" "$blm"
    timed "irstlm.o$n.eval" "$IRSTLM_BIN/compile-lm" --eval="$WORK/test.se" "$blm"
    timed "irstlm.o$n.evalunk" "$IRSTLM_BIN/compile-lm" --eval="$WORK/test.se" -dub=$((vocab + 1)) "$blm"
    timed "irstlm.o$n.speed" "$IRSTLM_BIN/compile-lm" --eval="$WORK/test.rep.se" "$blm"
    # Per-word log10 probabilities (-d=2: "<context> word<TAB>1 [k-gram] logprob"); OOVs print as <unk>.
    "$IRSTLM_BIN/compile-lm" --eval="$WORK/test.se" -dub=$((vocab + 1)) -d=2 "$blm" 2>/dev/null \
      | awk -F'\t' 'NF == 2 && $2 ~ /gram\]/ { k = split($1, w, " "); n = split($2, p, " ");
          if (w[k] != "<unk>") { s += p[n]; c++ } } END { if (c) printf "%.2f", 10 ^ (-s / c); else print "-" }' \
      > "$WORK/logs/irstlm.o$n.exoov"
    line=$(grep -h '^%%' "$WORK/logs/irstlm.o$n.eval.out" "$WORK/logs/irstlm.o$n.eval.err" | head -1)
    lineunk=$(grep -h '^%%' "$WORK/logs/irstlm.o$n.evalunk.out" "$WORK/logs/irstlm.o$n.evalunk.err" | head -1)
    pp=$(sed -n 's/.* PP=\([0-9.]*\).*/\1/p' <<< "$line")
    ppunk=$(sed -n 's/.* PP=\([0-9.]*\).*/\1/p' <<< "$lineunk")
    nw=$(sed -n 's/.*Nw=\([0-9]*\).*/\1/p' <<< "$line")
    load=$(wall irstlm.o$n.load)
    total=$(wall irstlm.o$n.eval)
    sp=$(speed $((nw * REPEAT)) "$(cpu irstlm.o$n.speed)" "$(cpu irstlm.o$n.load)")
    row irstlm "$n" "compile-lm --eval" "$total" "$(cpu irstlm.o$n.eval)" "$(rss irstlm.o$n.eval)" - "$ppunk" \
      "$(cat "$WORK/logs/irstlm.o$n.exoov")" "default dub=1e7: ${line#%% }; load+1 sentence ${load}s; $sp tokens/CPU-s after load (x$REPEAT)"
  done
else
  echo "lm-baselines: IRSTLM binaries not found in $IRSTLM_BIN; skipping IRSTLM (apt-get install irstlm)" >&2
fi

rm -rf "$WORK/tmp" "$WORK/test.rep" "$WORK/test.rep.se"
column -t -s $'\t' "$RESULTS"
