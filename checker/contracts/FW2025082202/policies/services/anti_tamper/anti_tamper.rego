# METADATA
# title: Web page anti-tampering monitoring points delivered
# description: >-
#   网页防篡改服务 (第二条 2(1) 第9项): real-time protection of Party A's pages at
#   the contracted number of monitoring points. A point qualifies once by point_id when
#   it is protected (each for the instants of its own service window; delivered is the lowest number in service at any instant of the period, OBLIGATIONS.md reading rule 3) and every tampering it detected
#   inside the period was restored.
# custom:
#   clause: "2.2.1.9"
#   evidence: [anti_tamper]
#   severity: medium
package contract.services.anti_tamper

import data.contract.lib

clause := "2.2.1.9"

units contains {"unit": u, "at": at} if {
	some f in lib.files("anti_tamper")
	some i, u in f.data.points
	at := lib.pointer(f.path, ["points", i])
}

_reason(u, oa) := sprintf("status %s, %s required", [u.status, "protected"]) if {
	u.status != "protected"
} else := "not in service during the period (service_from/service_to)" if {
	not _span(u)
} else := sprintf("tampering detected at %s never restored (alerts %s)", [u.point_id, concat(", ", sort(open))]) if {
	open := object.get(oa, u.point_id, set())
	count(open) > 0
}

# open_alerts: point_id -> tampering alerts of the period never restored (indexed once)
open_alerts[a.point_id] contains a.alert_id if {
	some f in lib.files("anti_tamper")
	some a in object.get(f.data, "alerts", [])
	lib.in_period(a.detected_at)
	object.get(a, "restored_at", null) == null
}

# (regorus 0.13 leaves an empty multi-value partial rule undefined, not {})
_open_alerts := x if {
	x := open_alerts
} else := {}

# verdict: evidence pointer -> why the monitoring point there does not count
verdict[e.at] := reason if {
	oa := _open_alerts
	some e in units
	reason := _reason(e.unit, oa)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by point_id
counted := {r.id | some r in _qualifying}

# the unit's own service window clipped to the period
_span(u) := lib.window_span(u.service_from, object.get(u, "service_to", null))

# OBLIGATIONS.md reading rule 3: each unit counts for the instants of its window; a
# replacement counts when it leaves no gap. Delivered is the lowest number in service.
_qualifying := [{"id": e.unit.point_id, "spans": [_span(e.unit)]} |
	v := verdict
	some e in units
	not v[e.at]
]

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("anti_tamper")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["points"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {"excluded": count(excluded), "lowest_at": lib.local_time(lowest.at)})
