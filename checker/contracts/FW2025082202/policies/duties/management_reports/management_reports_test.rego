package contract.duties.management_reports_test

import data.contract.duties.management_reports as policy

topics := ["resource_rental", "security_monitoring"]

params(step) := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"management_report_interval_months": step, "management_report_topics": topics}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

rc(org, at) := {"ref": "RC", "organisation_role": org, "role": "platform officer", "signed_at": at, "signature": {"method": "seal", "reference": "letters/RC.pdf", "sha256": sig}}

rep(id, role, at, ts) := {"report_id": id, "to_role": role, "delivered_at": at, "topics": ts, "receipt": rc(role, at)}

ev(as_of, rs) := {"management_reports": [{"path": "mr.json", "data": {"kind": "management_reports", "as_of": as_of, "reports": rs}}]}

# the first month only: 2025-09-03 to 2025-10-02 (export at its end)
first_month(at_cmu, at_sp) := [rep("M1", "cloud_management_unit", at_cmu, topics), rep("S1", "supervision_provider", at_sp, topics)]

test_success_both_roles_in_the_first_month_on_its_last_second if {
	count(policy.deny) == 0 with input.evidence as ev("2025-10-03T00:00:00+08:00", first_month("2025-10-02T23:59:59+08:00", "2025-09-03T00:00:00+08:00")) with data.params as params(1)
	policy.measure == {"intervals_due": 1, "intervals": 12} with input.evidence as ev("2025-10-03T00:00:00+08:00", []) with data.params as params(1)
}

test_success_interval_not_ended_is_not_due if {
	count(policy.deny) == 0 with input.evidence as ev("2025-10-02T23:59:59+08:00", []) with data.params as params(1)
}

test_fail_report_one_second_into_the_next_interval if {
	policy.deny == {{"msg": "no report to the cloud_management_unit received in the interval 2025-09-03 to 2025-10-02 [15.7]", "evidence": "mr.json#/reports", "interval": ["2025-09-03", "2025-10-02"], "to_role": "cloud_management_unit"}} with input.evidence as ev("2025-10-03T00:00:00+08:00", first_month("2025-10-03T00:00:00+08:00", "2025-09-10T10:00:00+08:00")) with data.params as params(1)
}

test_fail_receipt_signed_by_another_role_and_missing_topic if {
	rs := [
		object.union(rep("M1", "cloud_management_unit", "2025-09-30T10:00:00+08:00", topics), {"receipt": rc("party_b", "2025-09-30T10:00:00+08:00")}),
		rep("S1", "supervision_provider", "2025-09-30T10:00:00+08:00", ["resource_rental"]),
	]
	policy.deny == {
		{"msg": "no report to the cloud_management_unit received in the interval 2025-09-03 to 2025-10-02 (without the recipient's signed receipt: M1) [15.7]", "evidence": "mr.json#/reports", "interval": ["2025-09-03", "2025-10-02"], "to_role": "cloud_management_unit"},
		{"msg": "the reports to the supervision_provider in the interval 2025-09-03 to 2025-10-02 do not cover: security_monitoring [15.7]", "evidence": "mr.json#/reports", "interval": ["2025-09-03", "2025-10-02"], "to_role": "supervision_provider"},
	} with input.evidence as ev("2025-10-03T00:00:00+08:00", rs) with data.params as params(1)
}

test_success_topics_spread_over_two_reports if {
	rs := [
		rep("M1", "cloud_management_unit", "2025-09-20T10:00:00+08:00", ["resource_rental"]),
		rep("M2", "cloud_management_unit", "2025-09-25T10:00:00+08:00", ["security_monitoring"]),
		rep("S1", "supervision_provider", "2025-09-30T10:00:00+08:00", topics),
	]
	count(policy.deny) == 0 with input.evidence as ev("2025-10-03T00:00:00+08:00", rs) with data.params as params(1)
}

test_success_quarterly_interval_parameter if {
	# a 3-month interval: one report each in 2025-09-03 .. 2025-12-02 is enough
	count(policy.deny) == 0 with input.evidence as ev("2025-12-03T00:00:00+08:00", first_month("2025-11-20T10:00:00+08:00", "2025-12-02T23:59:59+08:00")) with data.params as params(3)
}

test_fail_monthly_interval_with_quarterly_reports if {
	count(policy.deny) == 4 with input.evidence as ev("2025-12-03T00:00:00+08:00", first_month("2025-11-20T10:00:00+08:00", "2025-12-02T23:59:59+08:00")) with data.params as params(1)
}
