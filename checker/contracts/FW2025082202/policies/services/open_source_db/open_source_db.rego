# METADATA
# title: Open-source database sets delivered
# description: >-
#   开源数据库套餐 (第二条 2(1) 第4项): the contracted number of open-source database
#   deployments installed and maintained. A set qualifies (once by set_id) when its
#   product is open source, the provider maintains it and every host it runs on is in
#   the inventory. It is in service inside its own window [service_from, service_to)
#   while every host it runs on is in service. Delivered is the lowest number of
#   qualifying sets in service at any instant of the period (OBLIGATIONS.md reading
#   rule 3).
# custom:
#   clause: "2.2.1.4"
#   evidence: [database_inventory, host_inventory]
#   severity: medium
package contract.services.open_source_db

import data.contract.lib
import data.contract.services.middleware

clause := "2.2.1.4"

sets contains {"set": s, "at": at} if {
	some f in lib.files("database_inventory")
	some i, s in f.data.databases
	at := lib.pointer(f.path, ["databases", i])
}

_reason(s) := "runs on a host not in the inventory" if {
	some h in s.host_ids
	not lib.in_inventory(h)
} else := "no service window (service_from)" if {
	object.get(s, "service_from", null) == null
} else := "not in service during the period (its window or a host's time in service)" if {
	not middleware.span(s)
} else := sprintf("%s is not open source", [s.product]) if {
	not s.open_source == true
} else := "not maintained by the provider (maintained)" if {
	not s.maintained == true
}

verdict[e.at] := reason if {
	some e in sets
	reason := _reason(e.set)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

_qualifying := [{"id": e.set.set_id, "spans": [middleware.span(e.set)]} |
	v := verdict
	some e in sets
	not v[e.at]
]

counted := {r.id | some r in _qualifying}

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("database_inventory")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["databases"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"qualifying_sets": count(counted),
	"lowest_at": lib.local_time(lowest.at),
})
