# METADATA
# title: A special service report for every special service event
# description: >-
#   第六条 3 项目执行阶段 输出成果：项目专项服务报告. The special service events are every event
#   the evidence shows, not only those Party B lists itself: the events of the deliverables
#   register, every completed drill Party A organised (drills kind, 第十条 1(2)) and every
#   major event Party A declared (major_events kind, 第三条 9), each started in the period.
#   Each has at least one special report citing its id, delivered after the event started.
#   not_applicable when the evidence shows no such event.
# custom:
#   clause: "6.3.3"
#   evidence: [deliverables]
#   optional: [drills, major_events]
#   severity: low
package contract.deliverables.special_reports

import data.contract.lib
import data.contract.lib.evidence

clause := "6.3.3"

# every special event the evidence shows: id, type, title, start (ns) and where it is listed
events contains {"id": ev.event_id, "type": ev.type, "title": ev.title, "start": lib.ns(ev.start), "at": lib.pointer(f.path, ["special_events", i])} if {
	some f in lib.files("deliverables")
	some i, ev in f.data.special_events
	lib.in_period(ev.start)
}

events contains {"id": e.r.drill_id, "type": "drill", "title": e.r.title, "start": lib.ns(e.r.started_at), "at": e.at} if {
	some e in evidence.records("drills", "drills")
	object.get(e.r, "organised_by_role", "") == "party_a"
	e.r.status == "completed"
	lib.in_period(e.r.started_at)
}

events contains {"id": e.r.event_id, "type": "major_event", "title": e.r.title, "start": lib.ns(e.r.start), "at": e.at} if {
	some e in evidence.records("major_events", "events")
	e.r.declared_by.organisation_role == "party_a"
	lib.in_period(e.r.start)
}

_ids := {e.id | some e in events}

# one entry per id (an event listed by several sources): the earliest start, then pointer
_event(id) := e if {
	earliest := min({x.start | some x in events; x.id == id})
	at := min({x.at | some x in events; x.id == id; x.start == earliest})
	some e in events
	e.id == id
	e.at == at
}

reports contains r if {
	some f in lib.files("deliverables")
	some r in f.data.special_reports
}

reported contains id if {
	some id in _ids
	e := _event(id)
	some r in reports
	r.event_id == id
	lib.ns(r.delivered_at) >= e.start
}

deny contains v if {
	done := reported # bound once (OPA does not memoise a per-item lookup of a partial rule)
	some id in _ids
	not id in done
	e := _event(id)
	msg := sprintf("no special service report for %s %s (%s, started %s) [%s]", [e.type, id, e.title, lib.local_time(e.start), clause])
	v := object.union(lib.violation(msg, e.at), {"event_id": id, "type": e.type})
}

not_applicable if count(_ids) == 0

measure := {
	"expected": count(_ids),
	"actual": count(reported),
	"unit": "special events reported",
	"unmatched_reports": count([r | some r in reports; not r.event_id in _ids]),
}
