# METADATA
# title: Open-source middleware sets delivered
# description: >-
#   开源应用中间件套餐 (第二条 2(1) 第3项): the contracted number of sets of
#   mainstream open-source middleware, each with at least min_products_per_set
#   (3种以上) distinct kinds, installed and maintained. A set qualifies (once by set_id)
#   when it has enough kinds, the provider maintains it and every host it runs on is in
#   the inventory. It is in service inside its own window [service_from, service_to)
#   while every host it runs on is in service. Delivered is the lowest number of
#   qualifying sets in service at any instant of the period (OBLIGATIONS.md reading
#   rule 3: a replacement set counts when it leaves no gap).
# custom:
#   clause: "2.2.1.3"
#   evidence: [middleware_inventory, host_inventory]
#   severity: medium
package contract.services.middleware

import data.contract.lib

clause := "2.2.1.3"

min_products := data.params.services[clause].min_products_per_set

sets contains {"set": s, "at": at} if {
	some f in lib.files("middleware_inventory")
	some i, s in f.data.sets
	at := lib.pointer(f.path, ["sets", i])
}

# kinds: distinct open-source products of a set (two versions of one product are one kind)
kinds(s) := {lower(trim_space(p.name)) | some p in s.products; p.open_source == true}

# span: the instants of the period the set is in its window and all its hosts are in service
span(s) := lib.span_intersect(array.concat([w], [sp | some h in s.host_ids; some sp in lib.host_spans(h)])) if {
	w := lib.window_span(s.service_from, object.get(s, "service_to", null))
	every h in s.host_ids {
		count(lib.host_spans(h)) > 0
	}
}

_reason(s) := "runs on a host not in the inventory" if {
	some h in s.host_ids
	not lib.in_inventory(h)
} else := "no service window (service_from)" if {
	object.get(s, "service_from", null) == null
} else := "not in service during the period (its window or a host's time in service)" if {
	not span(s)
} else := sprintf("%d distinct open-source middleware kinds, at least %d required", [count(kinds(s)), min_products]) if {
	count(kinds(s)) < min_products
} else := "not maintained by the provider (maintained)" if {
	not s.maintained == true
}

# verdict: pointer -> why the set there does not count (computed once per record)
verdict[e.at] := reason if {
	some e in sets
	reason := _reason(e.set)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

_qualifying := [{"id": e.set.set_id, "spans": [span(e.set)]} |
	v := verdict
	some e in sets
	not v[e.at]
]

counted := {r.id | some r in _qualifying}

lowest := lib.lowest(lib.unit_spans(_qualifying))

deny contains v if {
	f := lib.files("middleware_inventory")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["sets"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"min_products_per_set": min_products,
	"qualifying_sets": count(counted),
	"lowest_at": lib.local_time(lowest.at),
})
