package contract.baseline.role_permissions_test

import data.contract.baseline.role_permissions as policy

role(org) := {"role_name": "ops-readonly", "assumable_by": {"organisation_role": org, "role": "system administrator"}, "permissions": ["ecs:Describe*"]}

evidence(on, roles) := {"platform_security": [{"path": "ps.json", "data": {"kind": "platform_security", "role_management": {"role_assumption": on, "roles": roles}}}]}

test_success_party_a_can_assume_a_role if {
	count(policy.deny) == 0 with input.evidence as evidence(true, [role("party_a")])
}

test_fail_switched_off_and_only_provider_roles if {
	policy.deny == {
		{"msg": "role assumption is not enabled [2.2.2.15]", "evidence": "ps.json#/role_management/role_assumption"},
		{"msg": "no role that Party A can assume [2.2.2.15]", "evidence": "ps.json#/role_management/roles"},
	} with input.evidence as evidence(false, [role("party_b")])
}
