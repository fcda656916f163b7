# METADATA
# title: Web page anti-tampering monitoring points delivered
# description: >-
#   网页防篡改服务 (第二条 2(1) 第9项): real-time protection of Party A's pages at
#   the contracted number of monitoring points. A point counts once by point_id when
#   it is protected over the whole service period and every tampering it detected
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

_reason(u) := sprintf("status %s, %s required", [u.status, "protected"]) if {
	u.status != "protected"
} else := "not in service over the whole period (service_from/service_to)" if {
	not lib.covers_period(u.service_from, object.get(u, "service_to", null))
} else := sprintf("tampering detected at %s never restored (alerts %s)", [u.point_id, concat(", ", open)]) if {
	open := [a.alert_id |
		some f in lib.files("anti_tamper")
		some a in object.get(f.data, "alerts", [])
		a.point_id == u.point_id
		lib.in_period(a.detected_at)
		object.get(a, "restored_at", null) == null
	]
	count(open) > 0
}

# verdict: evidence pointer -> why the monitoring point there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by point_id
counted contains e.unit.point_id if {
	some e in units
	not verdict[e.at]
}

deny contains v if {
	f := lib.files("anti_tamper")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["points"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
