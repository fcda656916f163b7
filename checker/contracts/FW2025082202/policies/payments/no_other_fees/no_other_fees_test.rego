package contract.payments.no_other_fees_test

import data.contract.payments.no_other_fees as policy

params := {"instalments": [
	{"id": "7.2.1", "share_percent": "60", "amount_cny": "600.00", "due_working_days": 3, "after": "effective_date"},
	{"id": "7.2.2", "share_percent": "40", "amount_cny": "400.00", "due_working_days": 2, "after": "acceptance"},
]}

inv(id, inst, on, amount, ref) := {"invoice_id": id, "instalment": inst, "issued_on": on, "amount_cny": amount, "meets_requirements": true, "supplementary_contract_ref": ref}

sc := {"contract_ref": "SC1", "signed_by": ["party_a", "party_b"], "signed_on": "2026-01-10", "allows_fees_cny": "100.00"}

evidence(invoices, contracts) := {"payments": [{"path": "pay.json", "data": {"kind": "payments", "as_of": "2026-11-01T00:00:00+08:00", "invoices": invoices, "payments": [], "supplementary_contracts": contracts}}]}

test_success_only_the_instalments_and_an_allowed_extra if {
	ev := evidence([inv("I1", "7.2.1", "2025-09-05", "600.00", null), inv("I3", "extra", "2026-01-10", "100.00", "SC1")], [sc])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure == {"charges_beyond_instalments": 1, "supplementary_contracts": 1} with input.evidence as ev with data.params as params
}

test_fail_each_kind_of_extra_charge if {
	unsigned := object.union(sc, {"contract_ref": "SC2", "signed_by": ["party_b"]})
	ev := evidence([
		inv("I3", "extra", "2026-01-10", "1.00", null),
		inv("I4", "extra", "2026-01-10", "1.00", "SC9"),
		inv("I5", "extra", "2026-01-10", "1.00", "SC2"),
		inv("I6", "extra", "2026-01-09", "1.00", "SC1"),
	], [sc, unsigned])
	policy.deny == {
		{"msg": "invoice of 1.00 on 2026-01-10 for extra, beyond the two instalments: cites no supplementary contract [7.1]", "evidence": "pay.json#/invoices/0"},
		{"msg": "invoice of 1.00 on 2026-01-10 for extra, beyond the two instalments: cites supplementary contract SC9, which is not in the register [7.1]", "evidence": "pay.json#/invoices/1"},
		{"msg": "invoice of 1.00 on 2026-01-10 for extra, beyond the two instalments: supplementary contract SC2 is not signed by both parties [7.1]", "evidence": "pay.json#/invoices/2"},
		{"msg": "invoice of 1.00 on 2026-01-09 for extra, beyond the two instalments: supplementary contract SC1 was signed on 2026-01-10, after it [7.1]", "evidence": "pay.json#/invoices/3"},
	} with input.evidence as ev with data.params as params
}

test_fail_one_fen_beyond_what_the_supplementary_contract_allows if {
	ev := evidence([inv("I3", "extra", "2026-01-10", "100.01", "SC1")], [sc])
	policy.deny == {{"msg": "invoices under supplementary contract SC1 bill 100.01, it allows 100.00 [7.1]", "evidence": "pay.json#/supplementary_contracts"}} with input.evidence as ev with data.params as params
}

test_fail_instalment_billed_beyond_its_amount if {
	ev := evidence([inv("I1", "7.2.1", "2025-09-05", "600.00", null), inv("I2", "7.2.1", "2025-09-06", "0.01", null)], [])
	policy.deny == {{"msg": "compliant invoices for instalment 7.2.1 bill 600.01, the instalment is 600.00 [7.1]", "evidence": "pay.json#/invoices"}} with input.evidence as ev with data.params as params
}
