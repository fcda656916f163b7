"""attestations: signed statements for the clauses no record can show (2.2.2.2, 2.2.2.4,
2.2.2.5, 3.1, 3.5, 3.7, 9.19), stated by Party B and confirmed by Party A after the
period ended. Roles only, never names."""

from __future__ import annotations

from typing import Any

from checker.generate.world import World, iso

KIND = "attestations"
PATH = "attestations/attestations.json"
ORDER = 90

STATEMENTS = [
    (
        "ATT-ROOM",
        ["2.2.2.2", "2.2.2.4", "2.2.2.5"],
        "Machine-room equipment management and security control, physical access control with "
        "monitoring, and fire, theft and lightning protection were in place for the whole "
        "service period.",
    ),
    (
        "ATT-OPS",
        ["3.1", "3.5"],
        "Party B operated the cloud resources, assisted the migration of Party A's systems, and "
        "provided dynamic resource adjustment including free short-term expansion at peak times.",
    ),
    (
        "ATT-HOTLINE",
        ["3.7"],
        "A 7x24 technical hotline was available by telephone, email and instant messaging.",
    ),
    (
        "ATT-SUBCONTRACT",
        ["9.19"],
        "No part of the contracted service was subcontracted to a third party.",
    ),
]


def _signature() -> dict[str, str]:
    """What the record states; the checker verifies the detached signature itself
    (checker/generate/signing.py signs the file with the example keys)."""
    return {"method": "ed25519", "reference": PATH + ".sig"}


def generate(world: World) -> dict[str, Any]:
    signed = iso(world.end)  # the moment the period ends: the earliest it can be vouched for
    attestations = []
    for att_id, clauses, statement in STATEMENTS:
        attestations.append(
            {
                "attestation_id": att_id,
                "clauses": clauses,
                "statement": statement,
                "attested_at": signed,
                "covers": {
                    "start": world.params["period"]["start"],
                    "end": world.params["period"]["end"],
                },
                "signatories": [
                    {
                        "organisation_role": org,
                        "role": role,
                        "signed_at": signed,
                        "signature": _signature(),
                    }
                    for org, role in (
                        ("party_b", "project manager"),
                        ("party_a", "operations director"),
                    )
                ],
            }
        )
    return {"kind": KIND, "attestations": attestations}
