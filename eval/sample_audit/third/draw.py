"""draw.py DB SEED N OUT: draw N events at random (seed SEED) from a database `eventscope run --sample --db DB` wrote,
as the items of a blind audit (the third audit: seed 20261127, N 80)."""
import json, random, subprocess, sys
db, seed, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [json.loads(l) for l in subprocess.run(["eventscope","query","--db",db,"--format","jsonl","--limit","100000"],capture_output=True,text=True,check=True).stdout.splitlines()]
rows.sort(key=lambda r: r["event_id"])
pick = random.Random(seed).sample(rows, n)
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
print(len(rows), "events;", n, "drawn")
