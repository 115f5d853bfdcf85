"""Deterministic generator of the blind7 evaluation corpus (writes corpus.jsonl).

Run: /work/main/.venv/bin/python corpus.py
Texts are built from segments: a plain str, or a (text, LABEL) tuple; offsets are
computed while concatenating, so spans are exact by construction."""

import json
import random
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *  # noqa
from styles_a import STYLES_A  # noqa
from styles_b import STYLES_B  # noqa
from extras import EXTRAS  # noqa

SEED = 20261127
PER_STYLE = 110
NOPII_SLOTS = {0, 5}  # i % 11 in these -> text without personal data (2/11 = 18.2 %)


def render(segs):
    text, spans = [], []
    pos = 0
    for s in segs:
        if s is None or s == "":
            continue
        if isinstance(s, tuple):
            t, lab = s
            assert lab in LABELS, lab
            assert t == t.strip() and t, repr(t)
            spans.append([pos, pos + len(t), lab])
        else:
            t = s
        text.append(t)
        pos += len(t)
    return "".join(text), spans


def main():
    styles = STYLES_A + STYLES_B
    out = []
    for si, (name, fn) in enumerate(styles):
        r = random.Random(f"{SEED}-{name}")
        for i in range(PER_STYLE):
            nopii = (i % 11) in NOPII_SLOTS
            xp, xn, share_pii, share_nopii = EXTRAS[name]
            if r.random() < (share_nopii if nopii else share_pii):
                segs = xn(r) if nopii else xp(r)
            else:
                segs = fn(r, nopii)
            text, spans = render(segs)
            if nopii:
                assert not spans, (name, i, text)
            out.append({"id": f"{name}-{i:03d}", "style": name, "text": text, "spans": spans})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(out), "texts")


if __name__ == "__main__":
    main()
