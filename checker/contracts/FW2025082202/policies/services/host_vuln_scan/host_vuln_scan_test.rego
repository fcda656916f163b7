package contract.services.host_vuln_scan_test

import data.contract.services.host_vuln_scan as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.7": {"quantity": 4, "unit": "host-scan", "rounds_per_host": 2, "report_within_days": 5}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

# finished an hour after it started; results reported to Party A the next day
scan(id, host_id, round, started) := {
	"scan_id": id, "round": round, "host_id": host_id, "started_at": started,
	"finished_at": time.format([time.parse_rfc3339_ns(started) + 3600000000000, "Asia/Shanghai"]),
	"report_delivered_at": time.format([time.parse_rfc3339_ns(started) + 86400000000000, "Asia/Shanghai"]),
	"tool": {"name": "nessus"}, "findings": [],
}

inventory := [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}]

good_scans := [
	scan("a", "h1", "R1", "2025-10-01T09:00:00+08:00"),
	scan("b", "h2", "R1", "2025-10-01T09:00:00+08:00"),
	scan("c", "h1", "R2", "2026-03-01T09:00:00+08:00"),
	scan("d", "h2", "R2", "2026-03-01T09:00:00+08:00"),
]

evidence(scans) := {"host_inventory": inventory, "vuln_scan": [{"path": "scans.json", "data": {"kind": "vuln_scan", "scans": scans}}]}

test_success_four_scans_meet_quantity if {
	count(policy.deny) == 0 with input.evidence as evidence(good_scans) with data.params as params with data.calendar as {}
	policy.measure == {"expected": 4, "actual": 4, "unit": "host-scan", "excluded": 0, "rounds_per_host": 2, "report_within_days": 5, "beyond_schedule": 0} with input.evidence as evidence(good_scans) with data.params as params with data.calendar as {}
}

test_fail_duplicate_round_counts_once if {
	scans := array.concat(array.slice(good_scans, 0, 3), [scan("e", "h1", "R2", "2026-03-02T09:00:00+08:00")])
	policy.deny == {{"msg": "delivered 3 host-scan, contracted 4 (shortfall 1) [2.2.1.7]", "evidence": "scans.json#/scans"}} with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
}

# defect: one host scanned four times filled the quantity (counted per host and round label)
test_fail_one_host_cannot_fill_the_quantity if {
	scans := [
		scan("a", "h1", "R1", "2025-10-01T09:00:00+08:00"), scan("b", "h1", "R2", "2026-01-01T09:00:00+08:00"),
		scan("c", "h1", "R3", "2026-03-01T09:00:00+08:00"), scan("d", "h1", "R4", "2026-06-01T09:00:00+08:00"),
	]
	policy.measure.actual == 2 with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
	policy.measure.beyond_schedule == 2 with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
	count(policy.deny) == 1 with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
}

# defect: one scan listed under two round labels counted twice
test_fail_one_scan_under_two_round_labels_counts_once if {
	relabelled := object.union(good_scans[0], {"round": "R2"})
	scans := [good_scans[0], relabelled, good_scans[1], good_scans[3]]
	policy.measure.actual == 3 with input.evidence as evidence(scans) with data.params as params with data.calendar as {}

	# the same scan under a new id (same host, same start instant) is still one scan
	renamed := object.union(good_scans[0], {"scan_id": "a-copy", "round": "R2"})
	policy.measure.actual == 3 with input.evidence as evidence([good_scans[0], renamed, good_scans[1], good_scans[3]]) with data.params as params with data.calendar as {}
}

# defect: 并反馈相关结果 — a scan whose results never reached Party A counted
test_fail_results_not_reported_to_party_a if {
	unreported := json.remove(good_scans[3], ["report_delivered_at"])
	scans := array.concat(array.slice(good_scans, 0, 3), [unreported])
	policy.measure.actual == 3 with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
	policy.excluded == {{"evidence": "scans.json#/scans/3", "reason": "results never reported to Party A (report_delivered_at)"}} with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
}

# report limit boundary: finished 2026-03-01 10:00, 5 days -> the end of 2026-03-06 (no
# calendar given: no holiday move). At the last second (at) counts; one second later
# (above) does not; one second earlier (below) counts
reported(at) := object.union(good_scans[3], {"report_delivered_at": at})

test_fail_report_limit_boundary if {
	policy.measure.actual == 4 with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [reported("2026-03-07T00:00:00+08:00")])) with data.params as params with data.calendar as {}
	policy.measure.actual == 3 with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [reported("2026-03-07T00:00:01+08:00")])) with data.params as params with data.calendar as {}
	policy.measure.actual == 4 with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [reported("2026-03-06T23:59:59+08:00")])) with data.params as params with data.calendar as {}
	policy.excluded == {{"evidence": "scans.json#/scans/3", "reason": "results reported 2026-03-07T00:00:01+08:00, after the limit of 5 days (2026-03-07T00:00:00+08:00)"}} with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [reported("2026-03-07T00:00:01+08:00")])) with data.params as params with data.calendar as {}
}

test_fail_report_before_the_scan_finished_or_after_the_bundle_was_made if {
	early := reported("2026-03-01T09:30:00+08:00")
	policy.excluded == {{"evidence": "scans.json#/scans/3", "reason": "results reported before the scan finished"}} with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [early])) with data.params as params with data.calendar as {}
	late := reported("2026-03-03T00:00:00+08:00")
	policy.measure.actual == 3 with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [late])) with input.bundle as {"created_at": "2026-03-02T23:59:59+08:00"} with data.params as params with data.calendar as {}
	policy.measure.actual == 4 with input.evidence as evidence(array.concat(array.slice(good_scans, 0, 3), [late])) with input.bundle as {"created_at": "2026-03-03T00:00:00+08:00"} with data.params as params with data.calendar as {}
}

test_fail_unknown_host_and_out_of_period_not_counted if {
	scans := array.concat(array.slice(good_scans, 0, 2), [
		scan("x", "ghost", "R2", "2026-03-01T09:00:00+08:00"),
		scan("y", "h2", "R2", "2026-09-03T00:00:00+08:00"),
	])
	policy.deny == {{"msg": "delivered 2 host-scan, contracted 4 (shortfall 2) [2.2.1.7]", "evidence": "scans.json#/scans"}} with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
	policy.excluded == {
		{"evidence": "scans.json#/scans/2", "reason": "host not in the inventory"},
		{"evidence": "scans.json#/scans/3", "reason": "started outside the service period"},
	} with input.evidence as evidence(scans) with data.params as params with data.calendar as {}
}

test_fail_scan_of_a_host_not_yet_in_service if {
	late_host := object.union(host("h2"), {"in_service_from": "2026-02-01T00:00:00+08:00"})
	ev := object.union(evidence(good_scans), {"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), late_host]}}]})
	policy.excluded == {{"evidence": "scans.json#/scans/1", "reason": "host not in service when the scan started"}} with input.evidence as ev with data.params as params with data.calendar as {}
}
