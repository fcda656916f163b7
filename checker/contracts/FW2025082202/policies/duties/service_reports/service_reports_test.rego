package contract.duties.service_reports_test

import data.contract.duties.service_reports as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

report(month, at) := {"doc_id": month, "title": month, "delivered_at": at, "month": month}

evidence(as_of, reports) := {"deliverables": [{"path": "del.json", "data": {"kind": "deliverables", "as_of": as_of, "monthly_reports": reports}}]}

test_success_every_ended_month_reported if {
	# as_of 2025-11-05: months 2025-09 (to 10-03) and 2025-10 (to 11-03) have ended
	ev := evidence("2025-11-05T00:00:00+08:00", [report("2025-09", "2025-10-08T10:00:00+08:00"), report("2025-10", "2025-11-04T10:00:00+08:00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"months_ended": 2, "months_reported": 2} with input.evidence as ev with data.params as params
}

test_fail_month_without_report if {
	ev := evidence("2025-11-05T00:00:00+08:00", [report("2025-09", "2025-10-08T10:00:00+08:00")])
	policy.deny == {{"msg": "no written service report for service month 2025-10 [9.8]", "evidence": "del.json#/monthly_reports"}} with input.evidence as ev with data.params as params
}
