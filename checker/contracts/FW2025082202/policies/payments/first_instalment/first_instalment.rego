# METADATA
# title: First instalment (60%) paid within 20 working days after the contract took effect
# description: >-
#   合同生效后二十（20）个工作日内，甲方向乙方支付合同款的 60% (第七条 2(1)). Rules in policies/payments/instalments/instalments.rego.
# custom:
#   clause: "7.2.1"
#   evidence: [payments]
#   severity: medium
package contract.payments.first_instalment

import data.contract.payments.instalments

clause := "7.2.1"

deny contains v if {
	some v in instalments.violations(clause)
}

not_applicable if instalments.pending(clause)

measure := instalments.measure(clause)
