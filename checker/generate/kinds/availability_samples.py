"""availability_samples: per-minute probes of every information system (3.4.a, 3.6.a).

Scale 1 = one probe per system sampled every minute of the year: 7 x 525,600 = 3.7 million
samples; scale X gives X probes per system. Samples agree with the outage records ('0'
while a system is down, planned maintenance included — the policy takes approved windows
out), with a few isolated missed samples ('-') well under the 3.6.a gap tolerance.
Breaches: probe data follow the planted outages; one probe of S4 loses 40 minutes of
samples (a 3.6.a monitoring gap); S1's probe stops three days before the end of the term
(a gap, not silence: 3.4.a and 3.6.a); S7 gets a second probe on the same grid, and both
probes see the same 30 unrecorded minutes down (counted once: S7 stays within 99.99%,
where adding the probes up would have failed it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "availability_samples"
PATH = "sla/availability_samples.json"
ORDER = 31
STEP = 60


def _index(world: World, at: datetime) -> int:
    return int((at - world.start).total_seconds()) // STEP


def _values(world: World, system_id: str, n: int, missed: list[int]) -> str:
    buf = bytearray(b"1" * n)
    for o in world.shared["outages"]["outages"]:
        if system_id in o["system_ids"]:
            lo = max(0, _index(world, parse(o["started_at"])))
            hi = min(n, -(-int((parse(o["ended_at"]) - world.start).total_seconds()) // STEP))
            if hi > lo:
                buf[lo:hi] = b"0" * (hi - lo)
    for i in missed:
        buf[i] = ord("-")
    return buf.decode()


def _series(world: World) -> list[dict[str, Any]]:
    rng = world.rng_for(KIND)
    n = int((world.end - world.start).total_seconds()) // STEP
    probes = world.scaled(1)
    out = []
    for system in world.systems:
        for p in range(probes):
            missed = [rng.randrange(n) for _ in range(rng.randint(2, 6))]
            out.append({
                "series_id": f"{system['id']}-probe-{p + 1}",
                "system_id": system["id"],
                "labels": {"__name__": "probe_success", "job": "blackbox", "instance": f"{system['id'].lower()}-probe-{p + 1}"},
                "start": iso(world.start),
                "step_seconds": STEP,
                "values": _values(world, system["id"], n, missed),
                "_missed": missed,
            })
    return out


def generate(world: World) -> dict[str, Any]:
    series = _series(world)
    world.shared["sample_misses"] = {s["series_id"]: s.pop("_missed") for s in series}
    return {"kind": KIND, "series": series}


def plant(world: World, doc: dict[str, Any]) -> None:
    # follow the planted outages, then drop 40 minutes of one S4 probe's samples
    n = int((world.end - world.start).total_seconds()) // STEP
    for s in doc["series"]:
        s["values"] = _values(world, s["system_id"], n, world.shared["sample_misses"][s["series_id"]])
    i = next(i for i, s in enumerate(doc["series"]) if s["system_id"] == "S4")
    lo = _index(world, world.start) + 200 * 24 * 60 + 600
    values = doc["series"][i]["values"]
    doc["series"][i]["values"] = values[:lo] + "-" * 40 + values[lo + 40:]
    world.breach("3.6.a", "probe S4-probe-1 took no sample for 40 minutes", f"{PATH}#/series/{i}/values")
    # S1: the probe stops three days before the end of the term
    i = next(i for i, s in enumerate(doc["series"]) if s["system_id"] == "S1")
    cut = n - 3 * 24 * 60
    doc["series"][i]["values"] = doc["series"][i]["values"][:cut]
    world.breach(
        "3.4.a",
        "S1's only probe stops 3 days before the end of the term (4,320 min unobserved)",
        f"{PATH}#/series/{i}/values",
    )
    world.breach("3.6.a", "S1's probe stops 3 days before the end of the term", f"{PATH}#/series/{i}/values")
    # the last system (S7 of this contract): a second probe on the same grid; both see 30
    # unrecorded minutes down
    last = world.systems[-1]["id"]
    i = next(i for i, s in enumerate(doc["series"]) if s["system_id"] == last)
    lo = 250 * 24 * 60 + 9 * 60
    first = doc["series"][i]
    first["values"] = first["values"][:lo] + "0" * 30 + first["values"][lo + 30:]
    second = {
        **first,
        "series_id": "S7-probe-extra",
        "labels": {**first["labels"], "instance": "s7-probe-extra"},
    }
    doc["series"].insert(i + 1, second)
