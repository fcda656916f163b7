# METADATA
# title: Open-source middleware sets delivered
# description: >-
#   开源应用中间件套餐 (第二条 2(1) 第3项): the contracted number of sets of
#   mainstream open-source middleware, each with at least min_products_per_set
#   (3) distinct kinds, installed and maintained. A set counts once by set_id when
#   every host it runs on is in the inventory and in service during the period.
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

_reason(s) := "runs on a host not in the inventory" if {
	some h in s.host_ids
	not lib.in_inventory(h)
} else := "runs on a host not in service during the period" if {
	some h in s.host_ids
	not lib.in_service(h)
} else := sprintf("%d distinct open-source middleware kinds, at least %d required", [count(kinds(s)), min_products]) if {
	count(kinds(s)) < min_products
} else := "not maintained by the provider (maintained)" if {
	not s.maintained == true
}

excluded contains {"evidence": e.at, "reason": reason} if {
	some e in sets
	reason := _reason(e.set)
}

counted contains e.set.set_id if {
	some e in sets
	not _reason(e.set)
}

deny contains v if {
	f := lib.files("middleware_inventory")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["sets"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded), "min_products_per_set": min_products})
