"""How the fourth audit's items were drawn (``scripts/audit_draw.py``): from ``eventscope run --sample --db DB`` at
commit 0562e65, seed 20261128, 80 events, leaving out every evidence sentence the first and third audits showed:

    python scripts/audit_draw.py DB 20261128 80 eval/sample_audit/fourth/items.jsonl \\
        eval/sample_audit/items.jsonl eval/sample_audit/items_after.jsonl \\
        eval/sample_audit/third/items.jsonl eval/sample_audit/third/items_after.jsonl
"""
import runpy
import sys

sys.argv = ["audit_draw.py", *sys.argv[1:]]
runpy.run_path(__file__.rsplit("/eval/", 1)[0] + "/scripts/audit_draw.py", run_name="__main__")
