"""How the third audit's items were drawn (``scripts/audit_draw.py``, no exclusions): from ``eventscope run --sample
--db DB`` at commit eea35bf, seed 20261127, 80 events:

    python scripts/audit_draw.py DB 20261127 80 eval/sample_audit/third/items.jsonl
"""
import runpy
import sys

sys.argv = ["audit_draw.py", *sys.argv[1:]]
runpy.run_path(__file__.rsplit("/eval/", 1)[0] + "/scripts/audit_draw.py", run_name="__main__")
