package contract.services.data_transfer_test

import data.contract.services.data_transfer as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.15": {"quantity": 2, "unit": "front-end pair"}},
}

unit(id) := {"pair_id": id, "front_ends": [{"name": "in", "network": "e-gov extranet"}, {"name": "out", "network": "internet"}], "status": "active", "service_from": "2025-09-01T00:00:00+08:00", "service_to": null}

evidence(units) := {"data_transfer": [{"path": "u.json", "data": {"kind": "data_transfer", "pairs": units}}]}

with_extra(units, extra) := {"data_transfer": [{"path": "u.json", "data": object.union({"kind": "data_transfer", "pairs": units}, extra)}]}

test_success_two_units_over_the_whole_period if {
	count(policy.deny) == 0 with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "front-end pair", "excluded": 0} with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
}

test_fail_status_inactive if {
	units := [unit("a"), object.union(unit("b"), {"status": "inactive"})]
	policy.deny == {{"msg": "delivered 1 front-end pair, contracted 2 (shortfall 1) [2.2.1.15]", "evidence": "u.json#/pairs"}} with input.evidence as evidence(units) with data.params as params
	policy.excluded == {{"evidence": "u.json#/pairs/1", "reason": "status inactive, active required"}} with input.evidence as evidence(units) with data.params as params
}

test_fail_started_late_or_ended_early_and_duplicate_counts_once if {
	late := object.union(unit("b"), {"service_from": "2025-10-01T00:00:00+08:00"})
	ended := object.union(unit("c"), {"service_to": "2026-03-01T00:00:00+08:00"})
	units := [unit("a"), unit("a"), late, ended]
	policy.measure.actual == 1 with input.evidence as evidence(units) with data.params as params
	policy.excluded == {
		{"evidence": "u.json#/pairs/2", "reason": "not in service over the whole period (service_from/service_to)"},
		{"evidence": "u.json#/pairs/3", "reason": "not in service over the whole period (service_from/service_to)"},
	} with input.evidence as evidence(units) with data.params as params
}

test_success_no_service_to_field_means_still_in_service if {
	units := [json.remove(unit("a"), ["service_to"]), unit("b")]
	count(policy.deny) == 0 with input.evidence as evidence(units) with data.params as params
}

test_fail_pair_inside_one_network_not_counted if {
	units := [unit("a"), object.union(unit("b"), {"front_ends": [{"name": "x", "network": "internet"}, {"name": "y", "network": "internet"}]})]
	policy.excluded == {{"evidence": "u.json#/pairs/1", "reason": "both front-ends in one network: no isolation boundary crossed"}} with input.evidence as evidence(units) with data.params as params
}

