package contract.baseline.tenant_access_control_test

import data.contract.baseline.tenant_access_control as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

holder(org) := {"organisation_role": org, "role": "system administrator"}

section_at(org, self_service, admin_org, issued) := {"controlled_by": holder(org), "self_service": self_service, "admin_accounts": [{"account_id": "adm1", "holder": holder(admin_org), "issued_at": issued}]}

section(org, self_service, admin_org) := section_at(org, self_service, admin_org, "2025-09-03T00:00:00+08:00")

evidence(s) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "tenant_access_control": s}}]}

test_success_party_a_assigns_permissions_itself if {
	count(policy.deny) == 0 with input.evidence as evidence(section("party_a", true, "party_a")) with data.params as params
}

test_fail_provider_keeps_control if {
	policy.deny == {
		{"msg": "tenant access control is held by party_b, not by Party A [2.2.2.13]", "evidence": "ps.json#/tenant_access_control/controlled_by"},
		{"msg": "Party A cannot assign permissions itself (self_service is not true) [2.2.2.13]", "evidence": "ps.json#/tenant_access_control/self_service"},
		{"msg": "no tenant administrator account held by Party A [2.2.2.13]", "evidence": "ps.json#/tenant_access_control/admin_accounts"},
	} with input.evidence as evidence(section("party_b", false, "party_b")) with data.params as params
}

# defect: an administrator account issued nine hours into the period (or two days before
# its end) passed; the uncovered time at the start is a gap
test_fail_admin_account_issued_after_the_start if {
	policy.deny == {{"msg": "Party A held no tenant administrator account from 2025-09-03T00:00:00+08:00: not held throughout the period [2.2.2.13]", "evidence": "ps.json#/tenant_access_control/admin_accounts", "lowest_at": "2025-09-03T00:00:00+08:00"}} with input.evidence as evidence(section_at("party_a", true, "party_a", "2025-09-03T09:00:00+08:00")) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence(section_at("party_a", true, "party_a", "2026-09-01T00:00:00+08:00")) with data.params as params
}

# boundary: issued at the start (at) passes, one second after (above) fails, one second
# before (below) passes
test_fail_issue_time_boundary if {
	count(policy.deny) == 0 with input.evidence as evidence(section_at("party_a", true, "party_a", "2025-09-03T00:00:00+08:00")) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence(section_at("party_a", true, "party_a", "2025-09-03T00:00:01+08:00")) with data.params as params
	count(policy.deny) == 0 with input.evidence as evidence(section_at("party_a", true, "party_a", "2025-09-02T23:59:59+08:00")) with data.params as params
}

test_fail_admin_account_revoked_mid_term if {
	s := json.patch(section("party_a", true, "party_a"), [{"op": "add", "path": "/admin_accounts/0/revoked_at", "value": "2026-05-01T00:00:00+08:00"}])
	policy.deny == {{"msg": "Party A held no tenant administrator account from 2026-05-01T00:00:00+08:00: not held throughout the period [2.2.2.13]", "evidence": "ps.json#/tenant_access_control/admin_accounts", "lowest_at": "2026-05-01T00:00:00+08:00"}} with input.evidence as evidence(s) with data.params as params
}
