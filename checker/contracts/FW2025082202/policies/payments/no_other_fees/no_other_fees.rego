# METADATA
# title: The price covers everything; Party B charges no other fee
# description: >-
#   上述金额是乙方履行本协议的一切费用（含税）。除双方另有约定外，乙方不得要求甲方支付任何其他费用
#   (第七条 1). Every invoice and payment belongs to one of the two instalments
#   (data.params.instalments), and the compliant invoices of an instalment bill no more
#   than its amount; a charge beyond them cites a supplementary contract (补充合同, 第十七条)
#   signed by both parties on or before it, and the charges under one supplementary
#   contract stay within the amount it allows. Amounts in whole fen.
# custom:
#   clause: "7.1"
#   evidence: [payments]
#   severity: medium
package contract.payments.no_other_fees

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "7.1"

_ids := {i.id | some i in data.params.instalments}

_contracts := {c.contract_ref: c |
	some f in lib.files("payments")
	some c in object.get(f.data, "supplementary_contracts", [])
}

# each charge with its day, read where its own array defines it (invoices: issued_on,
# payments: paid_on), so no field is read from an array whose schema lacks it
_extra contains {"e": e, "what": "invoices", "day": e.r.issued_on} if {
	some e in evidence.records("payments", "invoices")
	not e.r.instalment in _ids
}

_extra contains {"e": e, "what": "payments", "day": e.r.paid_on} if {
	some e in evidence.records("payments", "payments")
	not e.r.instalment in _ids
}

_problem(x) := "cites no supplementary contract" if {
	not evidence.present(x.e.r, "supplementary_contract_ref")
} else := sprintf("cites supplementary contract %s, which is not in the register", [x.e.r.supplementary_contract_ref]) if {
	not _contracts[x.e.r.supplementary_contract_ref]
} else := sprintf("supplementary contract %s is not signed by both parties", [x.e.r.supplementary_contract_ref]) if {
	{s | some s in _contracts[x.e.r.supplementary_contract_ref].signed_by} != {"party_a", "party_b"}
} else := sprintf("supplementary contract %s was signed on %s, after it", [x.e.r.supplementary_contract_ref, _contracts[x.e.r.supplementary_contract_ref].signed_on]) if {
	_contracts[x.e.r.supplementary_contract_ref].signed_on > x.day
}

deny contains v if {
	some x in _extra
	problem := _problem(x)
	kind := trim_right(x.what, "s")
	msg := sprintf("%s of %s on %s for %s, beyond the two instalments: %s [%s]", [kind, x.e.r.amount_cny, x.day, x.e.r.instalment, problem, clause])
	v := lib.violation(msg, x.e.at)
}

# charges under one supplementary contract (its invoices) within what it allows
deny contains v if {
	some ref, c in _contracts
	billed := sum([cal.fen(x.e.r.amount_cny) | some x in _extra; x.what == "invoices"; object.get(x.e.r, "supplementary_contract_ref", null) == ref])
	billed > cal.fen(c.allows_fees_cny)
	msg := sprintf("invoices under supplementary contract %s bill %s, it allows %s [%s]", [ref, cal.cny(billed), c.allows_fees_cny, clause])
	v := lib.violation(msg, evidence.at("payments", "supplementary_contracts"))
}

# compliant invoices of an instalment bill no more than the instalment
deny contains v if {
	some i in data.params.instalments
	billed := sum([cal.fen(e.r.amount_cny) | some e in evidence.records("payments", "invoices"); e.r.instalment == i.id; e.r.meets_requirements == true])
	billed > cal.fen(i.amount_cny)
	msg := sprintf("compliant invoices for instalment %s bill %s, the instalment is %s [%s]", [i.id, cal.cny(billed), i.amount_cny, clause])
	v := lib.violation(msg, evidence.at("payments", "invoices"))
}

measure := {"charges_beyond_instalments": count(_extra), "supplementary_contracts": count(_contracts)}
