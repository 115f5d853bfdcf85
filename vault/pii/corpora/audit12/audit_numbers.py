import json, re
from validate import luhn, check_nir
rows=[json.loads(l) for l in open("corpus.jsonl")]
hits=[]
for r in rows:
    t=r["text"]; mask=list(t)
    for s,e,l in r["spans"]:
        for i in range(s,e): mask[i]="#"
    m="".join(mask)
    for mm in re.finditer(r"(?<![\d#])\d{9,15}(?![\d#])", m):
        d=mm.group()
        if len(d) in (9,11,14) and luhn(d): hits.append((r["id"], d, "luhn", t[max(0,mm.start()-25):mm.start()]))
        if len(d)==15 and check_nir(d)[0]: hits.append((r["id"], d, "nir"))
print(len(hits))
from collections import Counter
print(Counter(h[3][-12:] for h in hits if len(h)>3).most_common(30))
