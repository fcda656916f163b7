# METADATA
# title: Host log analysis delivered
# description: >-
#   主机日志分析服务 (第二条 2(1) 第10项): OS logs collected and analysed, results
#   reported to Party A, on the contracted number of hosts. A host of the inventory in
#   service during the period counts once when a report of it reached Party A for every
#   service month the host was in service, each delivered no earlier than the month
#   started.
# custom:
#   clause: "2.2.1.10"
#   evidence: [log_analysis, host_inventory]
#   severity: medium
package contract.services.log_analysis

import data.contract.lib

clause := "2.2.1.10"

_month_start := {m.label: m.start | some m in lib.service_months}

# reported: [host, month] with a report delivered after the month started
reported contains [r.host_id, r.month] if {
	some f in lib.files("log_analysis")
	some r in f.data.reports
	start := _month_start[r.month]
	lib.ns(r.delivered_at) >= start
}

# required: the service months a host was in service in
required(host_id) := [m.label |
	[a, b] := lib.host_span(host_id)
	some m in lib.service_months
	m.start < b
	m.end > a
]

missing(host_id) := [label | some label in required(host_id); not [host_id, label] in reported]

_reason(host_id) := "host not in service during the period" if {
	not lib.in_service(host_id)
} else := sprintf("no log analysis report delivered for %d of %d months: %s", [count(m), count(required(host_id)), concat(", ", m)]) if {
	m := missing(host_id)
	count(m) > 0
}

verdict[host_id] := {"evidence": at, "reason": reason} if {
	some host_id, e in lib.hosts
	reason := _reason(host_id)
	at := lib.pointer(e.path, ["hosts", e.index])
}

excluded contains v if {
	some v in verdict
}

counted contains host_id if {
	some host_id, _ in lib.hosts
	not verdict[host_id]
}

deny contains v if {
	f := lib.files("log_analysis")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["reports"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded), "months": count(lib.service_months)})
