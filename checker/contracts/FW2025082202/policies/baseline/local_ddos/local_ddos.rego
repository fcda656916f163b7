# METADATA
# title: Local anti-DDoS capacity of the platform
# description: >-
#   本地抗 DDoS 防护 (第二条 2(2) 安全技术服务 第5项): the platform provides anti-DDoS
#   protection of at least data.params.baseline.ddos_capacity_gbps in total, enabled,
#   with a successful check of that capacity in every service month.
# custom:
#   clause: "2.2.2.8"
#   evidence: [platform_security]
#   severity: medium
package contract.baseline.local_ddos

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.8"

required := data.params.baseline.ddos_capacity_gbps

deny contains v if {
	some s in controls.sections("ddos")
	some v in controls.enabled_denies(clause, "ddos", s) | controls.monthly_denies(clause, "ddos", s)
}

deny contains v if {
	some s in controls.sections("ddos")
	s.section.capacity_gbps < required
	msg := sprintf("configured anti-DDoS capacity %v Gbps, contracted %v Gbps [%s]", [s.section.capacity_gbps, required, clause])
	v := lib.violation(msg, lib.pointer(s.path, ["ddos", "capacity_gbps"]))
}

deny contains v if {
	some s in controls.sections("ddos")
	some i, c in s.section.checks
	lib.in_period(c.at)
	c.capacity_gbps < required
	msg := sprintf("anti-DDoS capacity measured %v Gbps at %s, contracted %v Gbps [%s]", [c.capacity_gbps, c.at, required, clause])
	v := object.union(lib.violation(msg, lib.pointer(s.path, ["ddos", "checks", i])), {"month": c.month})
}

measure := {"expected": required, "actual": min([s.section.capacity_gbps | some s in controls.sections("ddos")]), "unit": "Gbps"}
