package contract.baseline.tenant_access_control_test

import data.contract.baseline.tenant_access_control as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

holder(org) := {"organisation_role": org, "role": "system administrator"}

section(org, self_service, admin_org) := {"controlled_by": holder(org), "self_service": self_service, "admin_accounts": [{"account_id": "adm1", "holder": holder(admin_org), "issued_at": "2025-09-03T09:00:00+08:00"}]}

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
