# METADATA
# title: Platform built to MLPS level 3 and evaluated
# description: >-
#   云平台应按照等保三级标准建设并通过测评 (第三条 4): passing MLPS evaluations of the
#   platform at the contracted level cover every day of the service period.
# custom:
#   clause: "3.4.c"
#   evidence: [certifications]
#   severity: high
package contract.duties.mlps_evaluation

import data.contract.duties.certificates

clause := "3.4.c"

deny contains v if {
	some v in certificates.violations("mlps_evaluation", "passing MLPS evaluation of the platform", clause)
}

excluded := certificates.excluded("mlps_evaluation")

measure := certificates.measure("mlps_evaluation")
