"""confidential_disposal: what Party B did with Party A's confidential information (A4.6.1,
A4.6.3): during the term, failed disks destroyed under Party A's standing instruction;
after the end of the service period, Party A's written instructions (hand back the
system documentation, destroy local copies and backups) carried out before their due
days, each confirmed by Party A.

Breach: printed ops documents thrown away during the term without any permission.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "confidential_disposal"
PATH = "governance/confidential_disposal.json"
ORDER = 77
ROLE = "information centre security officer"


def _instruction(iid: str, action: str, scope: str, at: Any, due_days: int) -> dict[str, Any]:
    return {
        "instruction_id": iid,
        "action": action,
        "scope": scope,
        "due_on": (at + timedelta(days=due_days)).date().isoformat(),
        "approval": written_approval("party_a", ROLE, iid, at),
    }


def _disposal(did: str, iid: str | None, action: str, at: Any, method: str, confirmed: bool) -> dict[str, Any]:
    return {
        "disposal_id": did,
        "instruction_id": iid,
        "action": action,
        "performed_at": iso(at),
        "method": method,
        "certificate_ref": f"{did}-CERT",
        "confirmation": written_approval("party_a", ROLE, f"{did}-CONF", at + timedelta(hours=2)) if confirmed else None,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    standing = world.start + timedelta(days=20, hours=10)
    during = world.start + timedelta(days=rng.randint(60, 250), hours=14)
    after = world.end + timedelta(days=5, hours=10)
    instructions = [
        _instruction("EI-0", "destroy", "failed disks replaced during the term", standing, 360),
        _instruction("EI-1", "hand_back", "system documentation, topology drawings, account lists", after, 15),
        _instruction("EI-2", "destroy", "local copies, working backups and ops notes", after, 20),
    ]
    disposals = [
        _disposal("DS-0", "EI-0", "destroyed", during, "degaussing and physical shredding", True),
        _disposal("DS-1", "EI-1", "handed_back", after + timedelta(days=4), "hand-over list, signed receipt", True),
        _disposal("DS-2", "EI-2", "destroyed", after + timedelta(days=9), "NIST SP 800-88 purge", True),
    ]
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "ops_work_ended_on": None,
        "instructions": instructions,
        "disposals": disposals,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    at = world.start + timedelta(days=rng.randint(100, 200), hours=18)
    doc["disposals"].append(_disposal("DS-91", None, "discarded", at, "office waste bin", False))
    world.breach(
        "A4.6.1",
        "printed ops documents discarded without Party A's written permission (A4.6.3)",
        f"{PATH}#/disposals/{len(doc['disposals']) - 1}",
    )
