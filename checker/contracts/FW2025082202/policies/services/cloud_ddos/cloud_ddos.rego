# METADATA
# title: Cloud anti-DDoS protected sites delivered
# description: >-
#   云端抗 DDoS 服务 (第二条 2(1) 第13项): cloud-side DDoS protection for the
#   contracted number of sites. A site qualifies once by site_id when it is protected
#   (each for the instants of its own service window; delivered is the lowest number in service at any instant of the period, OBLIGATIONS.md reading rule 3).
# custom:
#   clause: "2.2.1.13"
#   evidence: [cloud_ddos]
#   severity: medium
package contract.services.cloud_ddos

import data.contract.lib

clause := "2.2.1.13"

units contains {"unit": u, "at": at} if {
	some f in lib.files("cloud_ddos")
	some i, u in f.data.sites
	at := lib.pointer(f.path, ["sites", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "protected"]) if {
	u.status != "protected"
} else := "not in service during the period (service_from/service_to)" if {
	not _span(u)
}

# verdict: evidence pointer -> why the site there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by site_id
counted := {r.id | some r in _qualifying}

# the unit's own service window clipped to the period
_span(u) := lib.window_span(u.service_from, object.get(u, "service_to", null))

# OBLIGATIONS.md reading rule 3: each unit counts for the instants of its window; a
# replacement counts when it leaves no gap. Delivered is the lowest number in service.
_qualifying := [{"id": e.unit.site_id, "spans": [_span(e.unit)]} |
	v := verdict
	some e in units
	not v[e.at]
]

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("cloud_ddos")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["sites"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {"excluded": count(excluded), "lowest_at": lib.local_time(lowest.at)})
