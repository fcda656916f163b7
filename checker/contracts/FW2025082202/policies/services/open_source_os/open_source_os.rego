# METADATA
# title: Open-source operating system hosts delivered
# description: >-
#   开源操作系统套餐 (第二条 2(1) 第2项): an open-source OS installed and maintained on
#   the contracted number of hosts. A host qualifies when the inventory lists it with an
#   open-source OS (not one of the commercial products of 2.2.1.1) that the provider
#   maintains. Delivered is the lowest number of qualifying hosts in service at any
#   instant of the period (OBLIGATIONS.md reading rule 3).
# custom:
#   clause: "2.2.1.2"
#   evidence: [host_inventory]
#   severity: high
package contract.services.open_source_os

import data.contract.lib
import data.contract.services.commercial_os

clause := "2.2.1.2"

family := "open_source"

_reason(h) := sprintf("%s is a commercial product of 2.2.1.1, not an open-source OS", [h.os.name]) if {
	commercial_os.named(h)
} else := "host not in service during the period" if {
	count(lib.host_spans(h.host_id)) == 0
} else := "OS not maintained by the provider (os.maintained)" if {
	not h.os.maintained == true
}

# excluded: hosts of this family that do not count, with the reason
excluded contains {"evidence": at, "reason": reason} if {
	some e in lib.hosts
	e.host.os.family == family
	reason := _reason(e.host)
	at := lib.pointer(e.path, ["hosts", e.index])
}

counted contains host_id if {
	some host_id, e in lib.hosts
	e.host.os.family == family
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
