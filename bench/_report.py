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


def load_average() -> float:
    """The 1-minute load average (the machine is shared: record it with every measurement)."""
    import os

    return round(os.getloadavg()[0], 2)


def median_spread(values: list[float], digits: int = 3) -> dict:
    """``{"median", "min", "max", "n"}`` of repeated measurements."""
    import statistics

    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits), "n": len(values)}
