"""restart_records: Party A's restart requests and the restarts done for them (9.9).

Most requests are written; some come by phone (a phone request is valid: Party B MAY ask
for proof, it need not), and for a few Party B asks for a written request first and
restarts once it arrives. Every restart follows its request within the agreed minutes.

Breaches: a restart without any request (9.9) and a request carried out too late (9.9).
This module also writes the 9.13 progress reports into the fault tickets of the
`tickets` kind (world.shared["tickets"] is that document's list; tickets generates and
plants first, ORDER 40): a report to Party A at most every
duties.fault_progress_interval_minutes while a fault is open. It plants the 9.13 breaches
there: a cleared ticket whose written fault report is missing, and a long fault with no
progress report.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "restart_records"
PATH = "service/restarts.json"
ORDER = 56
PER_YEAR = 36
TICKETS_PATH = "service/tickets.json"


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    limit = int(world.params["duties"]["restart_within_minutes"])
    times = sorted(
        world.at(rng, world.start + timedelta(days=1), world.end - timedelta(days=1))
        for _ in range(world.scaled(PER_YEAR))
    )
    requests, restarts = [], []
    for i, received in enumerate(times):
        host = rng.choice(world.hosts)
        roll = rng.random()
        channel = "written" if roll < 0.6 else "phone"
        request: dict[str, Any] = {
            "request_id": f"REQ-{received:%Y%m%d}-{i + 1:03d}",
            "host_id": host.host_id,
            "system_id": host.system_id,
            "requested_by_role": "party_a",
            "received_at": iso(received),
            "channel": channel,
            "identity_verified": channel == "phone" and roll < 0.9,
        }
        start = received
        if roll >= 0.9:  # Party B asks for a written request first (its right under 9.9)
            start = received + timedelta(minutes=rng.randint(20, 90))
            request["proof_asked_at"] = iso(received + timedelta(minutes=rng.randint(1, 5)))
            request["proof_received_at"] = iso(start)
        requests.append(request)
        restarts.append(
            {
                "restart_id": f"RST-{received:%Y%m%d}-{i + 1:03d}",
                "host_id": host.host_id,
                "system_id": host.system_id,
                "performed_at": iso(start + timedelta(minutes=rng.randint(3, limit - 5))),
                "request_id": request["request_id"],
            }
        )
    tickets: list[dict[str, Any]] | None = world.shared.get("tickets")
    for t in tickets or []:
        _report_progress(world, t)
    return {"kind": KIND, "as_of": iso(world.end), "requests": requests, "restarts": restarts}


def _report_progress(world: World, ticket: dict[str, Any]) -> None:
    """Progress reports every (interval - 5) minutes from the report until clearing."""
    interval = int(world.params["duties"]["fault_progress_interval_minutes"])
    start = parse(ticket["reported_at"])
    end = parse(ticket["resolved_at"]) if ticket.get("resolved_at") else world.end
    updates, at = [], start + timedelta(minutes=interval - 5)
    while at < end:
        updates.append({"at": iso(at), "note": "进度反馈 progress reported to Party A"})
        at += timedelta(minutes=interval - 5)
    ticket["progress_updates"] = updates


def _used_tickets(world: World) -> set[str]:
    prefix = f"{TICKETS_PATH}#/tickets/"
    return {b.evidence for b in world.breaches if b.evidence.startswith(prefix)}


def plant(world: World, doc: dict[str, Any]) -> None:
    i = len(doc["restarts"]) // 2
    doc["restarts"][i]["request_id"] = None
    world.breach(
        "9.9",
        f"restart {doc['restarts'][i]['restart_id']} without a request from Party A",
        f"{PATH}#/restarts/{i}",
    )
    # the request it answered now has no restart: drop it, so one breach stays one
    doc["requests"] = [q for k, q in enumerate(doc["requests"]) if k != i]
    limit = int(world.params["duties"]["restart_within_minutes"])
    j = len(doc["requests"]) // 3
    q = doc["requests"][j]
    r = next(x for x in doc["restarts"] if x["request_id"] == q["request_id"])
    start = parse(q.get("proof_received_at") or q["received_at"])
    r["performed_at"] = iso(start + timedelta(minutes=limit + 12))
    world.breach(
        "9.9",
        f"request {q['request_id']} of Party A carried out {limit + 12} minutes later (limit {limit})",
        f"{PATH}#/requests/{j}",
    )
    tickets: list[dict[str, Any]] | None = world.shared.get("tickets")
    if not tickets:
        return
    for t in tickets:  # other clauses' planted tickets moved in time: report their progress
        _report_progress(world, t)
    used = _used_tickets(world)
    j = next(
        k
        for k in range(len(tickets) // 2, len(tickets))
        if f"{TICKETS_PATH}#/tickets/{k}" not in used and tickets[k].get("resolved_at")
    )
    tickets[j]["closing_report"] = None
    world.breach(
        "9.13",
        f"ticket {tickets[j]['ticket_id']} was cleared but has no written fault report",
        f"{TICKETS_PATH}#/tickets/{j}",
    )
    interval = int(world.params["duties"]["fault_progress_interval_minutes"])
    used = _used_tickets(world)
    long_open = [
        k
        for k in range(len(tickets))
        if f"{TICKETS_PATH}#/tickets/{k}" not in used
        and tickets[k].get("resolved_at")
        and parse(tickets[k]["resolved_at"]) - parse(tickets[k]["reported_at"]) > timedelta(minutes=interval)
    ]
    if not long_open:  # every long fault is another clause's planted breach: say so, plant none
        return
    k = long_open[len(long_open) // 2]
    tickets[k]["progress_updates"] = []
    world.breach(
        "9.13",
        f"ticket {tickets[k]['ticket_id']} was open more than {interval} minutes with no progress report to Party A",
        f"{TICKETS_PATH}#/tickets/{k}",
    )
