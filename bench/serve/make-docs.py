#!/usr/bin/env python3
"""Cuts N clean documents of about 2 KB (whole sentences, 1900..2048 UTF-8 bytes) out of the US presidential
speeches of corpora-permissive (public domain) for the Serve benchmark: one speech in 40 first (the 16 documents
of the default), then the speeches of the other residues modulo 40, so that a larger N keeps the first 16; past one
document a speech (about 1,000), the second 2 KB of each speech in the same order, and so on."""
import gzip
import os
import re
import sys

src, out_dir, n_max = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 16
os.makedirs(out_dir, exist_ok=True)
with gzip.open(src, "rt", encoding="utf-8") as f:
    speeches = [line.strip() for line in f]
n = 0


def chunks(speech):
    """Consecutive documents of whole sentences, 1900..2048 UTF-8 bytes, from the sixth sentence on (none if the first
    cannot be made that long)."""
    cur = ""
    first = True
    for s in re.split(r"(?<=[.!?])\s+", speech)[5:]:
        if len((cur + " " + s).encode("utf-8")) > 2048:
            if len(cur.encode("utf-8")) >= 1900:
                yield cur
            elif first:
                return  # as before the larger sizes: a speech whose first document is short gives none
            first = False
            cur = ""
            if len(s.encode("utf-8")) > 2048:
                continue
        cur = (cur + " " + s).strip()
    if len(cur.encode("utf-8")) >= 1900:
        yield cur


# The k-th document of every speech before the (k+1)-th of any: the first documents are those of earlier runs.
per_speech = [list(chunks(s)) for s in speeches]
for k in range(max(len(c) for c in per_speech)):
    for residue in [7] + [r for r in range(40) if r != 7]:
        for i in range(residue, len(speeches), 40):
            if k < len(per_speech[i]) and n < n_max:
                with open(os.path.join(out_dir, f"d{n:02d}.txt"), "w", encoding="utf-8") as o:
                    o.write(per_speech[i][k] + "\n")
                n += 1
print(f"{n} documents in {out_dir}")
