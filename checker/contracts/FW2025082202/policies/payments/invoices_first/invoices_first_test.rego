package contract.payments.invoices_first_test

import data.contract.payments.invoices_first as policy

invoice(id, on, amount, ok) := {"invoice_id": id, "instalment": "7.2.1", "issued_on": on, "amount_cny": amount, "meets_requirements": ok}

pay(id, on, amount, invoice) := {"payment_id": id, "instalment": "7.2.1", "paid_on": on, "amount_cny": amount, "invoice_id": invoice}

evidence(invoices, payments) := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2026-11-01T00:00:00+08:00", "invoices": invoices, "payments": payments}}]}

test_success_invoice_issued_before_payment_same_amount if {
	ev := evidence([invoice("I1", "2025-09-05", "600.00", true), invoice("I2", "2026-09-29", "350.00", true)], [pay("P1", "2025-09-08", "600.00", "I1"), pay("P2", "2026-09-30", "350.00", "I2")])
	count(policy.deny) == 0 with input.evidence as ev
	policy.measure == {"payments": 2, "invoices": 2} with input.evidence as ev
}

test_success_not_applicable_without_payments if {
	policy.not_applicable with input.evidence as evidence([], [])
}

test_fail_each_kind_of_invoice_problem if {
	invoices := [invoice("I1", "2025-09-09", "600.00", true), invoice("I2", "2025-09-01", "600.00", true), invoice("I3", "2025-09-01", "100.00", false)]
	payments := [
		pay("P1", "2025-09-08", "600.00", "I1"),
		pay("P2", "2025-09-08", "599.00", "I2"),
		pay("P3", "2025-09-08", "100.00", "I3"),
		pay("P4", "2025-09-08", "1.00", null),
		pay("P5", "2025-09-08", "1.00", "I9"),
	]
	policy.deny == {
		{"msg": "payment P1 of 600.00 on 2025-09-08: invoice I1 was issued on 2025-09-09, after the payment [7.2.3]", "evidence": "pay.json#/payments/0"},
		{"msg": "payment P2 of 599.00 on 2025-09-08: invoice I2 bills 600.00, the payment is 599.00 [7.2.3]", "evidence": "pay.json#/payments/1"},
		{"msg": "payment P3 of 100.00 on 2025-09-08: invoice I3 did not meet Party A's requirements [7.2.3]", "evidence": "pay.json#/payments/2"},
		{"msg": "payment P4 of 1.00 on 2025-09-08: cites no invoice [7.2.3]", "evidence": "pay.json#/payments/3"},
		{"msg": "payment P5 of 1.00 on 2025-09-08: cites invoice I9, which is not in the register [7.2.3]", "evidence": "pay.json#/payments/4"},
	} with input.evidence as evidence(invoices, payments)
}
