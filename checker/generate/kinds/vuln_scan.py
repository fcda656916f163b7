"""vuln_scan: two scan rounds over every host (2.2.1.7: 260 host-scans), with findings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "vuln_scan"
PATH = "security/vuln_scans.json"
ORDER = 10

# Rounds: (label, first day offset from the period start, days the round spans)
ROUNDS = [("R1", 40, 10), ("R2", 220, 10)]
SEVERITIES = [("critical", 0.03), ("high", 0.10), ("medium", 0.32), ("low", 0.25), ("info", 0.30)]
TITLES = {
    "critical": ["OpenSSH regreSSHion race condition", "Apache Log4j RCE (Log4Shell)", "Microsoft SMBv3 RCE"],
    "high": ["OpenSSL denial of service", "Outdated kernel with privilege escalation", "Weak TLS cipher suites enabled"],
    "medium": ["SSH weak MAC algorithms", "HTTP TRACE method enabled", "SMB signing not required"],
    "low": ["ICMP timestamp disclosure", "TCP timestamps enabled"],
    "info": ["OS identification", "Open port enumeration", "Service detection"],
}
CVES = ["CVE-2024-6387", "CVE-2021-44228", "CVE-2020-0796", "CVE-2023-0286", "CVE-2023-48795"]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    scans = []
    for label, offset, span in ROUNDS:
        first = world.start + timedelta(days=offset, hours=1)
        for host in world.hosts:
            started = world.at(rng, first, first + timedelta(days=span))
            findings = []
            for n in range(rng.randint(3, 14)):
                sev = rng.choices([s for s, _ in SEVERITIES], [w for _, w in SEVERITIES])[0]
                f: dict[str, Any] = {
                    "finding_id": f"F{n + 1:03d}",
                    "severity": sev,
                    "tool_severity": {"critical": "4", "high": "3", "medium": "2", "low": "1", "info": "0"}[sev],
                    "title": rng.choice(TITLES[sev]),
                    "plugin_id": str(rng.randint(10000, 199999)),
                    "cve": [rng.choice(CVES)] if sev in ("critical", "high") else [],
                    "cvss_v3": {"critical": 9.8, "high": 7.5, "medium": 5.3, "low": 2.6, "info": None}[sev],
                }
                findings.append(f)
            scans.append(
                {
                    "scan_id": f"{label}-{host.host_id}",
                    "round": f"{world.start.year}-{label}",
                    "host_id": host.host_id,
                    "target": host.ip,
                    "started_at": iso(started),
                    "finished_at": iso(started + timedelta(minutes=rng.randint(8, 90))),
                    "tool": {"name": "Nessus", "version": "10.7.2"},
                    "report_delivered_at": iso(started + timedelta(days=rng.randint(1, 3))),
                    "findings": findings,
                }
            )
    world.shared["scans"] = scans
    return {"kind": KIND, "scans": scans}


def plant(world: World, doc: dict[str, Any]) -> None:
    # Round 2 skipped 4 hosts, and 2 scans were of a host that is not in the inventory.
    scans = doc["scans"]
    dropped = [i for i, s in enumerate(scans) if s["round"].endswith("R2")][:4]
    ghosts = [dict(scans[dropped[0]], scan_id="R2-ghost-1", host_id="h9901", target="10.99.0.1"),
              dict(scans[dropped[1]], scan_id="R2-ghost-2", host_id="h9902", target="10.99.0.2")]
    doc["scans"] = [s for i, s in enumerate(scans) if i not in dropped] + ghosts
    world.shared["scans"] = doc["scans"]
    n = len(doc["scans"])
    world.breach("2.2.1.7", "4 hosts not scanned in round 2; 2 scans of hosts outside the inventory not counted",
                 f"{PATH}#/scans/{n - 2}")
    # 并反馈相关结果: the results of one round-1 scan never reached Party A.
    scans = doc["scans"]
    scans[0].pop("report_delivered_at", None)
    world.breach("2.2.1.7", f"scan {scans[0]['scan_id']}: results never reported to Party A, not counted",
                 f"{PATH}#/scans")
    # One scan listed again under a second round label (same scan): it counts once.
    copy = dict(scans[1], round=f"{world.start.year}-R2")
    scans.append(copy)
    world.breach("2.2.1.7", f"scan {copy['scan_id']} listed again under round {copy['round']}: counted once",
                 f"{PATH}#/scans")
    # One host scanned twice more beyond the agreed two scans per host: not counted.
    extra_of = scans[10]  # a host scanned in both rounds
    for n in (1, 2):
        started = parse(extra_of["started_at"]) + timedelta(days=100 * n)
        scans.append(dict(extra_of, scan_id=f"R3-{n}-{extra_of['host_id']}", round=f"{world.start.year}-R3",
                          started_at=iso(started), finished_at=iso(started + timedelta(minutes=30)),
                          report_delivered_at=iso(started + timedelta(days=1))))
    world.breach("2.2.1.7", f"host {extra_of['host_id']} scanned 4 times, 2 agreed: 2 beyond the schedule not counted",
                 f"{PATH}#/scans")
    world.shared["scans"] = scans
