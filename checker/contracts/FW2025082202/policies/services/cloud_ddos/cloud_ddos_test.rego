package contract.services.cloud_ddos_test

import data.contract.services.cloud_ddos as policy

params := {
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.13": {"quantity": 2, "unit": "site"}},
}

unit(id) := {"site_id": id, "domain": sprintf("%s.example.invalid", [id]), "status": "protected", "service_from": "2025-09-01T00:00:00+08:00", "service_to": null}

evidence(units) := {"cloud_ddos": [{"path": "u.json", "data": {"kind": "cloud_ddos", "sites": units}}]}

with_extra(units, extra) := {"cloud_ddos": [{"path": "u.json", "data": object.union({"kind": "cloud_ddos", "sites": units}, extra)}]}

test_success_two_units_over_the_whole_period if {
	count(policy.deny) == 0 with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "site", "excluded": 0} with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
}

test_fail_status_suspended if {
	units := [unit("a"), object.union(unit("b"), {"status": "suspended"})]
	policy.deny == {{"msg": "delivered 1 site, contracted 2 (shortfall 1) [2.2.1.13]", "evidence": "u.json#/sites"}} with input.evidence as evidence(units) with data.params as params
	policy.excluded == {{"evidence": "u.json#/sites/1", "reason": "status suspended, protected required"}} with input.evidence as evidence(units) with data.params as params
}

test_fail_started_late_or_ended_early_and_duplicate_counts_once if {
	late := object.union(unit("b"), {"service_from": "2025-10-01T00:00:00+08:00"})
	ended := object.union(unit("c"), {"service_to": "2026-03-01T00:00:00+08:00"})
	units := [unit("a"), unit("a"), late, ended]
	policy.measure.actual == 1 with input.evidence as evidence(units) with data.params as params
	policy.excluded == {
		{"evidence": "u.json#/sites/2", "reason": "not in service over the whole period (service_from/service_to)"},
		{"evidence": "u.json#/sites/3", "reason": "not in service over the whole period (service_from/service_to)"},
	} with input.evidence as evidence(units) with data.params as params
}

test_success_no_service_to_field_means_still_in_service if {
	units := [json.remove(unit("a"), ["service_to"]), unit("b")]
	count(policy.deny) == 0 with input.evidence as evidence(units) with data.params as params
}

