# METADATA
# title: Every cloud host monitored (CPU, memory)
# description: >-
#   云主机监控 (第二条 2(2) 安全技术服务 第11项: 提供云上资源的基本监控，包括 CPU、
#   内存使用率等): every host of the inventory in service during the period is
#   monitored with the metrics of data.params.baseline.host_metrics for the whole
#   part of the period it is in service.
# custom:
#   clause: "2.2.2.14"
#   evidence: [host_monitoring, host_inventory]
#   severity: medium
package contract.baseline.host_monitoring

import data.contract.lib

clause := "2.2.2.14"

metrics := {m | some m in data.params.baseline.host_metrics}

entries[h.host_id] contains {"entry": h, "at": at} if {
	some f in lib.files("host_monitoring")
	some i, h in f.data.hosts
	at := lib.pointer(f.path, ["hosts", i])
}

in_service contains id if {
	some id, _ in lib.hosts
	lib.in_service(id)
}

# (regorus 0.13 leaves an empty multi-value partial rule undefined, not {}; bound once)
_entries := x if {
	x := entries
} else := {}

covered contains id if {
	es := _entries
	some id in in_service
	some e in object.get(es, id, set())
	_complete(e.entry, lib.host_span(id))
}

_complete(entry, span) if {
	count(metrics - {m | some m in entry.metrics}) == 0
	lib.ns(entry.monitored_from) <= span[0]
	_until(entry) >= span[1]
}

_until(entry) := lib.period_end if {
	object.get(entry, "monitored_to", null) == null
} else := lib.ns(entry.monitored_to)

deny contains v if {
	es := _entries
	some id in in_service - covered
	h := lib.hosts[id]
	mine := object.get(es, id, set())
	reason := _reason(mine)
	msg := sprintf("host %s (system %s) %s [%s]", [id, h.host.system_id, reason, clause])
	v := object.union(lib.violation(msg, _at(id, mine)), {"host_id": id})
}

_reason(mine) := "is not monitored" if {
	count(mine) == 0
} else := sprintf("lacks metrics %v", [sort(metrics - {m | some e in mine; some m in e.entry.metrics})]) if {
	count(metrics - {m | some e in mine; some m in e.entry.metrics}) > 0
} else := "is not monitored for the whole time it is in service"

_at(id, mine) := min({e.at | some e in mine}) if {
	count(mine) > 0
} else := lib.pointer(lib.hosts[id].path, ["hosts", lib.hosts[id].index])

measure := {"expected": count(in_service), "actual": count(covered), "unit": "host"}
