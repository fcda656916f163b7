package contract.baseline.host_monitoring_test

import data.contract.baseline.host_monitoring as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"baseline": {"host_metrics": ["cpu_usage", "memory_usage"]},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

mon(id, metrics, from) := {"host_id": id, "metrics": metrics, "monitored_from": from, "monitored_to": null}

both := ["cpu_usage", "memory_usage", "disk_usage"]

evidence(entries) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2"), host("h3")]}}],
	"host_monitoring": [{"path": "mon.json", "data": {"kind": "host_monitoring", "hosts": entries, "monitors": []}}],
}

good := [mon("h1", both, "2025-09-01T00:00:00+08:00"), mon("h2", both, "2025-09-01T00:00:00+08:00"), mon("h3", both, "2025-09-03T00:00:00+08:00")]

test_success_every_host_monitored_with_cpu_and_memory if {
	count(policy.deny) == 0 with input.evidence as evidence(good) with data.params as params
	policy.measure == {"expected": 3, "actual": 3, "unit": "host"} with input.evidence as evidence(good) with data.params as params
}

test_fail_unmonitored_late_and_partial_hosts if {
	entries := [mon("h1", ["cpu_usage"], "2025-09-01T00:00:00+08:00"), mon("h2", both, "2025-10-01T00:00:00+08:00")]
	policy.deny == {
		{"msg": "host h1 (system S1) lacks metrics [\"memory_usage\"] [2.2.2.14]", "evidence": "mon.json#/hosts/0", "host_id": "h1"},
		{"msg": "host h2 (system S1) is not monitored for the whole time it is in service [2.2.2.14]", "evidence": "mon.json#/hosts/1", "host_id": "h2"},
		{"msg": "host h3 (system S1) is not monitored [2.2.2.14]", "evidence": "hosts.json#/hosts/2", "host_id": "h3"},
	} with input.evidence as evidence(entries) with data.params as params
}
