# METADATA
# title: Data transfer front-end pairs delivered
# description: >-
#   数据传输服务 (第二条 2(1) 第15项): request forwarding or data ferrying between
#   networks of different levels on top of isolation, with the contracted number of
#   front-end pairs. A pair qualifies once by pair_id when it is active over the whole
#   service period and its two front-ends sit in two different networks.
# custom:
#   clause: "2.2.1.15"
#   evidence: [data_transfer]
#   severity: medium
package contract.services.data_transfer

import data.contract.lib

clause := "2.2.1.15"

units contains {"unit": u, "at": at} if {
	some f in lib.files("data_transfer")
	some i, u in f.data.pairs
	at := lib.pointer(f.path, ["pairs", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "active"]) if {
	u.status != "active"
} else := "not in service during the period (service_from/service_to)" if {
	not _span(u)
} else := "both front-ends in one network: no isolation boundary crossed" if {
	count({fe.network | some fe in u.front_ends}) < 2
}

# verdict: evidence pointer -> why the front-end pair there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by pair_id
counted := {r.id | some r in _qualifying}

# the unit's own service window clipped to the period
_span(u) := lib.window_span(u.service_from, object.get(u, "service_to", null))

# OBLIGATIONS.md reading rule 3: each unit counts for the instants of its window; a
# replacement counts when it leaves no gap. Delivered is the lowest number in service.
_qualifying := [{"id": e.unit.pair_id, "spans": [_span(e.unit)]} |
	v := verdict
	some e in units
	not v[e.at]
]

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("data_transfer")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["pairs"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {"excluded": count(excluded), "lowest_at": lib.local_time(lowest.at)})
