package contract.deliverables.monthly_reports_test

import data.contract.deliverables.monthly_reports as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"deliverables": {"monthly_report_due_day": 10},
}

report(month, at) := {"doc_id": concat("-", ["MR", month]), "title": "项目月报", "month": month, "delivered_at": at}

evidence(reports, as_of) := {"deliverables": [{"path": "d.json", "data": {"kind": "deliverables", "as_of": as_of, "implementation_plan": null, "monthly_reports": reports, "special_events": [], "special_reports": [], "summary_report": null}}]}

# service months 2025-09 .. 2026-08, each reported on the 5th of the next month
labels := ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]

next := ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]

all_reports := [report(labels[i], sprintf("%s-05T10:00:00+08:00", [next[i]])) | some i in numbers.range(0, 11)]

after := "2026-09-30T00:00:00+08:00"

test_success_twelve_reports_on_time if {
	count(policy.deny) == 0 with input.evidence as evidence(all_reports, after) with data.params as params
	policy.measure == {"expected": 12, "actual": 12, "unit": "monthly reports on time", "missing": 0, "late": 0, "not_yet_due": 0} with input.evidence as evidence(all_reports, after) with data.params as params
}

test_success_due_day_ends_at_midnight if {
	reports := array.concat(array.slice(all_reports, 0, 11), [report("2026-08", "2026-09-10T23:59:59+08:00")])
	count(policy.deny) == 0 with input.evidence as evidence(reports, after) with data.params as params
}

test_fail_one_month_missing if {
	reports := array.concat(array.slice(all_reports, 0, 3), array.slice(all_reports, 4, 12))
	policy.deny == {{
		"msg": "no monthly report for service month 2025-12 (due by 2026-01-10) [6.3.2]",
		"evidence": "d.json#/monthly_reports",
		"month": "2025-12", "due": "2026-01-10",
	}} with input.evidence as evidence(reports, after) with data.params as params
}

test_fail_one_report_late if {
	reports := array.concat(array.slice(all_reports, 0, 5), array.concat([report("2026-02", "2026-03-11T00:00:00+08:00")], array.slice(all_reports, 6, 12)))
	policy.deny == {{
		"msg": "monthly report MR-2026-02 for 2026-02 delivered 2026-03-11T00:00:00+08:00, due by 2026-03-10 [6.3.2]",
		"evidence": "d.json#/monthly_reports/5",
		"month": "2026-02", "due": "2026-03-10", "doc_id": "MR-2026-02", "delivered_at": "2026-03-11T00:00:00+08:00",
	}} with input.evidence as evidence(reports, after) with data.params as params
}

test_success_months_not_yet_due_are_not_judged if {
	reports := array.slice(all_reports, 0, 3)
	count(policy.deny) == 0 with input.evidence as evidence(reports, "2026-01-05T00:00:00+08:00") with data.params as params
	policy.measure.not_yet_due == 9 with input.evidence as evidence(reports, "2026-01-05T00:00:00+08:00") with data.params as params
}
