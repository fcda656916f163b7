"""media_removals: media carrying Party A's information taken off Party A's site
(A4.5.6): failed disks sent for warranty repair, encrypted backup tapes, an engineer's
laptop for an off-site analysis; each with Party A's written permission signed the day
before and encrypted.

Breach: a USB drive with system logs taken off site with permission but unencrypted.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "media_removals"
PATH = "security/media_removals.json"
ORDER = 76
PER_YEAR = 6
MEDIA = [
    ("disk", "failed data disk sent for warranty replacement", "SM4 full-disk encryption (self-encrypting drive)"),
    ("tape", "backup tape to the off-site vault", "AES-256 tape encryption, key held by Party A"),
    ("laptop", "engineer laptop with an incident analysis copy", "SM4 full-disk encryption"),
]


def _removal(world: World, n: int, at: Any, medium: tuple[str, str, str], encrypted: bool) -> dict[str, Any]:
    ref = f"MEDIA-PERMIT-{n:02d}"
    return {
        "removal_id": f"MRM-{n:02d}",
        "medium": {"type": medium[0], "label": f"{medium[0].upper()}-{at:%Y%m%d}-{n:02d}"},
        "removed_at": iso(at),
        "carried_by": "ST-02",
        "purpose": medium[1],
        "permission": written_approval("party_a", "information centre security officer", ref, at - timedelta(hours=20)),
        "encryption": {"encrypted": True, "method": medium[2], "checked_by_role": "party_a_gate_security"}
        if encrypted
        else {"encrypted": False, "method": ""},
        "returned_at": None,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    times = sorted(
        world.at(rng, world.start + timedelta(days=5), world.end - timedelta(days=5))
        for _ in range(world.scaled(PER_YEAR))
    )
    removals = [_removal(world, n, at, MEDIA[(n - 1) % len(MEDIA)], True) for n, at in enumerate(times, 1)]
    return {"kind": KIND, "as_of": export_time(world), "removals": removals}


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    at = world.at(rng, world.start + timedelta(days=200), world.start + timedelta(days=230))
    r = _removal(world, 91, at, ("usb_drive", "system logs for an off-site review", ""), False)
    doc["removals"].append(r)
    world.breach(
        "A4.5.6",
        f"USB drive {r['medium']['label']} with logs taken off Party A's site unencrypted",
        f"{PATH}#/removals/{len(doc['removals']) - 1}",
    )
