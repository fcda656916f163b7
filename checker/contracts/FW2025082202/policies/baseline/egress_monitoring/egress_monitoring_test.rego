package contract.baseline.egress_monitoring_test

import data.contract.baseline.egress_monitoring as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-11-03T00:00:00+08:00", "months": 2}}

record(id, type, month, delivered) := {"record_id": id, "type": type, "month": month, "delivered_at": delivered, "summary": {}}

evidence(records) := {"security_records": [{"path": "sec.json", "data": {"kind": "security_records", "records": records}}]}

good := [
	record("r1", "egress_monitoring", "2025-09", "2025-10-05T10:00:00+08:00"),
	record("r2", "egress_monitoring", "2025-10", "2025-11-05T10:00:00+08:00"),
]

test_success_one_record_per_service_month if {
	count(policy.deny) == 0 with input.evidence as evidence(good) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "month"} with input.evidence as evidence(good) with data.params as params
}

test_fail_month_missing_and_other_type_does_not_count if {
	records := [good[0], record("r2", "device_access_audit", "2025-10", "2025-11-05T10:00:00+08:00")]
	policy.deny == {{"msg": "no egress traffic monitoring record for service month 2025-10 [2.2.2.7]", "evidence": "sec.json#/records", "month": "2025-10"}} with input.evidence as evidence(records) with data.params as params
}

test_fail_record_dated_before_its_month_does_not_count if {
	records := [good[0], record("r2", "egress_monitoring", "2025-10", "2025-10-01T10:00:00+08:00")]
	policy.deny == {{"msg": "no egress traffic monitoring record for service month 2025-10 [2.2.2.7]", "evidence": "sec.json#/records", "month": "2025-10"}} with input.evidence as evidence(records) with data.params as params
}
