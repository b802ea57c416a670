"""Shared output of the bench scripts: JSON with --json, else aligned key: value lines."""
import json
import sys


def report(result: dict, as_json: bool, width: int = 16) -> dict:
    if as_json:
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for key, value in result.items():
            print(f"{key:>{width}}: {value}")
    return result
