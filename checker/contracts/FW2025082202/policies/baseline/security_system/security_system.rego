# METADATA
# title: A complete security protection system in force (derived from 2.2.2.6-2.2.2.13)
# description: >-
#   乙方提供标准云平台的安全管理服务和安全技术服务，具备完备的安全防护体系和安全防护设备
#   (第三条 3): decided from the security-control clauses already checked, never from a
#   declaration of Party B: it fails, naming the control, when any of 2.2.2.6-2.2.2.13
#   (device access audit, egress monitoring, local anti-DDoS, firewall, IPS, bastion
#   access, tenant isolation, tenant-internal access control) has a violation over the
#   service period. Its evidence kinds are those controls' kinds, so an absent or invalid
#   control record makes 3.3 missing or invalid before this package runs.
# custom:
#   clause: "3.3"
#   evidence: [security_records, platform_security]
#   severity: high
package contract.baseline.security_system

import data.contract.baseline.bastion_access
import data.contract.baseline.device_access_audit
import data.contract.baseline.egress_monitoring
import data.contract.baseline.firewall
import data.contract.baseline.ips
import data.contract.baseline.local_ddos
import data.contract.baseline.tenant_access_control
import data.contract.baseline.tenant_isolation

clause := "3.3"

# each control clause and its package's violations
controls := {
	"2.2.2.6": device_access_audit.deny,
	"2.2.2.7": egress_monitoring.deny,
	"2.2.2.8": local_ddos.deny,
	"2.2.2.9": firewall.deny,
	"2.2.2.10": ips.deny,
	"2.2.2.11": bastion_access.deny,
	"2.2.2.12": tenant_isolation.deny,
	"2.2.2.13": tenant_access_control.deny,
}

failing[c] := vs if {
	some c, vs in controls
	count(vs) > 0
}

deny contains v if {
	some c, vs in failing
	first := sort([x.msg | some x in vs])[0]
	at := sort([x.evidence | some x in vs; x.msg == first])[0]
	msg := sprintf("security control %s is not in force (%d violation(s)), first: %s [%s]", [c, count(vs), first, clause])
	v := {"msg": msg, "evidence": at, "control": c, "violations": count(vs)}
}

measure := {"expected": count(controls), "actual": count(controls) - count(failing), "unit": "security control", "failing": sort([c | some c, _ in failing])}
