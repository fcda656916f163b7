package contract.payments.final_instalment_test

import data.contract.payments.final_instalment as policy

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

# acceptance passed on Mon 2026-09-28; the 2nd working day after it is 09-30
calendar := {"source": "test", "first_day": "2025-01-01", "last_day": "2026-12-31", "working_days": ["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-09"]}

rounds := [
	{"round": 1, "submitted_at": "2026-09-03T10:00:00+08:00", "held_on": "2026-09-10", "result": "fail"},
	{"round": 2, "submitted_at": "2026-09-20T10:00:00+08:00", "held_on": "2026-09-28", "result": "pass"},
]

pay(on, amount, deducted) := {"payment_id": "P2", "instalment": "7.2.2", "paid_on": on, "amount_cny": amount, "invoice_id": "I2", "deductions": [{"amount_cny": deducted, "reason": "A3.5 outage of S2", "liability_ref": "A3.5"}]}

invoice := {"invoice_id": "I2", "instalment": "7.2.2", "issued_on": "2026-09-28", "amount_cny": "350.00", "meets_requirements": true}

evidence(rs, payments) := {
	"acceptance": [{"path": "acc.json", "data": {"kind": "acceptance", "as_of": "2026-11-01T00:00:00+08:00", "rounds": rs}}],
	"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2026-11-01T00:00:00+08:00", "invoices": [invoice], "payments": payments}}],
}

ledger(total) := {"deductible_total_cny": total}

test_success_paid_less_the_deducted_fine_on_time if {
	ev := evidence(rounds, [pay("2026-09-30", "350.00", "50.00")])
	count(policy.deny) == 0 with input.evidence as ev with input.liability as ledger("50.00") with data.params as params with data.calendar as calendar
	policy.measure == {"due": "2026-09-30", "paid_cny": "350.00", "deducted_cny": "50.00", "expected_cny": "400.00"} with input.evidence as ev with input.liability as ledger("50.00") with data.params as params with data.calendar as calendar
}

test_success_deducting_less_than_the_ledger if {
	# 12.3 甲方可从尾款中抵扣: A may deduct less than the ledger (not more)
	ev := evidence(rounds, [pay("2026-09-30", "350.00", "50.00")])
	count(policy.deny) == 0 with input.evidence as ev with input.liability as ledger("50.01") with data.params as params with data.calendar as calendar
}

test_fail_deducting_less_than_the_ledger_when_it_must_equal if {
	ev := evidence(rounds, [pay("2026-09-30", "350.00", "50.00")])
	p := object.union(params, {"payments": {"fiscal_pay_within_working_days": 1, "deduction_must_equal_ledger": true}})
	policy.deny == {{"msg": "final instalment: deducted 50.00, the liability ledger's deductible total is 50.01 [7.2.2]", "evidence": "pay.json#/payments"}} with input.evidence as ev with input.liability as ledger("50.01") with data.params as p with data.calendar as calendar
}

test_fail_without_the_ledger_nothing_reconciles if {
	ev := evidence(rounds, [pay("2026-09-30", "350.00", "50.00")])
	policy.deny == {{"msg": "final instalment: the liability ledger's deductible total was not handed in, so the deductions cannot be reconciled [7.2.2]", "evidence": "pay.json#/payments"}} with input.evidence as ev with data.params as params with data.calendar as calendar
}

test_success_not_applicable_before_acceptance_passed if {
	ev := evidence(array.slice(rounds, 0, 1), [])
	policy.not_applicable with input.evidence as ev with input.liability as ledger("0.00") with data.params as params with data.calendar as calendar
	count(policy.deny) == 0 with input.evidence as ev with input.liability as ledger("0.00") with data.params as params with data.calendar as calendar
}

test_fail_deducted_more_than_the_ledger if {
	# boundary: 50.00 against a ledger of 49.99 is one fen over
	ev := evidence(rounds, [pay("2026-09-30", "350.00", "50.00")])
	policy.deny == {{"msg": "final instalment: deducted 50.00, the liability ledger's deductible total is 49.99 [7.2.2]", "evidence": "pay.json#/payments"}} with input.evidence as ev with input.liability as ledger("49.99") with data.params as params with data.calendar as calendar
}

test_fail_paid_in_full_and_deducted_too if {
	ev := evidence(rounds, [pay("2026-09-29", "400.00", "50.00")])
	policy.deny == {{"msg": "final instalment: paid 400.00 + deducted 50.00 = 450.00, the instalment is 400.00 [7.2.2]", "evidence": "pay.json#/payments", "paid_cny": "400.00", "deducted_cny": "50.00", "expected_cny": "400.00"}} with input.evidence as ev with input.liability as ledger("50.00") with data.params as params with data.calendar as calendar
}

test_fail_late_counted_from_the_passing_round if {
	ev := evidence(rounds, [pay("2026-10-09", "350.00", "50.00")])
	policy.deny == {{"msg": "final instalment paid on 2026-10-09, 3 working days after acceptance passed on 2026-09-28 (limit 2; due 2026-09-30 with the invoice of 2026-09-28) [7.2.2]", "evidence": "pay.json#/payments/0", "working_days": 3, "due": "2026-09-30"}} with input.evidence as ev with input.liability as ledger("50.00") with data.params as params with data.calendar as calendar
}

test_success_invoice_after_the_deadline_moves_it if {
	# 7.2(3): invoiced only on 10-09, paid that day: not late
	late_inv := object.union(invoice, {"issued_on": "2026-10-09"})
	ev := object.union(evidence(rounds, [pay("2026-10-09", "350.00", "50.00")]), {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2026-11-01T00:00:00+08:00", "invoices": [late_inv], "payments": [pay("2026-10-09", "350.00", "50.00")]}}]})
	count(policy.deny) == 0 with input.evidence as ev with input.liability as ledger("50.00") with data.params as params with data.calendar as calendar
}
