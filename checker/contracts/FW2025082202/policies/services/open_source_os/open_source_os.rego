# METADATA
# title: Open-source operating system hosts delivered
# description: >-
#   开源操作系统套餐 (第二条 2(1) 第2项): an open-source OS installed and
#   maintained on the contracted number of hosts. A host counts once
#   when the inventory lists it with an open-source OS that the provider maintains
#   and it is in service during the period.
# custom:
#   clause: "2.2.1.2"
#   evidence: [host_inventory]
#   severity: high
package contract.services.open_source_os

import data.contract.lib

clause := "2.2.1.2"

family := "open_source"

_reason(h) := "not an open-source OS" if {
	h.os.family != family
} else := "host not in service during the period" if {
	not lib.in_service(h.host_id)
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
	not _reason(e.host)
}

deny contains v if {
	f := lib.files("host_inventory")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["hosts"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
