"""Baseline lane benchmark: Rego evaluation time of the 2.2.2.x / 3.6.a / 3.9 packages on a
generated contract year, and how 2.2.2.1 (7x24 roster without gaps) and 3.9 grow with
the number of shifts (8-hour shifts = 1,095 a year; 1-hour shifts = 8,760).

    python benchmarks/bench_baseline.py [--repeat 3]

Input loading is measured apart from evaluation; best of --repeat, the machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from checker import policies
from checker.bundle import load_bundle
from checker.catalogue import load_catalogue, load_params
from checker.check import policy_data
from checker.engine.embedded import EmbeddedEngine
from checker.generate import generate
from checker.store.local import LocalStore

LANE = [
    "2.2.2.1",
    "2.2.2.6",
    "2.2.2.7",
    "2.2.2.8",
    "2.2.2.9",
    "2.2.2.10",
    "2.2.2.11",
    "2.2.2.12",
    "2.2.2.13",
    "2.2.2.14",
    "2.2.2.15",
    "2.2.2.16",
    "3.6.a",
    "3.9",
]


def best(repeat: int, fn: Any) -> float:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return min(out)


def roster(params: dict[str, Any], hours: int) -> dict[str, Any]:
    start = datetime.fromisoformat(params["period"]["start"])
    end = datetime.fromisoformat(params["period"]["end"])
    reg = {"registered_at": (start - timedelta(days=9)).isoformat(), "reference": "R"}
    staff = [
        {
            "staff_id": f"B{n}",
            "role": "ops",
            "organisation_role": "party_b",
            "security_registration": reg,
        }
        for n in range(12)
    ]
    shifts, t = [], start
    while t < end:
        nxt = t + timedelta(hours=hours)
        shifts.append(
            {
                "shift_id": str(len(shifts)),
                "start": t.isoformat(),
                "end": nxt.isoformat(),
                "staff_ids": [f"B{len(shifts) % 12}", f"B{(len(shifts) + 1) % 12}"],
            }
        )
        t = nxt
    return {"kind": "duty_roster", "staff": staff, "shifts": shifts}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    params = load_params()
    packages = {c.id: c.policy for c in load_catalogue() if c.id in LANE}
    engine = EmbeddedEngine()
    engine.load(policies.policy_files(), policy_data(params))
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp) / "year", seed=1)
        doc = load_bundle(LocalStore(Path(tmp) / "year")).policy_input()
    text = json.dumps(doc)
    load = best(args.repeat, lambda: engine._engine.set_input_json(text))
    print(f"input load (whole generated year): {load:.3f} s")
    for clause, pkg in packages.items():
        s = best(args.repeat, lambda p=pkg: engine._evaluate_one(p))
        print(f"{clause:9s} {pkg:45s} {s:.3f} s")
    for hours in (8, 4, 1):
        doc["evidence"]["duty_roster"] = [{"path": "r.json", "data": roster(params, hours)}]
        engine._engine.set_input_json(json.dumps(doc))
        n = len(doc["evidence"]["duty_roster"][0]["data"]["shifts"])
        a = best(args.repeat, lambda: engine._evaluate_one(packages["2.2.2.1"]))
        b = best(args.repeat, lambda: engine._evaluate_one(packages["3.9"]))
        print(f"{hours}-hour shifts ({n:5d} a year): 2.2.2.1 {a:.3f} s, 3.9 {b:.3f} s")


if __name__ == "__main__":
    main()
