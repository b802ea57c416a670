"""python eval/reviews/probe.py SRC FILE: each non-comment line is one article published 2024-03-06, or on the date
a line starts with ("YYYY-MM-DD<TAB>text"), run through the pipeline of the source folder SRC (e.g. /work/main/src,
or an old commit unpacked with git archive).
A literal backslash-n ("\\n") in a line starts a new paragraph (written as a blank line);
sentences within a paragraph are just run together.
A FILE ending in .jsonl holds one {"id", "title", "published", "text"} per line instead (stories with headlines)."""
import json, re, sys, traceback
src, path = sys.argv[1], sys.argv[2]
sys.path.insert(0, src)
from eventscope.pipeline import Pipeline
from eventscope.schema import Article
p = Pipeline().setup()
def articles():
    """(line shown, Article) for every story of the file."""
    for t in open(path).read().splitlines():
        if not t.strip() or t.startswith('#'):
            continue
        if path.endswith('.jsonl'):
            r = json.loads(t)
            yield f"{r.get('id')} [{r.get('title')}] {r['text']}", Article(
                article_id='t', title=r.get('title'), text=r['text'], published=r.get('published', '2024-03-06'))
            continue
        dated = re.match(r"(\d{4}-\d\d-\d\d)\t", t)
        text = t[dated.end():].replace('\\n', '\n\n') if dated else t.replace('\\n', '\n\n')
        yield t, Article(article_id='t', text=text, published=dated.group(1) if dated else '2024-03-06')


for t, article in articles():
    print('##', t)
    try:
        w = p.process([article])[0]
    except Exception as ex:
        print('   CRASH', type(ex).__name__, ex)
        traceback.print_exc(limit=3, file=sys.stdout)
        continue
    if getattr(w, 'error', None):
        print('   ERROR', w.error)
    for e in w.events:
        d = e.date
        print(f"   {e.event_type} '{e.trigger.text}'@{e.trigger.start} [{e.factuality}] date={d.value if d else None}/{d.precision if d else None} ({(d.reason if d else '')[:110]})")
        if e.reasons.get('coref'):
            print(f"      coref: {e.reasons['coref'][:150]}")
        L = e.location
        if L:
            print(f"      place: {L.name} [{L.country} {L.precision}] :: {L.reason[:130]}")
        for side in ('source', 'target'):
            a = getattr(e, side)
            if a:
                print(f"      {side}: {a.text} [{a.country} {a.sector}] name={a.name} :: {a.reason[:150]}")
    for q in (passage[2] for passage in (w.quotes or [])):
        print(f"   QUOTE speaker={q.speaker!r} text={q.text[:40]!r}")
