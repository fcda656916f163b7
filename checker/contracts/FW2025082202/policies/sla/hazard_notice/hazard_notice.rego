# METADATA
# title: Hazards found are notified to the responsible role in time and handled
# description: >-
#   及时发现安全隐患，并负责通知相关人员及时处理 (第三条 6): every hazard found in the
#   service period is notified to the role responsible for it within
#   data.params.sla.hazard_notify_minutes of being found (以内: the limit itself
#   passes, reading rule 1), and has a handling record. Not applicable without hazards.
# custom:
#   clause: "3.6.b"
#   evidence: [hazard_notices]
#   severity: medium
package contract.sla.hazard_notice

import data.contract.lib
import data.contract.lib.evidence

clause := "3.6.b"

limit := data.params.sla.hazard_notify_minutes

_limit_ns := (limit * 60) * 1000000000

hazards := {e | some e in evidence.records("hazard_notices", "hazards"); lib.in_period(e.r.found_at)}

not_applicable if count(hazards) == 0

# times (ns) the responsible role was told, not before the hazard was found
_told(h) := {t |
	some n in h.notifications
	n.to.organisation_role == h.responsible.organisation_role
	n.to.role == h.responsible.role
	t := lib.ns(n.notified_at)
	t >= lib.ns(h.found_at)
}

_who(h) := sprintf("%s %s", [h.responsible.organisation_role, h.responsible.role])

late contains e.r.hazard_id if {
	some e in hazards
	count(_told(e.r)) == 0
}

late contains e.r.hazard_id if {
	some e in hazards
	min(_told(e.r)) - lib.ns(e.r.found_at) > _limit_ns
}

deny contains v if {
	some e in hazards
	count(_told(e.r)) == 0
	msg := sprintf("hazard %s found %s: the responsible role (%s) was never notified [%s]", [e.r.hazard_id, e.r.found_at, _who(e.r), clause])
	v := object.union(lib.violation(msg, sprintf("%s/notifications", [e.at])), {"hazard_id": e.r.hazard_id})
}

deny contains v if {
	some e in hazards
	first := min(_told(e.r))
	first - lib.ns(e.r.found_at) > _limit_ns
	minutes := (first - lib.ns(e.r.found_at)) / 60000000000
	msg := sprintf("hazard %s found %s: %s notified %v minutes later, at %s (limit %v minutes) [%s]", [e.r.hazard_id, e.r.found_at, _who(e.r), minutes, lib.local_time(first), limit, clause])
	v := object.union(lib.violation(msg, e.at), {"hazard_id": e.r.hazard_id, "minutes": minutes})
}

deny contains v if {
	some e in hazards
	not _handled(e.r)
	msg := sprintf("hazard %s found %s: no handling record (handled_at) [%s]", [e.r.hazard_id, e.r.found_at, clause])
	v := object.union(lib.violation(msg, e.at), {"hazard_id": e.r.hazard_id})
}

_handled(h) if lib.ns(evidence.present(h, "handled_at")) >= lib.ns(h.found_at)

unhandled contains e.r.hazard_id if {
	some e in hazards
	not _handled(e.r)
}

measure := {
	"expected": count(hazards),
	"actual": count(hazards) - count(late | unhandled),
	"unit": "hazard",
	"limit_minutes": limit,
	"notified_late": count(late),
	"unhandled": count(unhandled),
}
