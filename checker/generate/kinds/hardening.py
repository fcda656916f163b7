"""hardening: one hardening per scan (2.2.1.8: 260), closing its high and critical findings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "hardening"
PATH = "security/hardenings.json"
ORDER = 20  # after vuln_scan, whose scans it answers

JUSTIFICATIONS = [
    "Service not reachable: port closed at the security group; vendor fix in the next release",
    "Compensating control: access only through the bastion host; upgrade breaks the application",
    "False positive: the backported patch is installed (package changelog checked)",
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    close = set(world.params["services"]["2.2.1.8"]["close_severities"])
    hardenings = []
    for n, scan in enumerate(world.shared["scans"]):
        performed = parse(scan["finished_at"]) + timedelta(
            days=rng.randint(1, 10), hours=rng.randint(0, 8)
        )
        items = []
        for f in scan["findings"]:
            if f["severity"] in close:
                if rng.random() < 0.85:
                    items.append({"finding_id": f["finding_id"], "outcome": "fixed"})
                else:
                    items.append(
                        {
                            "finding_id": f["finding_id"],
                            "outcome": "justified",
                            "justification": rng.choice(JUSTIFICATIONS),
                        }
                    )
            elif f["severity"] == "medium" and rng.random() < 0.5:
                items.append({"finding_id": f["finding_id"], "outcome": "fixed"})
        hardenings.append(
            {
                "hardening_id": f"HD-{n + 1:04d}",
                "host_id": scan["host_id"],
                "scan_id": scan["scan_id"],
                "performed_at": iso(performed),
                "tool": {"name": "Ansible", "version": "2.16.6"},
                "items": items,
            }
        )
    return {"kind": KIND, "hardenings": hardenings}


def plant(world: World, doc: dict[str, Any]) -> None:
    close = set(world.params["services"]["2.2.1.8"]["close_severities"])
    scans = {s["scan_id"]: s for s in world.shared["scans"]}
    hs = doc["hardenings"]
    # 1. A hardening left a high/critical finding of its scan open.
    for i, h in enumerate(hs):
        scan = scans.get(h["scan_id"])
        if scan and any(f["severity"] in close for f in scan["findings"]):
            fid = next(f["finding_id"] for f in scan["findings"] if f["severity"] in close)
            h["items"] = [
                {"finding_id": fid, "outcome": "open"} if it["finding_id"] == fid else it
                for it in h["items"]
            ]
            world.breach(
                "2.2.1.8",
                "hardening leaves a high/critical finding of its scan open: not counted",
                f"{PATH}#/hardenings/{i}",
            )
            break
    # 2. A hardening that cites no scan (a routine change, not an answer to a scan).
    untied = len(hs) // 2 - 1  # the last host's round-1 hardening
    hs[untied]["scan_id"] = None
    world.breach(
        "2.2.1.8", "hardening not tied to any scan: not counted", f"{PATH}#/hardenings/{untied}"
    )
    # 3. A hardening "on an MLPS evaluation finding" citing an evaluation that is not in
    #    the certifications evidence: not verifiable, not counted.
    hs.append(
        {
            "hardening_id": f"HD-{len(hs) + 1:04d}",
            "host_id": hs[0]["host_id"],
            "scan_id": None,
            "evaluation_finding": {"evaluation_id": "MLPS-TENANT-UNKNOWN", "finding_id": "8.1.4.2-03"},
            "performed_at": hs[0]["performed_at"],
            "tool": {"name": "Ansible", "version": "2.16.6"},
            "items": [{"finding_id": "8.1.4.2-03", "outcome": "fixed"}],
        }
    )
    world.breach(
        "2.2.1.8",
        "hardening cites an MLPS evaluation that is not in the certifications evidence: not counted",
        f"{PATH}#/hardenings/{len(hs) - 1}",
    )
