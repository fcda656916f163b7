"""The synthetic contract year every kind generator draws from.

Everything derives from one `random.Random(seed)`, so the same seed, scale and flags give
byte-identical bundles. Generators must draw from `world.rng_for(kind)` (an independent
stream per kind) so adding a kind never changes another kind's output.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Shanghai")

# Real-world OS names per family (第二条 2(1) 第1-2项 names Windows Server, Kylin and UOS).
COMMERCIAL_OS = [("Windows Server", "2019"), ("Windows Server", "2022"), ("Kylin", "V10 SP3"), ("UOS", "20 1070")]
OPEN_SOURCE_OS = [("Rocky Linux", "9.4"), ("openEuler", "22.03 LTS SP3"), ("Debian", "12")]


def iso(dt: datetime) -> str:
    return dt.astimezone(ZONE).isoformat(timespec="seconds")


def parse(ts: str) -> datetime:
    return datetime.fromisoformat(ts)


@dataclass(frozen=True)
class Breach:
    """A planted violation: the clause it breaks and what a reader should find."""

    clause: str
    description: str
    evidence: str = ""  # bundle path + pointer, when known

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "description": self.description, "evidence": self.evidence}


@dataclass
class Host:
    host_id: str
    hostname: str
    ip: str
    system_id: str
    os_name: str
    os_version: str
    family: str  # commercial | open_source


@dataclass
class World:
    seed: int
    scale: float
    params: dict[str, Any]
    breaches_enabled: bool
    hosts: list[Host] = field(default_factory=list)
    breaches: list[Breach] = field(default_factory=list)
    shared: dict[str, Any] = field(default_factory=dict)  # facts one kind leaves for another

    @property
    def start(self) -> datetime:
        return parse(self.params["period"]["start"])

    @property
    def end(self) -> datetime:
        return parse(self.params["period"]["end"])

    @property
    def systems(self) -> list[dict[str, Any]]:
        return list(self.params["systems"])

    def rng_for(self, name: str) -> random.Random:
        digest = hashlib.sha256(f"{self.seed}:{self.scale}:{name}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def scaled(self, n: float) -> int:
        return max(1, round(n * self.scale))

    def quantity(self, clause: str) -> int:
        return int(self.params["services"][clause]["quantity"])

    def months(self) -> list[tuple[datetime, datetime]]:
        """(first instant, next month's first instant) of each service month."""
        out = []
        cur = self.start
        for _ in range(int(self.params["period"]["months"])):
            month = cur.month % 12 + 1
            nxt = cur.replace(year=cur.year + (cur.month == 12), month=month)
            out.append((cur, min(nxt, self.end)))
            cur = nxt
        return out

    def at(self, rng: random.Random, lo: datetime, hi: datetime) -> datetime:
        """A random instant in [lo, hi), whole seconds."""
        span = int((hi - lo).total_seconds())
        return lo + timedelta(seconds=rng.randrange(max(1, span)))

    def breach(self, clause: str, description: str, evidence: str = "") -> None:
        self.breaches.append(Breach(clause, description, evidence))


def build_world(seed: int, scale: float, params: dict[str, Any], breaches: bool) -> World:
    world = World(seed, scale, params, breaches)
    rng = world.rng_for("hosts")
    commercial = world.scaled(world.quantity("2.2.1.1"))
    open_source = world.scaled(world.quantity("2.2.1.2"))
    system_ids = [s["id"] for s in params["systems"]]
    for i in range(commercial + open_source):
        family = "commercial" if i < commercial else "open_source"
        name, version = rng.choice(COMMERCIAL_OS if family == "commercial" else OPEN_SOURCE_OS)
        system = system_ids[i % len(system_ids)]
        world.hosts.append(
            Host(
                host_id=f"h{i + 1:04d}",
                hostname=f"{system.lower()}-{'win' if name.startswith('Windows') else 'lx'}-{i + 1:04d}",
                ip=f"10.{20 + int(system[1:])}.{(i // 250) % 250}.{i % 250 + 2}",
                system_id=system,
                os_name=name,
                os_version=version,
                family=family,
            )
        )
    return world


def written_approval(org: str, role: str, ref: str, at: datetime) -> dict[str, Any]:
    """A signed written approval / consent / request / receipt
    (common.schema.json#/$defs/written_approval): the organisation and the signatory's role,
    when, and the signed original (a scanned, sealed letter; its digest stands in for one)."""
    return {
        "ref": ref,
        "organisation_role": org,
        "role": role,
        "signed_at": iso(at),
        "signature": {
            "method": "seal",
            "reference": f"letters/{ref}.pdf",
            "sha256": hashlib.sha256(f"{org}:{ref}:{iso(at)}".encode()).hexdigest(),
        },
    }
