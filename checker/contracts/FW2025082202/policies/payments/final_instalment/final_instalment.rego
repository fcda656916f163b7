# METADATA
# title: Final instalment (40%) paid within 20 working days after acceptance, less penalties
# description: >-
#   经甲方验收通过后二十（20）个工作日内，进行剩余款项的支付……40% (第七条 2(2)); fines may be deducted from it (第十二条 3), up to the liability ledger the checker evaluates first in the same run (input.liability). Rules in policies/payments/instalments/instalments.rego.
# custom:
#   clause: "7.2.2"
#   evidence: [payments, acceptance]
#   reads_ledger: true
#   severity: medium
package contract.payments.final_instalment

import data.contract.payments.instalments

clause := "7.2.2"

deny contains v if {
	some v in instalments.violations(clause)
}

not_applicable if instalments.pending(clause)

measure := instalments.measure(clause)
