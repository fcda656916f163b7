"""security_records: a device access audit and an egress monitoring record for every
service month (2.2.2.6, 2.2.2.7), delivered early in the following month."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "security_records"
PATH = "security/monthly_records.json"
ORDER = 20


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    records = []
    for start, end in world.months():
        label = f"{start.year}-{start.month:02d}"
        delivered = end + timedelta(days=rng.randint(1, 4), hours=10)
        records.append(
            {
                "record_id": f"AUD-{label}",
                "type": "device_access_audit",
                "month": label,
                "delivered_at": iso(delivered),
                "summary": {
                    "access_records": rng.randint(3000, 9000),
                    "security_events": rng.randint(0, 6),
                },
                "tool": {"name": "bastion audit", "version": "5.2"},
            }
        )
        records.append(
            {
                "record_id": f"EGR-{label}",
                "type": "egress_monitoring",
                "month": label,
                "delivered_at": iso(delivered + timedelta(hours=2)),
                "summary": {
                    "egress_peak_mbps": round(rng.uniform(300, 1800), 1),
                    "alerts": rng.randint(0, 12),
                },
                "tool": {"name": "egress flow monitor", "version": "3.1"},
            }
        )
    return {"kind": KIND, "records": records}


def plant(world: World, doc: dict[str, Any]) -> None:
    records = doc["records"]
    month5 = next(
        i
        for i, r in enumerate(records)
        if r["type"] == "device_access_audit" and r["record_id"].endswith("-01")
    )
    label = records[month5]["month"]
    records[month5]["delivered_at"] = iso(world.months()[4][0] - timedelta(days=2))
    world.breach(
        "2.2.2.6",
        f"device access audit for {label} dated before the month began",
        f"{PATH}#/records/{month5}",
    )
    egress = [i for i, r in enumerate(records) if r["type"] == "egress_monitoring"]
    gone = records.pop(egress[7])
    world.breach("2.2.2.7", f"no egress monitoring record for {gone['month']}", f"{PATH}#/records")
