"""antivirus: agents under central control and a scan run per host per interval (2.2.1.5)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "antivirus"
PATH = "security/antivirus.json"
ORDER = 10

# Windows and the domestic commercial OSes run an enterprise EDR; open-source hosts ClamAV.
PRODUCTS = {"commercial": ("QAX Tianqing", "10.0.3"), "open_source": ("ClamAV", "1.3.1")}
SIGNATURES = ["Win.Trojan.Agent-1234", "Unix.Malware.Mirai-7654", "Txt.Webshell.PHP-42"]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    interval = timedelta(days=int(world.params["services"]["2.2.1.5"]["scan_interval_days"]))
    agents, runs = [], []
    for host in world.hosts:
        product, version = PRODUCTS[host.family]
        agents.append(
            {
                "host_id": host.host_id,
                "product": product,
                "version": version,
                "centrally_managed": True,
                "status": "active",
                "signature_date": (world.end - timedelta(days=1)).date().isoformat(),
            }
        )
        # a weekly schedule: the same slot (day and hour) in every interval
        slot = timedelta(hours=rng.randrange(int(interval.total_seconds() // 3600) - 4))
        k = 0
        while (started := world.start + k * interval + slot) < world.end:
            infected = 1 if rng.random() < 0.004 else 0
            run: dict[str, Any] = {
                "run_id": f"AV-{host.host_id}-{k + 1:03d}",
                "host_id": host.host_id,
                "started_at": iso(started),
                "finished_at": iso(started + timedelta(minutes=rng.randint(12, 95))),
                "files_scanned": rng.randint(80_000, 400_000),
                "infected": infected,
                "result": "cleaned" if infected else "clean",
                "tool": {"name": product, "version": version},
            }
            if infected:
                run["detections"] = [
                    {
                        "path": "/tmp/.cache/x",
                        "signature": rng.choice(SIGNATURES),
                        "action": "quarantined",
                    }
                ]
            runs.append(run)
            k += 1
    return {"kind": KIND, "agents": agents, "runs": runs}


def plant(world: World, doc: dict[str, Any]) -> None:
    # Host A's agent was taken out of central control; host B skipped two weekly scans.
    a = 3 % len(doc["agents"])
    doc["agents"][a]["centrally_managed"] = False
    world.breach(
        "2.2.1.5",
        "antivirus agent outside central control: host not counted",
        f"{PATH}#/agents/{a}",
    )
    b = 5 % len(doc["agents"])
    victim = doc["agents"][b]["host_id"]
    skipped = {f"AV-{victim}-020", f"AV-{victim}-021"}
    doc["runs"] = [r for r in doc["runs"] if r["run_id"] not in skipped]
    world.breach(
        "2.2.1.5",
        f"host {victim} has no scan run in 2 weekly intervals: not counted",
        f"{PATH}#/agents/{b}",
    )
