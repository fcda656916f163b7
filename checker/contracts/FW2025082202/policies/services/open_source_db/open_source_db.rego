# METADATA
# title: Open-source database sets delivered
# description: >-
#   开源数据库套餐 (第二条 2(1) 第4项): the contracted number of open-source
#   database deployments installed and maintained. A set counts once by set_id when
#   its product is open source, the provider maintains it, and every host it runs on
#   is in the inventory and in service during the period.
# custom:
#   clause: "2.2.1.4"
#   evidence: [database_inventory, host_inventory]
#   severity: medium
package contract.services.open_source_db

import data.contract.lib

clause := "2.2.1.4"

sets contains {"set": s, "at": at} if {
	some f in lib.files("database_inventory")
	some i, s in f.data.databases
	at := lib.pointer(f.path, ["databases", i])
}

_reason(s) := "runs on a host not in the inventory" if {
	some h in s.host_ids
	not lib.in_inventory(h)
} else := "runs on a host not in service during the period" if {
	some h in s.host_ids
	not lib.in_service(h)
} else := sprintf("%s is not open source", [s.product]) if {
	not s.open_source == true
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
	f := lib.files("database_inventory")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["databases"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
