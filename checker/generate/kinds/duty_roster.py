"""duty_roster: three 8-hour shifts a day over the whole period (2.2.2.1), reinforced
to two or three registered staff on public holidays and Party A's major events (3.9);
every shift has an on-site and a technical-support engineer (3.8.d, the `role` map)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from checker.generate.world import World, iso, parse
from checker.holidays import holidays_in_period

KIND = "duty_roster"
PATH = "duty/roster.json"
ORDER = 20
STAFF = 12
SHIFT_HOURS = 8


def _reinforced_windows(world: World) -> list[tuple[datetime, datetime]]:
    out = [(parse(h["start"]), parse(h["end"])) for h in holidays_in_period(world.params) or []]
    out += [
        (parse(e["start"]), parse(e["end"]))
        for e in world.shared.get("major_events", [])
        if e["declared_by"]["organisation_role"] == "party_a"
    ]
    return out


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    roles_rng = world.rng_for(f"{KIND}.role")
    need = int(world.params["baseline"]["reinforced_min_staff"])
    staff = [
        {
            "staff_id": f"B-OPS-{n:03d}",
            "role": "security engineer" if n % 4 == 0 else "operations engineer",
            "organisation_role": "party_b",
            "security_registration": {
                "registered_at": iso(world.start - timedelta(days=rng.randint(5, 60))),
                "reference": f"SEC-REG-{world.start.year}-{n:03d}",
                "revoked_at": None,
            },
        }
        for n in range(1, STAFF + 1)
    ]
    ids = [s["staff_id"] for s in staff]
    windows = _reinforced_windows(world)
    shifts: list[dict[str, Any]] = []
    t = world.start
    while t < world.end:
        end = min(t + timedelta(hours=SHIFT_HOURS), world.end)
        busy = any(lo < end and t < hi for lo, hi in windows)
        n = rng.randint(need, need + 1) if busy else rng.randint(2, 3)
        on = rng.sample(ids, n)
        roles = ["onsite", "technical_support"]
        roles += [roles_rng.choice(["onsite", "technical_support"]) for _ in on[2:]]
        shift: dict[str, Any] = {
            "shift_id": f"S{len(shifts) + 1:05d}",
            "start": iso(t),
            "end": iso(end),
            "staff_ids": sorted(on),
            "role": dict(sorted(zip(on, roles, strict=True))),
        }
        if busy:
            shift["occasion"] = "reinforced duty (holiday / major event)"
        shifts.append(shift)
        t = end
    doc = {"kind": KIND, "staff": staff, "shifts": shifts}
    world.shared[KIND] = doc  # read by staff_training (9.4) and major_event_duty (9.11)
    return doc


def _first_shift_at(doc: dict[str, Any], when: datetime) -> int:
    return next(i for i, s in enumerate(doc["shifts"]) if parse(s["start"]) >= when)


def plant(world: World, doc: dict[str, Any]) -> None:
    shifts = doc["shifts"]
    # 2.2.2.1: the night shift of the 70th day was never staffed (an 8-hour gap).
    gap = _first_shift_at(doc, world.start + timedelta(days=70))
    dropped = shifts.pop(gap)
    world.breach(
        "2.2.2.1",
        f"no one on duty {dropped['start']} to {dropped['end']} (shift removed)",
        f"{PATH}#/shifts/{gap - 1}",
    )
    # 2.2.2.1: a contractor with no security registration stood a shift.
    other = _first_shift_at(doc, world.start + timedelta(days=100))
    shifts[other]["staff_ids"] = sorted([*shifts[other]["staff_ids"], "B-TMP-901"])
    world.breach(
        "2.2.2.1",
        "staff B-TMP-901 on duty without a security registration",
        f"{PATH}#/shifts/{other}/staff_ids",
    )
    # 3.8.d: on the 200th day's morning shift both engineers were put on technical support,
    # leaving no one on site for 8 hours (the shift still has its staff for 2.2.2.1).
    k = _first_shift_at(doc, world.start + timedelta(days=200, hours=SHIFT_HOURS))
    shifts[k]["role"] = dict.fromkeys(shifts[k]["staff_ids"], "technical_support")
    world.breach(
        "3.8.d",
        f"no on-site engineer {shifts[k]['start']} to {shifts[k]['end']} "
        "(everyone on technical support)",
        f"{PATH}#/shifts/{k}",
    )
    # 3.9: the afternoon of the Spring Festival's third day had a single person on duty.
    festival = [h for h in holidays_in_period(world.params) or [] if h["name"] == "Spring Festival"]
    if festival:
        day = parse(festival[2]["start"]) + timedelta(hours=SHIFT_HOURS)
        i = _first_shift_at(doc, day)
        shifts[i]["staff_ids"] = shifts[i]["staff_ids"][:1]
        kept = shifts[i]["staff_ids"]
        shifts[i]["role"] = {k: v for k, v in shifts[i]["role"].items() if k in kept}
        world.breach(
            "3.9",
            f"public holiday {festival[2]['date']}: one person on duty {shifts[i]['start']} "
            f"to {shifts[i]['end']}",
            f"{PATH}#/shifts/{i}",
        )
