# METADATA
# title: Data transfer front-end pairs delivered
# description: >-
#   数据传输服务 (第二条 2(1) 第15项): request forwarding or data ferrying between
#   networks of different levels on top of isolation, with the contracted number of
#   front-end pairs. A pair counts once by pair_id when it is active over the whole
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
} else := "not in service over the whole period (service_from/service_to)" if {
	not lib.covers_period(u.service_from, object.get(u, "service_to", null))
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
counted contains e.unit.pair_id if {
	some e in units
	not verdict[e.at]
}

deny contains v if {
	f := lib.files("data_transfer")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["pairs"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
