# METADATA
# title: Intrusion prevention on and checked every month
# description: >-
#   防入侵监测 IPS (第二条 2(2) 安全技术服务 第7项): the control is enabled and a status check found it working
#   in every service month; a check that found it degraded or down is reported.
# custom:
#   clause: "2.2.2.10"
#   evidence: [platform_security]
#   severity: medium
package contract.baseline.ips

import data.contract.baseline.controls
import data.contract.lib

clause := "2.2.2.10"

deny contains v if {
	some s in controls.sections("ips")
	some v in controls.enabled_denies(clause, "ips", s) | controls.monthly_denies(clause, "ips", s)
}

measure := {"months": count(lib.service_months), "checks": sum([count(s.section.checks) | some s in controls.sections("ips")])}
