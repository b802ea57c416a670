"""split.py ITEMS OUTDIR: half A + 6 of B's as controls, half B + 6 of A's; judge item files renumbered 1..k with a key."""
import json, random, sys
items = [json.loads(l) for l in open(sys.argv[1])]
out = sys.argv[2]
rng = random.Random(20261130)
half = len(items) // 2
a, b = items[:half], items[half:]
ca, cb = rng.sample(b, 6), rng.sample(a, 6)
for name, own, ctrl in (("a", a, ca), ("b", b, cb)):
    lst = own + ctrl
    rng.shuffle(lst)
    key = {}
    with open(f"{out}/judge_items_{name}.jsonl", "w") as f:
        for i, it in enumerate(lst, 1):
            key[i] = it["n"]
            f.write(json.dumps({**it, "n": i}, ensure_ascii=False) + "\n")
    json.dump(key, open(f"{out}/judge_key_{name}.json", "w"))
    print(name, len(lst))
