# METADATA
# title: Cloud APT protection sets delivered
# description: >-
#   云端 APT 防护服务 (第二条 2(1) 第12项): deep traffic inspection that detects
#   malicious attacks and warns, with the contracted number of sets. A set counts once
#   by instance_id when it is active (not bypassed) (each for the instants of its own service window; delivered is the lowest number in service at any instant of the period, OBLIGATIONS.md reading rule 3) and
#   its detections raise warnings.
# custom:
#   clause: "2.2.1.12"
#   evidence: [apt_protection]
#   severity: medium
package contract.services.apt_protection

import data.contract.lib

clause := "2.2.1.12"

units contains {"unit": u, "at": at} if {
	some f in lib.files("apt_protection")
	some i, u in f.data.instances
	at := lib.pointer(f.path, ["instances", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "active"]) if {
	u.status != "active"
} else := "not in service during the period (service_from/service_to)" if {
	not _span(u)
} else := "detections raise no warning (alerting)" if {
	not u.alerting == true
}

# verdict: evidence pointer -> why the APT set there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by instance_id
counted := {r.id | some r in _qualifying}

# the unit's own service window clipped to the period
_span(u) := lib.window_span(u.service_from, object.get(u, "service_to", null))

# OBLIGATIONS.md reading rule 3: each unit counts for the instants of its window; a
# replacement counts when it leaves no gap. Delivered is the lowest number in service.
_qualifying := [{"id": e.unit.instance_id, "spans": [_span(e.unit)]} |
	v := verdict
	some e in units
	not v[e.at]
]

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("apt_protection")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["instances"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {"excluded": count(excluded), "lowest_at": lib.local_time(lowest.at)})
