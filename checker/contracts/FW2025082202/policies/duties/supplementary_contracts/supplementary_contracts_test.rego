package contract.duties.supplementary_contracts_test

import data.contract.duties.supplementary_contracts as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

by(org, at) := {"ref": "SC-1", "organisation_role": org, "role": "legal representative", "signed_at": at, "signature": {"method": "seal", "reference": "contracts/SC-1.pdf", "sha256": sig}}

sc(a, b) := {"contract_id": "SC-1", "subject": "object storage 30000 GB -> 40000 GB", "amount_cny": "12000.00", "party_a": a, "party_b": b}

ch(type, eff, cid) := {"change_id": "CH-1", "type": type, "clause": "2.2.1.14", "description": "object storage expansion", "quantity_from": 30000, "quantity_to": 40000, "requested_at": "2026-01-05T10:00:00+08:00", "effective_from": eff, "contract_id": cid}

ev(cs, chs) := {"supplementary_contracts": [{"path": "sc.json", "data": {"kind": "supplementary_contracts", "as_of": "2026-10-01T00:00:00+08:00", "contracts": cs, "changes": chs}}]}

signed := sc(by("party_a", "2026-01-20T10:00:00+08:00"), by("party_b", "2026-01-20T15:00:00+08:00"))

test_success_not_applicable_when_only_pending_or_peak_changes if {
	e := ev([], [ch("quantity_change", null, null), object.union(ch("peak_expansion", "2026-02-01T00:00:00+08:00", null), {"change_id": "CH-2"})])
	policy.not_applicable with input.evidence as e with data.params as params
	policy.measure == {"changes_in_effect": 0, "peak_expansions": 1, "pending": 1} with input.evidence as e with data.params as params
}

test_success_effective_at_the_instant_of_the_last_signature if {
	count(policy.deny) == 0 with input.evidence as ev([signed], [ch("long_term_expansion", "2026-01-20T15:00:00+08:00", "SC-1")]) with data.params as params
}

test_fail_effective_one_second_before_the_last_signature if {
	policy.deny == {{"msg": "long_term_expansion CH-1 (object storage expansion) in effect from 2026-01-20T14:59:59+08:00: supplementary contract SC-1 was fully signed only at 2026-01-20T15:00:00+08:00, after the change took effect; until agreed, the original obligations continue [17.1]", "evidence": "sc.json#/changes/0"}} with input.evidence as ev([signed], [ch("long_term_expansion", "2026-01-20T14:59:59+08:00", "SC-1")]) with data.params as params
}

test_fail_no_contract_unknown_contract if {
	chs := [ch("quantity_change", "2026-02-01T00:00:00+08:00", null), object.union(ch("service_change", "2026-02-01T00:00:00+08:00", "SC-9"), {"change_id": "CH-2"})]
	policy.deny == {
		{"msg": "quantity_change CH-1 (object storage expansion) in effect from 2026-02-01T00:00:00+08:00: cites no supplementary contract; until agreed, the original obligations continue [17.1]", "evidence": "sc.json#/changes/0"},
		{"msg": "service_change CH-2 (object storage expansion) in effect from 2026-02-01T00:00:00+08:00: cites SC-9, which is not in the register of supplementary contracts; until agreed, the original obligations continue [17.1]", "evidence": "sc.json#/changes/1"},
	} with input.evidence as ev([signed], chs) with data.params as params
}

test_fail_contract_signed_by_one_party_only if {
	only_b := sc(null, by("party_b", "2026-01-20T15:00:00+08:00"))
	policy.deny == {{"msg": "quantity_change CH-1 (object storage expansion) in effect from 2026-02-01T00:00:00+08:00: supplementary contract SC-1 is not signed by Party A: there is none; until agreed, the original obligations continue [17.1]", "evidence": "sc.json#/changes/0"}} with input.evidence as ev([only_b], [ch("quantity_change", "2026-02-01T00:00:00+08:00", "SC-1")]) with data.params as params
	b_twice := sc(by("party_b", "2026-01-20T10:00:00+08:00"), by("party_b", "2026-01-20T15:00:00+08:00"))
	policy.deny == {{"msg": "quantity_change CH-1 (object storage expansion) in effect from 2026-02-01T00:00:00+08:00: supplementary contract SC-1 is not signed by Party A: SC-1 is signed by party_b, not party_a; until agreed, the original obligations continue [17.1]", "evidence": "sc.json#/changes/0"}} with input.evidence as ev([b_twice], [ch("quantity_change", "2026-02-01T00:00:00+08:00", "SC-1")]) with data.params as params
}

test_success_change_effective_after_the_period_is_not_judged if {
	policy.not_applicable with input.evidence as ev([], [ch("quantity_change", "2026-09-03T00:00:00+08:00", null)]) with data.params as params
}

test_success_peak_with_an_end_and_a_change_ended_before_the_period if {
	ended := object.union(ch("quantity_change", "2025-06-01T00:00:00+08:00", null), {"ends_at": "2025-09-03T00:00:00+08:00"})
	policy.not_applicable with input.evidence as ev([], [ended]) with data.params as params
}

test_fail_change_ending_one_second_into_the_period if {
	ended := object.union(ch("quantity_change", "2025-06-01T00:00:00+08:00", null), {"ends_at": "2025-09-03T00:00:01+08:00"})
	count(policy.deny) == 1 with input.evidence as ev([], [ended]) with data.params as params
}
