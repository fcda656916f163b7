"""certifications: MLPS evaluations (3.4.c) and the third-party cybersecurity review
(10.2.3) of the platform.

The level-3 evaluation is renewed yearly with a few days of overlap; the review is valid
three years. Breaches: the renewal takes effect late (a gap of 3.4.c), the review expires
two months before the period ends (10.2.3).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "certifications"
PATH = "platform/certifications.json"
ORDER = 52


def _cert(
    cert_id: str, type_: str, valid_from: date, valid_until: date, **extra: Any
) -> dict[str, Any]:
    return {
        "cert_id": cert_id,
        "type": type_,
        "scope": "platform",
        "issuer_role": "mlps_evaluation_agency"
        if type_ == "mlps_evaluation"
        else "cybersecurity_review_body",
        "issued_on": (valid_from - timedelta(days=5)).isoformat(),
        "valid_from": valid_from.isoformat(),
        "valid_until": valid_until.isoformat(),
        "conclusion": "pass",
        **extra,
    }


def generate(world: World) -> dict[str, Any]:
    level = int(world.params["duties"]["mlps_level"])
    start = world.start.date()
    first_from = start - timedelta(days=287)
    renewal = first_from + timedelta(days=365 - 10)
    return {
        "kind": KIND,
        "as_of": iso(world.end),
        "certificates": [
            _cert(
                f"MLPS-{first_from.year}-0917",
                "mlps_evaluation",
                first_from,
                first_from + timedelta(days=364),
                level=level,
            ),
            _cert(
                f"MLPS-{renewal.year}-1102",
                "mlps_evaluation",
                renewal,
                renewal + timedelta(days=364),
                level=level,
            ),
            _cert(
                "CSR-2024-031",
                "cybersecurity_review",
                start - timedelta(days=450),
                start + timedelta(days=3 * 365 - 450),
            ),
        ],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    first, renewal, review = doc["certificates"]
    lapse_from = date.fromisoformat(first["valid_until"]) + timedelta(days=1)
    late = lapse_from + timedelta(days=12)
    renewal.update(valid_from=late.isoformat(), issued_on=late.isoformat())
    world.breach(
        "3.4.c",
        f"MLPS evaluation lapsed from {lapse_from} until the renewal took effect on {late}",
        f"{PATH}#/certificates",
    )
    end = (world.end - timedelta(days=62)).date()
    review["valid_until"] = end.isoformat()
    world.breach(
        "10.2.3",
        f"cybersecurity review expired on {end}, before the period ended",
        f"{PATH}#/certificates",
    )
