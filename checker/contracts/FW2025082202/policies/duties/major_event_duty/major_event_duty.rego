# METADATA
# title: Major events have a protection plan made with Party A and on-site duty
# description: >-
#   重大活动期间，乙方应配合甲方制定重保方案并提供云平台的现场值守等服务 (第九条 11): every
#   major event Party A declared (major_events) that falls in the service period has a
#   protection plan agreed with Party A no later than the event starts, and someone on
#   duty on the platform's site (location platform_site) at every instant of the event.
#   measure.events names, per event, who was on site with their post (read by the
#   liability ledger for row 12.4.2). Not applicable when Party A declared no event.
# custom:
#   clause: "9.11"
#   evidence: [major_event_duty, major_events]
#   severity: high
package contract.duties.major_event_duty

import data.contract.lib
import data.contract.lib.evidence

clause := "9.11"

# events Party A declared, clipped to the period
declared[ev.event_id] := {"ev": ev, "from": from, "to": to, "at": lib.pointer(f.path, ["events", i])} if {
	some f in lib.files("major_events")
	some i, ev in f.data.events
	ev.declared_by.organisation_role == "party_a"
	from := max({lib.ns(ev.start), lib.period_start})
	to := min({lib.ns(ev.end), lib.period_end})
	from < to
}

not_applicable if count(declared) == 0

# records[event_id]: the duty record of the event (the first one listed)
records[id] := e if {
	some id, _ in declared
	es := [e | some e in evidence.records("major_event_duty", "events"); e.r.event_id == id]
	e := es[0]
}

deny contains v if {
	r := records
	some id, d in declared
	not r[id]
	msg := sprintf("major event %s (%s): no protection plan or on-site duty record [%s]", [id, d.ev.title, clause])
	v := object.union(lib.violation(msg, d.at), {"event_id": id})
}

deny contains v if {
	some id, e in records
	d := declared[id]
	why := _plan_fault(e.r.plan, d)
	msg := sprintf("major event %s (%s): %s [%s]", [id, d.ev.title, why, clause])
	v := object.union(lib.violation(msg, sprintf("%s/plan", [e.at])), {"event_id": id})
}

_plan_fault(p, _) := "no protection plan (重保方案)" if p == null

_plan_fault(p, _) := sprintf("plan %s was made with %s, not with Party A", [p.plan_id, p.made_with.organisation_role]) if {
	p != null
	p.made_with.organisation_role != "party_a"
}

_plan_fault(p, d) := sprintf("plan %s agreed %s, after the event started %s", [p.plan_id, p.agreed_at, d.ev.start]) if {
	p != null
	p.made_with.organisation_role == "party_a"
	lib.ns(p.agreed_at) > lib.ns(d.ev.start)
}

_onsite(e) := [s | some s in e.r.onsite_duty; s.location == "platform_site"]

uncovered[id] := lib.gaps([[lib.ns(s.from), lib.ns(s.to)] | some s in _onsite(e)], d.from, d.to) if {
	some id, e in records
	d := declared[id]
}

deny contains v if {
	some id, gs in uncovered
	count(gs) > 0
	d := declared[id]
	first := min(gs)
	minutes := sum([lib.gap_minutes(g) | some g in gs])
	msg := sprintf("major event %s (%s): no one on duty on the platform site for %v minutes, first from %s to %s [%s]", [id, d.ev.title, minutes, lib.local_time(first[0]), lib.local_time(first[1]), clause])
	v := object.union(lib.violation(msg, sprintf("%s/onsite_duty", [records[id].at])), {"event_id": id, "minutes": minutes})
}

# per event: who was on the platform site during it, with their post (12.4.2 reads it)
on_site[id] := sort({{"staff_id": s.staff_id, "role": s.role} | some s in _onsite(e); lib.ns(s.from) < d.to; lib.ns(s.to) > d.from}) if {
	some id, e in records
	d := declared[id]
}

measure := {
	"expected": count(declared),
	"actual": count({id | some id, _ in records; count(uncovered[id]) == 0; not _plan_fault(records[id].r.plan, declared[id])}),
	"unit": "major event",
	"events": {id: {"on_site": object.get(on_site, id, []), "uncovered_minutes": sum([lib.gap_minutes(g) | some g in object.get(uncovered, id, [])])} | some id, _ in declared},
}
