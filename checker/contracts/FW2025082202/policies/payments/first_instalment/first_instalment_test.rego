package contract.payments.first_instalment_test

import data.contract.payments.first_instalment as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"payments": {"fiscal_pay_within_working_days": 1, "deduction_must_equal_ledger": false},
	"liability": {"deduct_from": "7.2.2"},
	"instalments": [
		{"id": "7.2.1", "share_percent": "60", "amount_cny": "600.00", "due_working_days": 3, "after": "effective_date"},
		{"id": "7.2.2", "share_percent": "40", "amount_cny": "400.00", "due_working_days": 2, "after": "acceptance"},
	],
}

# Thu 09-04, Fri 09-05, Mon 09-08: the 3rd working day after Wed 09-03 is 09-08
calendar := {"source": "test", "first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": ["2025-09-03", "2025-09-04", "2025-09-05", "2025-09-08", "2025-09-09", "2025-09-10"]}

pay(id, on, amount) := {"payment_id": id, "instalment": "7.2.1", "paid_on": on, "amount_cny": amount, "invoice_id": "I1"}

signing := {"signatures": [{"party": "party_a", "signed_on": "2025-09-02", "sealed": true}, {"party": "party_b", "signed_on": "2025-09-03", "sealed": true}]}

invoices := [{"invoice_id": "I1", "instalment": "7.2.1", "issued_on": "2025-09-04", "amount_cny": "600.00", "meets_requirements": true}]

evidence(as_of, payments) := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": as_of, "contract_signing": signing, "invoices": invoices, "payments": payments}}]}

test_success_paid_in_full_on_the_last_day if {
	ev := evidence("2025-12-01T00:00:00+08:00", [pay("P1", "2025-09-08", "600.00")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
	policy.measure == {"due": "2025-09-08", "paid_cny": "600.00", "deducted_cny": "0.00", "expected_cny": "600.00"} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_pending_before_the_deadline if {
	policy.not_applicable with input.evidence as evidence("2025-09-05T12:00:00+08:00", []) with data.params as params with data.calendar as calendar
}

test_fail_paid_one_working_day_late if {
	ev := evidence("2025-12-01T00:00:00+08:00", [pay("P1", "2025-09-09", "600.00")])
	policy.deny == {{"msg": "first instalment paid on 2025-09-09, 4 working days after the contract took effect on 2025-09-03 (limit 3; due 2025-09-08 with the invoice of 2025-09-04) [7.2.1]", "evidence": "pay.json#/payments/0", "working_days": 4, "due": "2025-09-08"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_effective_date_is_the_later_signature if {
	# Party B signed only on 09-04: due the 3rd working day after it, 09-09; paid 09-10
	late_b := {"signatures": [{"party": "party_a", "signed_on": "2025-09-02", "sealed": true}, {"party": "party_b", "signed_on": "2025-09-04", "sealed": true}]}
	ev := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2025-12-01T00:00:00+08:00", "contract_signing": late_b, "invoices": invoices, "payments": [pay("P1", "2025-09-09", "600.00")]}}]}
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_no_signing_record if {
	ev := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2025-12-01T00:00:00+08:00", "contract_signing": {"signatures": [{"party": "party_a", "signed_on": "2025-09-02", "sealed": true}]}, "invoices": invoices, "payments": [pay("P1", "2025-09-08", "600.00")]}}]}
	policy.deny == {{"msg": "no signing record of both parties (signed and sealed, 第二十条 1): the first instalment's deadline cannot be counted [7.2.1]", "evidence": "pay.json#/contract_signing"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_one_fen_short if {
	ev := evidence("2025-12-01T00:00:00+08:00", [pay("P1", "2025-09-05", "599.99")])
	policy.deny == {{"msg": "first instalment: paid 599.99 + deducted 0.00 = 599.99, the instalment is 600.00 [7.2.1]", "evidence": "pay.json#/payments", "paid_cny": "599.99", "deducted_cny": "0.00", "expected_cny": "600.00"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_short_paid_for_deductions_is_short if {
	# 12.3: penalties come off the final instalment only
	p := object.union(pay("P1", "2025-09-05", "550.00"), {"deductions": [{"amount_cny": "50.00", "reason": "fine"}]})
	ev := evidence("2025-12-01T00:00:00+08:00", [p])
	policy.deny == {{"msg": "first instalment: 50.00 deducted as penalties, but penalties come off the final instalment only (第十二条 3 尾款): short by 50.00 [7.2.1]", "evidence": "pay.json#/payments"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_fail_not_paid_after_the_deadline if {
	ev := evidence("2025-09-10T09:00:00+08:00", [])
	policy.deny == {{"msg": "first instalment not paid: due 2025-09-08 (3 working days after the contract took effect on 2025-09-03, invoiced 2025-09-04) [7.2.1]", "evidence": "pay.json#/payments", "due": "2025-09-08"}} with input.evidence as ev with data.params as params with data.calendar as calendar
	not policy.not_applicable with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_not_late_without_a_compliant_invoice if {
	ev := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2025-12-01T00:00:00+08:00", "contract_signing": signing, "invoices": [], "payments": []}}]}
	policy.not_applicable with input.evidence as ev with data.params as params with data.calendar as calendar
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_fiscal_delay_notified_then_paid_after_the_lift if {
	fd := {"fiscal_delays": [{"path": "fd.json", "data": {"kind": "fiscal_delays", "as_of": "2025-12-01T00:00:00+08:00", "provider_suspensions": [], "notices": [{"notice_id": "F1", "instalment": "7.2.1", "issued_by_role": "party_a", "notified_at": "2025-09-08T10:00:00+08:00", "reason": "上级财政拨款", "restriction_lifted_on": "2025-09-09"}]}}]}
	ev := object.union(evidence("2025-12-01T00:00:00+08:00", [pay("P1", "2025-09-10", "600.00")]), fd)
	count(policy.deny) == 0 with input.evidence as ev with data.params as params with data.calendar as calendar
}
