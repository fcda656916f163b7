package contract.baseline.bastion_access_test

import data.contract.baseline.bastion_access as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "baseline": {"bastion_accounts": 1}}

account(id, org, revoked) := {"account_id": id, "holder": {"organisation_role": org, "role": "system administrator"}, "issued_at": "2025-09-01T09:00:00+08:00", "revoked_at": revoked}

issued(a, at) := object.union(a, {"issued_at": at})

evidence(accounts) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "bastion": {"accounts": accounts}}}]}

test_success_one_account_held_by_party_a if {
	count(policy.deny) == 0 with input.evidence as evidence([account("a1", "party_a", null)]) with data.params as params
	policy.measure == {"expected": 1, "actual": 1, "unit": "account", "lowest_at": "2025-09-03T00:00:00+08:00"} with input.evidence as evidence([account("a1", "party_a", null)]) with data.params as params
}

test_fail_accounts_of_party_b_or_revoked_do_not_count if {
	accounts := [account("a1", "party_b", null), account("a2", "party_a", "2026-03-01T00:00:00+08:00")]
	policy.deny == {{"msg": "0 bastion-host account(s) held by Party A throughout the period (lowest from 2026-03-01T00:00:00+08:00), contracted 1 [2.2.2.11]", "evidence": "ps.json#/bastion/accounts", "lowest_at": "2026-03-01T00:00:00+08:00"}} with input.evidence as evidence(accounts) with data.params as params
}

# defect: an account issued two days before the end counted as provided
test_fail_account_issued_near_the_end_is_not_held_through_the_term if {
	late := issued(account("a1", "party_a", null), "2026-09-01T00:00:00+08:00")
	policy.measure.actual == 0 with input.evidence as evidence([late]) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence([late]) with data.params as params
}

# boundary: issued at the period start (at) holds; one second after (above) leaves the
# first second uncovered; one second before (below) holds
test_fail_issue_time_boundary if {
	policy.measure.actual == 1 with input.evidence as evidence([issued(account("a1", "party_a", null), "2025-09-03T00:00:00+08:00")]) with data.params as params
	policy.measure.actual == 0 with input.evidence as evidence([issued(account("a1", "party_a", null), "2025-09-03T00:00:01+08:00")]) with data.params as params
	policy.measure.actual == 1 with input.evidence as evidence([issued(account("a1", "party_a", null), "2025-09-02T23:59:59+08:00")]) with data.params as params
}

test_success_replacement_account_without_gap if {
	accounts := [account("a1", "party_a", "2026-03-01T00:00:00+08:00"), issued(account("a2", "party_a", null), "2026-03-01T00:00:00+08:00")]
	count(policy.deny) == 0 with input.evidence as evidence(accounts) with data.params as params
	gap := [account("a1", "party_a", "2026-03-01T00:00:00+08:00"), issued(account("a2", "party_a", null), "2026-03-01T00:00:01+08:00")]
	count(policy.deny) == 1 with input.evidence as evidence(gap) with data.params as params
}
