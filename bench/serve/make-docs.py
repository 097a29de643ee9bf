#!/usr/bin/env python3
"""Cuts N clean documents of about 2 KB (whole sentences, 1900..2048 UTF-8 bytes) out of the US presidential
speeches of corpora-permissive (public domain) for the Serve benchmark: one speech in 40 first (the 16 documents
of the default), then the speeches of the other residues modulo 40, so that a larger N keeps the first 16."""
import gzip
import os
import re
import sys

src, out_dir, n_max = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 16
os.makedirs(out_dir, exist_ok=True)
with gzip.open(src, "rt", encoding="utf-8") as f:
    speeches = [line.strip() for line in f]
n = 0
for residue in [7] + [r for r in range(40) if r != 7]:
    for i in range(residue, len(speeches), 40):
        cur = ""
        for s in re.split(r"(?<=[.!?])\s+", speeches[i])[5:]:
            if len((cur + " " + s).encode("utf-8")) > 2048:
                break
            cur = (cur + " " + s).strip()
        if len(cur.encode("utf-8")) >= 1900:
            with open(os.path.join(out_dir, f"d{n:02d}.txt"), "w", encoding="utf-8") as o:
                o.write(cur + "\n")
            n += 1
        if n >= n_max:
            break
    if n >= n_max:
        break
print(f"{n} documents in {out_dir}")
