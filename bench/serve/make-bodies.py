#!/usr/bin/env python3
"""Makes the Serve benchmark's request bodies: texts of about 2 KB (at most 2048 UTF-8 bytes, cut at a word
boundary) from a JSONL of `unspin eval simulate` (field "spun"), separated by a line holding only 0x1e."""
import json
import sys

src, out = sys.argv[1], sys.argv[2]
bodies = []
for line in open(src, encoding="utf-8"):
    text = json.loads(line)["spun"].strip()
    while len(text.encode("utf-8")) > 2048:
        text = text[: text.rstrip().rfind(" ")]
    bodies.append(text)
with open(out, "w", encoding="utf-8") as f:
    f.write("\n\x1e\n".join(bodies))
print(f"{len(bodies)} bodies, {min(len(b.encode()) for b in bodies)}..{max(len(b.encode()) for b in bodies)} bytes")
