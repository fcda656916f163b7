# METADATA
# title: Third-party cybersecurity review of the platform passed
# description: >-
#   落实并通过所建设的云平台的第三方网络安全审查 (第十条 2(3)): passed third-party
#   cybersecurity reviews of the platform cover every day of the service period.
# custom:
#   clause: "10.2.3"
#   evidence: [certifications]
#   severity: high
package contract.duties.security_review

import data.contract.duties.certificates

clause := "10.2.3"

deny contains v if {
	some v in certificates.violations("cybersecurity_review", "passed third-party cybersecurity review of the platform", clause)
}

excluded := certificates.excluded("cybersecurity_review")

measure := certificates.measure("cybersecurity_review")
