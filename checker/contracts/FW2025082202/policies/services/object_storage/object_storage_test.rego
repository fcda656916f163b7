package contract.services.object_storage_test

import data.contract.services.object_storage as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.14": {"quantity": 300, "unit": "GB"}},
}

alloc(id, gb, from, to) := {"allocation_id": id, "bucket": id, "quota_gb": gb, "from": from, "to": to}

evidence(allocations, usage) := {"object_storage": [{"path": "os.json", "data": {"kind": "object_storage", "allocations": allocations, "usage": usage}}]}

start := "2025-09-03T00:00:00+08:00"

march := "2026-03-03T00:00:00+08:00"

test_success_quota_held_all_year_with_a_resize if {
	# bucket b grows from 100 to 150 GB in March with no gap
	allocs := [alloc("a", 200, "2025-08-01T00:00:00+08:00", null), alloc("b", 100, start, march), alloc("b2", 150, march, null)]
	usage := [{"at": "2026-05-01T00:00:00+08:00", "bucket": "a", "used_gb": 120.5}]
	count(policy.deny) == 0 with input.evidence as evidence(allocs, usage) with data.params as params
	policy.measure == {"expected": 300, "actual": 300, "unit": "GB", "lowest_at": "2025-09-03T00:00:00+08:00", "peak_used_gb": 120.5} with input.evidence as evidence(allocs, usage) with data.params as params
}

test_fail_quota_reduced_mid_period if {
	allocs := [alloc("a", 200, start, null), alloc("b", 100, start, march), alloc("b2", 40, march, null)]
	policy.deny == {{"msg": "delivered 240 GB, contracted 300 (shortfall 60) [2.2.1.14]", "evidence": "os.json#/allocations", "lowest_at": "2026-03-03T00:00:00+08:00"}} with input.evidence as evidence(allocs, []) with data.params as params
}

test_fail_quota_provisioned_late if {
	allocs := [alloc("a", 200, start, null), alloc("b", 100, "2025-09-10T00:00:00+08:00", null)]
	policy.measure.actual == 200 with input.evidence as evidence(allocs, []) with data.params as params
	policy.measure.peak_used_gb == null with input.evidence as evidence(allocs, []) with data.params as params
}
