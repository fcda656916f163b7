package contract.payments.fiscal_delay_test

import data.contract.payments.fiscal_delay as policy

params := {
	"timezone": "Asia/Shanghai",
	"payments": {"fiscal_pay_within_working_days": 1, "deduction_must_equal_ledger": false},
	"liability": {"deduct_from": "7.2.2"},
	"instalments": [{"id": "7.2.1", "share_percent": "60", "amount_cny": "600.00", "due_working_days": 3, "after": "effective_date"}],
}

calendar := {"source": "test", "first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": ["2025-09-04", "2025-09-05", "2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11"]}

signing := {"signatures": [{"party": "party_a", "signed_on": "2025-09-03", "sealed": true}, {"party": "party_b", "signed_on": "2025-09-03", "sealed": true}]}

# due 2025-09-08; restriction lifted 09-09: payment due the next working day, 09-10
notice(by, at, lifted) := {"notice_id": "F1", "instalment": "7.2.1", "issued_by_role": by, "notified_at": at, "reason": "上级财政拨款", "restriction_lifted_on": lifted}

evidence(notices, suspensions, paid_on) := {
	"fiscal_delays": [{"path": "fd.json", "data": {"kind": "fiscal_delays", "as_of": "2025-12-01T00:00:00+08:00", "notices": notices, "provider_suspensions": suspensions}}],
	"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2025-12-01T00:00:00+08:00", "contract_signing": signing, "invoices": [], "payments": [{"payment_id": "P1", "instalment": "7.2.1", "paid_on": d, "amount_cny": "600.00", "invoice_id": "I1"} | some d in paid_on]}}],
}

test_success_notified_in_time_and_paid_the_working_day_after_the_lift if {
	ev := evidence([notice("party_a", "2025-09-08T10:00:00+08:00", "2025-09-09")], [], ["2025-09-10"])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_not_applicable_without_delays if {
	policy.not_applicable with input.evidence as evidence([], [], ["2025-09-05"]) with data.params as params with data.calendar as calendar
}

test_fail_paid_one_working_day_after_the_lift_window if {
	ev := evidence([notice("party_a", "2025-09-08T10:00:00+08:00", "2025-09-09")], [], ["2025-09-11"])
	policy.deny == {{"msg": "instalment 7.2.1 paid on 2025-09-11: the restriction ended on 2025-09-09, payment due 2025-09-10 (立即) [7.3]", "evidence": "fd.json#/notices/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_notice_after_the_deadline_or_not_from_party_a if {
	ev := evidence([notice("party_a", "2025-09-09T10:00:00+08:00", null)], [], [])
	policy.deny == {{"msg": "delay notice F1 for instalment 7.2.1 reached Party B on 2025-09-09, after the deadline 2025-09-08 [7.3]", "evidence": "fd.json#/notices/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
	ev2 := evidence([notice("party_b", "2025-09-08T10:00:00+08:00", null)], [], [])
	policy.deny == {{"msg": "delay notice F1 was issued by party_b, not Party A: it excuses no delay [7.3]", "evidence": "fd.json#/notices/0"}} with input.evidence as ev2 with data.params as params with data.calendar as calendar
}

test_fail_party_b_suspended_during_the_delay if {
	s := {"suspension_id": "S1", "started_at": "2025-09-09T10:00:00+08:00", "ended_at": null, "obligation": "scale-out work", "recorded_by_role": "party_a"}
	ev := evidence([notice("party_a", "2025-09-08T10:00:00+08:00", null)], [s], [])
	policy.deny == {{"msg": "Party B suspended scale-out work from 2025-09-09T10:00:00+08:00 on account of a payment (乙方不得因此延迟、拒绝、终止、暂停义务的履行) [7.3]", "evidence": "fd.json#/provider_suspensions/0"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}
