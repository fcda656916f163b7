package contract.services.cloud_ddos_test

import data.contract.services.cloud_ddos as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.13": {"quantity": 2, "unit": "site"}},
}

unit(id) := {"site_id": id, "domain": sprintf("%s.example.invalid", [id]), "status": "protected", "service_from": "2025-09-01T00:00:00+08:00", "service_to": null}

evidence(units) := {"cloud_ddos": [{"path": "u.json", "data": {"kind": "cloud_ddos", "sites": units}}]}

with_extra(units, extra) := {"cloud_ddos": [{"path": "u.json", "data": object.union({"kind": "cloud_ddos", "sites": units}, extra)}]}

test_success_two_units_over_the_whole_period if {
	count(policy.deny) == 0 with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "site", "excluded": 0, "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence([unit("a"), unit("b")]) with data.params as params
}

test_fail_status_suspended if {
	units := [unit("a"), object.union(unit("b"), {"status": "suspended"})]
	policy.deny == {{"msg": "delivered 1 site, contracted 2 (shortfall 1) [2.2.1.13]", "evidence": "u.json#/sites", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(units) with data.params as params
	policy.excluded == {{"evidence": "u.json#/sites/1", "reason": "status suspended, protected required"}} with input.evidence as evidence(units) with data.params as params
}

# defect (reading rule 3): a unit starting a month late was excluded outright, and a
# replacement could not make up for a unit that left; now each counts for its window
test_fail_started_late_and_duplicate_counts_once if {
	late := object.union(unit("b"), {"service_from": "2025-10-01T00:00:00+08:00"})
	units := [unit("a"), unit("a"), late]
	policy.measure.actual == 1 with input.evidence as evidence(units) with data.params as params
	policy.measure.lowest_at == "2025-09-03T00:00:00+08:00" with input.evidence as evidence(units) with data.params as params
	count(policy.excluded) == 0 with input.evidence as evidence(units) with data.params as params
}

test_success_replacement_without_gap if {
	ended := object.union(unit("c"), {"service_to": "2026-03-01T00:00:00+08:00"})
	next := object.union(unit("b"), {"service_from": "2026-03-01T00:00:00+08:00"})
	count(policy.deny) == 0 with input.evidence as evidence([unit("a"), ended, next]) with data.params as params
	gap := object.union(unit("b"), {"service_from": "2026-03-01T00:00:01+08:00"})
	policy.measure.actual == 1 with input.evidence as evidence([unit("a"), ended, gap]) with data.params as params
	policy.measure.lowest_at == "2026-03-01T00:00:00+08:00" with input.evidence as evidence([unit("a"), ended, gap]) with data.params as params
}

# boundary: a window from the period start (at) counts, from one second later (above)
# leaves a gap, from one second earlier (below) counts
test_fail_window_start_boundary if {
	policy.measure.actual == 2 with input.evidence as evidence([unit("a"), object.union(unit("b"), {"service_from": "2025-09-03T00:00:00+08:00"})]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([unit("a"), object.union(unit("b"), {"service_from": "2025-09-03T00:00:01+08:00"})]) with data.params as params
	policy.measure.actual == 2 with input.evidence as evidence([unit("a"), object.union(unit("b"), {"service_from": "2025-09-02T23:59:59+08:00"})]) with data.params as params
}

test_fail_window_outside_the_period_is_excluded if {
	gone := object.union(unit("b"), {"service_from": "2025-01-01T00:00:00+08:00", "service_to": "2025-09-03T00:00:00+08:00"})
	count(policy.excluded) == 1 with input.evidence as evidence([unit("a"), gone]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([unit("a"), gone]) with data.params as params
}

test_success_no_service_to_field_means_still_in_service if {
	units := [json.remove(unit("a"), ["service_to"]), unit("b")]
	count(policy.deny) == 0 with input.evidence as evidence(units) with data.params as params
}

