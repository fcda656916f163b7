# METADATA
# title: Commercial operating system hosts delivered
# description: >-
#   商用操作系统套餐 (第二条 2(1) 第1项): Windows Server, 银河麒麟 Kylin or 统信 UOS rented,
#   installed and maintained on the contracted number of hosts. A host qualifies when
#   the inventory lists it with one of the products the contract names (the product
#   list and the names each product goes by are data.params.services["2.2.1.1"].products),
#   licensed and maintained. Delivered is the lowest number of qualifying hosts in
#   service at any instant of the period (OBLIGATIONS.md reading rule 3: a replacement
#   counts when it leaves no gap).
# custom:
#   clause: "2.2.1.1"
#   evidence: [host_inventory]
#   severity: high
package contract.services.commercial_os

import data.contract.lib

clause := "2.2.1.1"

family := "commercial"

# the products 2.2.1.1 names, by every name each goes by (case and outer blanks ignored)
products := data.params.services[clause].products

_names := {lower(trim_space(n)) | some p in products; some n in p.names}

named(h) if lower(trim_space(h.os.name)) in _names

# candidates: hosts labelled commercial or running a named product
_candidate(h) if h.os.family == family

_candidate(h) if named(h)

_reason(h) := sprintf("OS %s is not one of the products named in 2.2.1.1 (%s)", [h.os.name, concat(", ", [p.product | some p in products])]) if {
	not named(h)
} else := "host not in service during the period" if {
	count(lib.host_spans(h.host_id)) == 0
} else := "no valid licence recorded (os.licensed)" if {
	not h.os.licensed == true
} else := "OS not maintained by the provider (os.maintained)" if {
	not h.os.maintained == true
}

# excluded: candidate hosts that do not count, with the reason
excluded contains {"evidence": at, "reason": reason} if {
	some e in lib.hosts
	_candidate(e.host)
	reason := _reason(e.host)
	at := lib.pointer(e.path, ["hosts", e.index])
}

# counted: qualifying hosts (each counts for the instants it is in service)
counted contains host_id if {
	some host_id, e in lib.hosts
	_candidate(e.host)
	not _reason(e.host)
}

lowest := lib.lowest({id: lib.host_spans(id) | some id in counted})

deny contains v if {
	f := lib.files("host_inventory")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["hosts"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"qualifying_hosts": count(counted),
	"lowest_at": lib.local_time(lowest.at),
})
