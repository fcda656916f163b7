package contract.baseline.bastion_access_test

import data.contract.baseline.bastion_access as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "baseline": {"bastion_accounts": 1}}

account(id, org, revoked) := {"account_id": id, "holder": {"organisation_role": org, "role": "system administrator"}, "issued_at": "2025-09-03T09:00:00+08:00", "revoked_at": revoked}

evidence(accounts) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "bastion": {"accounts": accounts}}}]}

test_success_one_account_held_by_party_a if {
	count(policy.deny) == 0 with input.evidence as evidence([account("a1", "party_a", null)]) with data.params as params
	policy.measure == {"expected": 1, "actual": 1, "unit": "account"} with input.evidence as evidence([account("a1", "party_a", null)]) with data.params as params
}

test_fail_accounts_of_party_b_or_revoked_do_not_count if {
	accounts := [account("a1", "party_b", null), account("a2", "party_a", "2026-03-01T00:00:00+08:00")]
	policy.deny == {{"msg": "0 bastion-host account(s) held by Party A through the period, contracted 1 [2.2.2.11]", "evidence": "ps.json#/bastion/accounts"}} with input.evidence as evidence(accounts) with data.params as params
}
