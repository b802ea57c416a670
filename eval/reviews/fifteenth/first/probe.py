import sys, traceback
src, path = sys.argv[1], sys.argv[2]
sys.path.insert(0, src)
from eventscope.pipeline import Pipeline
from eventscope.schema import Article
p = Pipeline().setup()
for t in open(path).read().splitlines():
    if not t.strip() or t.startswith('#'):
        continue
    print('##', t)
    try:
        w = p.process([Article(article_id='t', text=t, published='2024-03-06')])[0]
    except Exception as ex:
        print('   CRASH', type(ex).__name__, ex)
        traceback.print_exc(limit=3, file=sys.stdout)
        continue
    for e in w.events:
        d = e.date
        print(f"   {e.event_type} '{e.trigger.text}' date={d.value if d else None} ({(d.reason if d else '')[:90]})")
        for side in ('source', 'target'):
            a = getattr(e, side)
            if a:
                print(f"      {side}: {a.text} [{a.country} {a.sector}] name={a.name} :: {a.reason[:160]}")
    for qs, qe, q in (w.quotes or []):
        print(f"   QUOTE speaker={q.speaker!r} text={q.text[:40]!r}")
