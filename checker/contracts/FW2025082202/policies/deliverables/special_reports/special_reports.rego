# METADATA
# title: A special service report for every special service event
# description: >-
#   第六条 3 项目执行阶段 输出成果：项目专项服务报告. Every special service event that
#   started in the period (a drill, a holiday or major-event protection) has at least one
#   special report citing its event_id, delivered after the event started.
#   not_applicable when no such event is listed.
# custom:
#   clause: "6.3.3"
#   evidence: [deliverables]
#   severity: low
package contract.deliverables.special_reports

import data.contract.lib

clause := "6.3.3"

events contains {"event": ev, "at": lib.pointer(f.path, ["special_events", i])} if {
	some f in lib.files("deliverables")
	some i, ev in f.data.special_events
	lib.in_period(ev.start)
}

reports contains r if {
	some f in lib.files("deliverables")
	some r in f.data.special_reports
}

reported contains e.event.event_id if {
	some e in events
	some r in reports
	r.event_id == e.event.event_id
	lib.ns(r.delivered_at) >= lib.ns(e.event.start)
}

deny contains v if {
	some e in events
	not e.event.event_id in reported
	msg := sprintf("no special service report for %s %s (%s, started %s) [%s]", [e.event.type, e.event.event_id, e.event.title, e.event.start, clause])
	v := object.union(lib.violation(msg, e.at), {"event_id": e.event.event_id, "type": e.event.type})
}

not_applicable if count(events) == 0

measure := {
	"expected": count(events),
	"actual": count(reported),
	"unit": "special events reported",
	"unmatched_reports": count([r | some r in reports; not _known(r.event_id)]),
}

_known(id) if {
	some e in events
	e.event.event_id == id
}
