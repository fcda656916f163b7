"""ip_handover: the hand-over of every document deliverable of 第六条 3 with its rights
(11.4): each document is handed over when delivered, names Party A as owner, keeps no
right of Party B, and Party A signs the hand-over form at the next monthly project meeting
(the 20th). Reads the deliverables register as the deliverables kind writes it.

Breach: the hand-over of one monthly report keeps Party B's copyright and a reuse licence.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from checker.generate.kinds import deliverables
from checker.generate.kinds.acceptance import export_time
from checker.generate.world import ZONE, World, written_approval

KIND = "ip_handover"
PATH = "deliverables/ip_handover.json"
ORDER = 73
MEETING_DAY = 20


def _meeting_after(ts: str) -> datetime:
    """15:00 on the next meeting day (the 20th) at or after ts."""
    t = datetime.fromisoformat(ts).astimezone(ZONE)
    day = t.replace(day=MEETING_DAY, hour=15, minute=0, second=0)
    if day < t:
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=MEETING_DAY)
    return day


def _documents(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out = [doc["implementation_plan"], *doc["monthly_reports"], *doc["special_reports"]]
    if doc["summary_report"]:
        out.append(doc["summary_report"])
    return [d for d in out if d]


def generate(world: World) -> dict[str, Any]:
    handovers = []
    for d in _documents(deliverables.generate(world)):
        handovers.append(
            {
                "doc_id": d["doc_id"],
                "handed_over_at": d["delivered_at"],
                "format": "editable source (docx/xlsx) and PDF",
                "ip_owner": "party_a",
                "retained_rights": [],
                "pre_existing_materials": [],
                "receipt": written_approval(
                    "party_a", "information centre project lead", f"IPH-{d['doc_id']}", _meeting_after(d["delivered_at"])
                ),
            }
        )
    return {"kind": KIND, "as_of": export_time(world), "handovers": handovers}


def plant(world: World, doc: dict[str, Any]) -> None:
    i = next(k for k, h in enumerate(doc["handovers"]) if h["doc_id"].startswith("MR-"))
    i += 2
    doc["handovers"][i]["retained_rights"] = [
        {"right": "copyright of Party B", "note": "report template footer: (c) Party B, all rights reserved"},
        {"right": "reuse licence", "note": "Party B may reuse the report in other projects"},
    ]
    world.breach(
        "11.4",
        f"hand-over of {doc['handovers'][i]['doc_id']} keeps Party B's copyright and a reuse licence",
        f"deliverables/deliverables.json#/monthly_reports/{i - 1}",
    )
