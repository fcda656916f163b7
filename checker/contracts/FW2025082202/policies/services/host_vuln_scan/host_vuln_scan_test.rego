package contract.services.host_vuln_scan_test

import data.contract.services.host_vuln_scan as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.7": {"quantity": 4, "unit": "host-scan"}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

scan(id, host_id, round, started) := {"scan_id": id, "round": round, "host_id": host_id, "started_at": started, "finished_at": "2026-08-01T00:00:00+08:00", "tool": {"name": "nessus"}, "findings": []}

inventory := [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}]

good_scans := [
	scan("a", "h1", "R1", "2025-10-01T09:00:00+08:00"),
	scan("b", "h2", "R1", "2025-10-01T09:00:00+08:00"),
	scan("c", "h1", "R2", "2026-03-01T09:00:00+08:00"),
	scan("d", "h2", "R2", "2026-03-01T09:00:00+08:00"),
]

evidence(scans) := {"host_inventory": inventory, "vuln_scan": [{"path": "scans.json", "data": {"kind": "vuln_scan", "scans": scans}}]}

test_success_four_scans_meet_quantity if {
	count(policy.deny) == 0 with input.evidence as evidence(good_scans) with data.params as params
	policy.measure == {"expected": 4, "actual": 4, "unit": "host-scan", "excluded": 0} with input.evidence as evidence(good_scans) with data.params as params
}

test_fail_duplicate_round_counts_once if {
	scans := array.concat(array.slice(good_scans, 0, 3), [scan("e", "h1", "R2", "2026-03-02T09:00:00+08:00")])
	policy.deny == {{"msg": "delivered 3 host-scan, contracted 4 (shortfall 1) [2.2.1.7]", "evidence": "scans.json#/scans"}} with input.evidence as evidence(scans) with data.params as params
}

test_fail_unknown_host_and_out_of_period_not_counted if {
	scans := array.concat(array.slice(good_scans, 0, 2), [
		scan("x", "ghost", "R2", "2026-03-01T09:00:00+08:00"),
		scan("y", "h2", "R2", "2026-09-03T00:00:00+08:00"),
	])
	policy.deny == {{"msg": "delivered 2 host-scan, contracted 4 (shortfall 2) [2.2.1.7]", "evidence": "scans.json#/scans"}} with input.evidence as evidence(scans) with data.params as params
	policy.excluded == {
		{"evidence": "scans.json#/scans/2", "reason": "host not in the inventory"},
		{"evidence": "scans.json#/scans/3", "reason": "started outside the service period"},
	} with input.evidence as evidence(scans) with data.params as params
}
