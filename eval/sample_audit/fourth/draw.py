"""draw.py DB SEED N OUT EXCLUDE...: as third/draw.py, but leaves out events whose evidence sentence
an earlier audit's items already showed (so the fourth audit judges sentences no rule was written from).
The fourth audit: seed 20261128, N 80, EXCLUDE = ../items.jsonl ../items_after.jsonl ../third/items.jsonl
../third/items_after.jsonl, DB from `eventscope run --sample` at commit 0562e65."""
import json, random, subprocess, sys
db, seed, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
seen = set()
for path in sys.argv[5:]:
    for line in open(path):
        seen.add(json.loads(line)["evidence"])
rows = [json.loads(l) for l in subprocess.run(["eventscope","query","--db",db,"--format","jsonl","--limit","100000"],capture_output=True,text=True,check=True).stdout.splitlines()]
rows.sort(key=lambda r: r["event_id"])
pool = [r for r in rows if r["evidence"]["text"] not in seen]
pick = random.Random(seed).sample(pool, n)
def actor(a):
    return None if not a else {k: a.get(k) for k in ("text","country","sector","name")}
with open(out,"w") as f:
    for i, r in enumerate(pick, 1):
        loc = r.get("location")
        item = {"n": i, "article_id": r["article_id"], "event_id": r["event_id"], "evidence": r["evidence"]["text"],
                "trigger": r["trigger"]["text"], "plover": r["event_type"], "mode": r["mode"], "cameo_code": r["cameo_code"],
                "acled_event_type": r["acled_event_type"], "acled_sub_event_type": r["acled_sub_event_type"],
                "source": actor(r["source"]), "target": actor(r["target"]),
                "place": None if not loc else {"name": loc["name"], "country": loc["country"], "precision": loc["precision"]},
                "date": (r.get("date") or {}).get("value"), "date_precision": (r.get("date") or {}).get("precision"),
                "factuality": r["factuality"], "fatalities": r["fatalities"]}
        f.write(json.dumps(item, ensure_ascii=False)+"\n")
print(len(rows), "events;", len(pool), "not audited before;", n, "drawn")
