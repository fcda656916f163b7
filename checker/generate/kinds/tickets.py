"""tickets: a contract year of fault tickets (第三条 8 and 10, 第九条 13).

About 2,000 tickets per year at scale 1. Compliant times sit inside every limit with
realistic spreads: response within seconds to a few minutes, hands-on handling mostly
within 15 minutes, clearing a few minutes on important systems and up to half an hour
elsewhere. A few tickets need someone on site (after a remote failover: hardware is
swapped on site), with arrival inside the hour. Clock definitions: tickets.schema.json.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from typing import Any

from checker.generate.world import World, iso, parse

KIND = "tickets"
PATH = "service/tickets.json"
ORDER = 40

PER_YEAR = 2000
ONSITE_SHARE = 0.03
EXPORT_AFTER_DAYS = 7  # the tickets are exported a week after the period ends

SUMMARIES = [
    ("云主机 CPU 持续满载，业务响应缓慢", "Host CPU saturated, slow responses"),
    ("数据库连接数耗尽", "Database connections exhausted"),
    ("应用中间件进程异常退出", "Middleware process exited"),
    ("负载均衡健康检查失败", "Load balancer health check failing"),
    ("磁盘空间不足告警", "Disk space low"),
    ("网络丢包导致访问超时", "Packet loss, access time-outs"),
    ("证书过期导致 HTTPS 访问失败", "Expired certificate, HTTPS failing"),
    ("对象存储访问异常", "Object storage access errors"),
    ("主机内存泄漏触发 OOM", "Memory leak, OOM kill"),
    ("安全组规则误配置导致端口不可达", "Security group misconfiguration"),
]
ONSITE_SUMMARY = (
    "物理服务器硬盘故障，已远程切换，现场更换硬盘",
    "Failed disk: remote failover, disk replaced on site",
)
ROLES = [("monitoring", 0.6), ("party_a", 0.35), ("supervision_provider", 0.05)]


def _clip(x: float, lo: float, hi: float) -> int:
    return int(min(hi, max(lo, x)))


def _lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return rng.lognormvariate(math.log(median), sigma)


def _limits(world: World) -> dict[str, float]:
    sla = world.params["sla"]
    return {
        k: float(sla[k]) * 60
        for k in (
            "response_minutes",
            "handling_minutes",
            "onsite_minutes",
            "fault_clear_minutes",
            "fault_clear_important_minutes",
        )
    }


def _ticket(
    world: World,
    rng: random.Random,
    reported: datetime,
    important: dict[str, bool],
    hosts_of: dict[str, list[str]],
    onsite: bool,
) -> dict[str, Any]:
    lim = _limits(world)
    system = rng.choice(sorted(important))
    response = _clip(_lognormal(rng, 80, 0.55), 10, lim["response_minutes"] - 15)
    clear_limit = (
        lim["fault_clear_important_minutes"] if important[system] else lim["fault_clear_minutes"]
    )
    # 3.10 runs from the report (reading rule 7): handling begins and the fault is cleared
    # inside the clearing limit, counted from reported_at
    total = _clip(_lognormal(rng, clear_limit * 0.6, 0.35), response + 90, clear_limit - 30)
    handling = _clip(_lognormal(rng, min(360, total * 0.4), 0.6), response + 20, total - 45)
    clearing = total - handling
    located = int(clearing * rng.uniform(0.3, 0.7))
    handled_at = reported + timedelta(seconds=handling)
    resolved_at = handled_at + timedelta(seconds=clearing)
    zh, _en = ONSITE_SUMMARY if onsite else rng.choice(SUMMARIES)
    hosts = hosts_of.get(system) or []
    t: dict[str, Any] = {
        "system_id": system,
        "host_ids": [rng.choice(hosts)] if hosts else [],
        "priority": rng.choice(["P1", "P2"])
        if important[system]
        else rng.choice(["P2", "P3", "P3", "P4"]),
        "summary": zh,
        "reported_by_role": rng.choices([r for r, _ in ROLES], [w for _, w in ROLES])[0],
        "reported_at": iso(reported),
        "responded_at": iso(reported + timedelta(seconds=response)),
        "handling_started_at": iso(handled_at),
        "located_at": iso(handled_at + timedelta(seconds=located)),
        "resolved_at": iso(resolved_at),
        "onsite_required": onsite,
        "onsite_arrived_at": None,
        "closing_report": {
            "doc_id": "",
            "delivered_at": iso(resolved_at + timedelta(minutes=rng.randint(60, 36 * 60))),
            "summary": zh,
        },
    }
    if onsite:
        arrival = _clip(rng.gauss(38 * 60, 8 * 60), 15 * 60, lim["onsite_minutes"] - 120)
        t["onsite_arrived_at"] = iso(reported + timedelta(seconds=arrival))
    return t


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    important = {s["id"]: bool(s["important"]) for s in world.systems}
    hosts_of: dict[str, list[str]] = {}
    for h in world.hosts:
        hosts_of.setdefault(h.system_id, []).append(h.host_id)
    n = world.scaled(PER_YEAR)
    last = world.end - timedelta(hours=6)
    times = sorted(world.at(rng, world.start, last) for _ in range(n))
    onsite = [rng.random() < ONSITE_SHARE for _ in times]
    for i in rng.sample(range(n), min(n, 2)):  # at least two on-site visits, so 3.8.c applies
        onsite[i] = True
    tickets = []
    for i, (reported, needs) in enumerate(zip(times, onsite, strict=True)):
        t = _ticket(world, rng, reported, important, hosts_of, needs)
        t = {"ticket_id": f"INC-{reported:%Y%m%d}-{i + 1:05d}", **t}
        t["closing_report"]["doc_id"] = f"FR-{t['ticket_id']}"
        tickets.append(t)
    world.shared["tickets"] = tickets
    return {
        "kind": KIND,
        "as_of": iso(world.end + timedelta(days=EXPORT_AFTER_DAYS)),
        "tickets": tickets,
    }


def _shift(t: dict[str, Any], fields: tuple[str, ...], delta: timedelta) -> None:
    for f in fields:
        if t.get(f):
            t[f] = iso(parse(t[f]) + delta)


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    tickets = doc["tickets"]
    important = {s["id"]: bool(s["important"]) for s in world.systems}
    lim = _limits(world)

    def minutes(t: dict[str, Any], a: str, b: str) -> float:
        return (parse(t[b]) - parse(t[a])).total_seconds() / 60

    used: set[int] = set()

    def pick(ok: Any) -> int:
        candidates = [
            i for i, t in enumerate(tickets) if i not in used and not t["onsite_required"] and ok(t)
        ]
        i = rng.choice(candidates)
        used.add(i)
        return i

    def at(i: int) -> str:
        return f"{PATH}#/tickets/{i}"

    # 3.8.a: answered after 7 minutes (handling began later still, so only 3.8.a breaks)
    late = lim["response_minutes"] / 60 + 2
    i = pick(lambda t: minutes(t, "reported_at", "handling_started_at") > late + 1)
    tickets[i]["responded_at"] = iso(parse(tickets[i]["reported_at"]) + timedelta(minutes=late))
    world.breach(
        "3.8.a", f"ticket {tickets[i]['ticket_id']} answered after {late:g} minutes", at(i)
    )

    # 3.8.a: a ticket whose response was never recorded
    i = pick(lambda t: True)
    del tickets[i]["responded_at"]
    world.breach("3.8.a", f"ticket {tickets[i]['ticket_id']} has no recorded response", at(i))

    # 3.8.b: hands-on handling began 41 minutes after the report (3.10, measured from the
    # report, then fails for this ticket too)
    i = pick(lambda t: True)
    t = tickets[i]
    delta = (
        parse(t["reported_at"])
        + timedelta(minutes=lim["handling_minutes"] / 60 + 11)
        - parse(t["handling_started_at"])
    )
    _shift(t, ("handling_started_at", "located_at", "resolved_at"), delta)
    t["closing_report"]["delivered_at"] = iso(parse(t["closing_report"]["delivered_at"]) + delta)
    world.breach(
        "3.8.b",
        f"ticket {t['ticket_id']}: handling began "
        f"{minutes(t, 'reported_at', 'handling_started_at'):g} minutes after the report",
        at(i),
    )
    world.breach(
        "3.10",
        f"ticket {t['ticket_id']}: handling began late, so the fault was cleared "
        f"{minutes(t, 'reported_at', 'resolved_at'):g} minutes after the report",
        at(i),
    )

    # 3.10 (reading rule 7): an important system's fault cleared 14 minutes after the report,
    # only 5 minutes after handling began (the old clock from the start of handling passed it)
    i = pick(lambda t: important[t["system_id"]])
    t = tickets[i]
    reported = parse(t["reported_at"])
    cleared = lim["fault_clear_important_minutes"] / 60 + 4
    handled = reported + timedelta(minutes=cleared - 5)
    resolved = reported + timedelta(minutes=cleared)
    delta = resolved - parse(t["resolved_at"])
    t["handling_started_at"] = iso(handled)
    t["located_at"] = iso(handled + timedelta(minutes=3))
    t["resolved_at"] = iso(resolved)
    t["closing_report"]["delivered_at"] = iso(parse(t["closing_report"]["delivered_at"]) + delta)
    world.breach(
        "3.10",
        f"ticket {t['ticket_id']} on important system {t['system_id']} cleared "
        f"{minutes(t, 'reported_at', 'resolved_at'):g} minutes after the report "
        f"({minutes(t, 'handling_started_at', 'resolved_at'):g} after handling began)",
        at(i),
    )

    # 3.8.c: an engineer on site 85 minutes after the report
    j = next(k for k, t in enumerate(tickets) if t["onsite_required"])
    tickets[j]["onsite_arrived_at"] = iso(
        parse(tickets[j]["reported_at"]) + timedelta(minutes=lim["onsite_minutes"] / 60 + 25)
    )
    world.breach(
        "3.8.c",
        f"ticket {tickets[j]['ticket_id']}: on site "
        f"{minutes(tickets[j], 'reported_at', 'onsite_arrived_at'):g} minutes after the report",
        at(j),
    )

    # 3.8.c (reading rule 7): on site 35 minutes after presence was requested, but 75 minutes
    # after the fault was reported (the old clock from the request passed it)
    k = next(k for k, t in enumerate(tickets) if t["onsite_required"] and k != j)
    reported = parse(tickets[k]["reported_at"])
    tickets[k]["onsite_requested_at"] = iso(reported + timedelta(minutes=40))
    tickets[k]["onsite_arrived_at"] = iso(
        reported + timedelta(minutes=lim["onsite_minutes"] / 60 + 15)
    )
    world.breach(
        "3.8.c",
        f"ticket {tickets[k]['ticket_id']}: on site "
        f"{minutes(tickets[k], 'reported_at', 'onsite_arrived_at'):g} minutes after the report "
        "(35 after presence was requested)",
        at(k),
    )
