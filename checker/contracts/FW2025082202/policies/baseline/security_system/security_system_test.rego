package contract.baseline.security_system_test

import data.contract.baseline.security_system as policy

none := set()


test_success_every_control_in_force if {
	count(policy.deny) == 0 with data.contract.baseline.device_access_audit.deny as none
		with data.contract.baseline.egress_monitoring.deny as none
		with data.contract.baseline.local_ddos.deny as none
		with data.contract.baseline.firewall.deny as none
		with data.contract.baseline.ips.deny as none
		with data.contract.baseline.bastion_access.deny as none
		with data.contract.baseline.tenant_isolation.deny as none
		with data.contract.baseline.tenant_access_control.deny as none
	policy.measure.actual == 8 with data.contract.baseline.device_access_audit.deny as none
		with data.contract.baseline.egress_monitoring.deny as none
		with data.contract.baseline.local_ddos.deny as none
		with data.contract.baseline.firewall.deny as none
		with data.contract.baseline.ips.deny as none
		with data.contract.baseline.bastion_access.deny as none
		with data.contract.baseline.tenant_isolation.deny as none
		with data.contract.baseline.tenant_access_control.deny as none
}

fw := {{"msg": "firewall disabled 2026-01-01 [2.2.2.9]", "evidence": "platform/security.json#/firewalls/0"}, {"msg": "firewall rule set missing [2.2.2.9]", "evidence": "platform/security.json#/firewalls/1"}}

test_fail_one_control_failing_is_named if {
	policy.deny == {{"msg": "security control 2.2.2.9 is not in force (2 violation(s)), first: firewall disabled 2026-01-01 [2.2.2.9] [3.3]", "evidence": "platform/security.json#/firewalls/0", "control": "2.2.2.9", "violations": 2}} with data.contract.baseline.device_access_audit.deny as none
		with data.contract.baseline.egress_monitoring.deny as none
		with data.contract.baseline.local_ddos.deny as none
		with data.contract.baseline.firewall.deny as fw
		with data.contract.baseline.ips.deny as none
		with data.contract.baseline.bastion_access.deny as none
		with data.contract.baseline.tenant_isolation.deny as none
		with data.contract.baseline.tenant_access_control.deny as none
}

test_fail_two_controls_failing_are_both_named if {
	audit := {{"msg": "no device access audit record for 2026-02 [2.2.2.6]", "evidence": "security/records.json#/months"}}
	{v.control | some v in policy.deny} == {"2.2.2.6", "2.2.2.9"} with data.contract.baseline.device_access_audit.deny as audit
		with data.contract.baseline.egress_monitoring.deny as none
		with data.contract.baseline.local_ddos.deny as none
		with data.contract.baseline.firewall.deny as fw
		with data.contract.baseline.ips.deny as none
		with data.contract.baseline.bastion_access.deny as none
		with data.contract.baseline.tenant_isolation.deny as none
		with data.contract.baseline.tenant_access_control.deny as none
	policy.measure.failing == ["2.2.2.6", "2.2.2.9"] with data.contract.baseline.device_access_audit.deny as audit
		with data.contract.baseline.egress_monitoring.deny as none
		with data.contract.baseline.local_ddos.deny as none
		with data.contract.baseline.firewall.deny as fw
		with data.contract.baseline.ips.deny as none
		with data.contract.baseline.bastion_access.deny as none
		with data.contract.baseline.tenant_isolation.deny as none
		with data.contract.baseline.tenant_access_control.deny as none
}
