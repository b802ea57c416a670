"""python dprobe.py SRC FILE: each non-comment line 'YYYY-MM-DD<TAB>text'; like probe.py but with its own publication date."""
import sys, traceback
src, path = sys.argv[1], sys.argv[2]
sys.path.insert(0, src)
from eventscope.pipeline import Pipeline
from eventscope.schema import Article
p = Pipeline().setup()
for t in open(path).read().splitlines():
    if not t.strip() or t.startswith('#'):
        continue
    date, t = t.split('\t', 1)
    print('##', date, t)
    text = t.replace('\\n', '\n\n')
    try:
        w = p.process([Article(article_id='t', text=text, published=date)])[0]
    except Exception as ex:
        print('   CRASH', type(ex).__name__, ex)
        traceback.print_exc(limit=3, file=sys.stdout)
        continue
    if getattr(w, 'error', None):
        print('   ERROR', w.error)
    for e in w.events:
        d = e.date
        print(f"   {e.event_type} '{e.trigger.text}'@{e.trigger.start} [{e.factuality}] date={d.value if d else None}/{d.precision if d else None}")
        L = e.location
        if L:
            print(f"      place: {L.name} [{L.country} {L.precision}]")
        for side in ('source', 'target'):
            a = getattr(e, side)
            if a:
                print(f"      {side}: {a.text} [{a.country} {a.sector}] name={a.name} :: {a.reason[:220]}")
    for q in (passage[2] for passage in (w.quotes or [])):
        print(f"   QUOTE speaker={q.speaker!r} text={q.text[:40]!r}")
