# METADATA
# title: Host vulnerability scans delivered
# description: >-
#   主机漏洞扫描 (第二条 2(1) 第7项): the contracted number of host-scans over the
#   service period. A scan counts once per host and round, only when the host is in
#   the inventory and in service, the scan started inside the period and finished.
# custom:
#   clause: "2.2.1.7"
#   evidence: [vuln_scan, host_inventory]
#   severity: high
package contract.services.host_vuln_scan

import data.contract.lib

clause := "2.2.1.7"

# every scan record with where it is
scans contains {"scan": s, "at": lib.pointer(f.path, ["scans", i])} if {
	some f in lib.files("vuln_scan")
	some i, s in f.data.scans
}

_reason(s) := "host not in the inventory" if {
	not lib.in_inventory(s.host_id)
} else := "host not in service during the period" if {
	not lib.in_service(s.host_id)
} else := "started outside the service period" if {
	not lib.in_period(s.started_at)
} else := "finished before it started" if {
	lib.ns(s.finished_at) < lib.ns(s.started_at)
}

# excluded: scans that do not count, with the reason
excluded contains {"evidence": e.at, "reason": reason} if {
	some e in scans
	reason := _reason(e.scan)
}

_eligible contains e if {
	some e in scans
	not _reason(e.scan)
}

# once each: a host is counted once per round
counted contains [e.scan.host_id, e.scan.round] if {
	some e in _eligible
}

deny contains v if {
	v := lib.shortfall(clause, count(counted), sprintf("%s#/scans", [lib.files("vuln_scan")[0].path]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
