# METADATA
# title: A service change takes effect only under a supplementary contract
# description: >-
#   甲方提出服务需求变更，应与乙方协商一致并签署补充合同；在变更达成一致前，双方应继续履行其原约定
#   义务 (第十七条; 第三条 5 长期使用扩容服务……双方并签订补充合同): every change that took effect
#   in the service period, other than a free short-term peak expansion, cites a supplementary
#   contract of the register signed by Party A and by Party B (lib/approval.rego), both at or
#   before the change took effect. A change not agreed yet has not taken effect: the original
#   quantities stay due (the quantity clauses read the contract parameters). Not applicable
#   when no change took effect.
# custom:
#   clause: "17.1"
#   evidence: [supplementary_contracts]
#   severity: low
package contract.duties.supplementary_contracts

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.evidence

clause := "17.1"

_contracts[c.r.contract_id] := c if {
	some c in evidence.records("supplementary_contracts", "contracts")
}

_changes := {e |
	some e in evidence.records("supplementary_contracts", "changes")
	e.r.type != "peak_expansion"
	t := evidence.present(e.r, "effective_from")
	lib.ns(t) < lib.period_end
	_ends_in_or_after_period(e.r)
}

_ends_in_or_after_period(r) if not evidence.present(r, "ends_at")

_ends_in_or_after_period(r) if {
	t := evidence.present(r, "ends_at")
	lib.ns(t) > lib.period_start
}

not_applicable if count(_changes) == 0

_problem(ch) := "cites no supplementary contract" if {
	ch.contract_id == null
} else := sprintf("cites %s, which is not in the register of supplementary contracts", [ch.contract_id]) if {
	not _contracts[ch.contract_id]
} else := sprintf("supplementary contract %s is not signed by Party A: %s", [ch.contract_id, approval.why_not(_contracts[ch.contract_id].r.party_a, "party_a")]) if {
	not approval.by_party_a(_contracts[ch.contract_id].r.party_a)
} else := sprintf("supplementary contract %s is not signed by Party B: %s", [ch.contract_id, approval.why_not(_contracts[ch.contract_id].r.party_b, "party_b")]) if {
	not approval.signed_by(_contracts[ch.contract_id].r.party_b, "party_b")
} else := sprintf("supplementary contract %s was fully signed only at %s, after the change took effect", [ch.contract_id, lib.local_time(_signed(_contracts[ch.contract_id].r))]) if {
	_signed(_contracts[ch.contract_id].r) > lib.ns(ch.effective_from)
}

_signed(c) := max({approval.at(c.party_a), approval.at(c.party_b)})

deny contains v if {
	some e in _changes
	problem := _problem(e.r)
	v := lib.violation(sprintf("%s %s (%s) in effect from %s: %s; until agreed, the original obligations continue [%s]", [e.r.type, e.r.change_id, e.r.description, e.r.effective_from, problem, clause]), e.at)
}

measure := {
	"changes_in_effect": count(_changes),
	"peak_expansions": count({e.at | some e in evidence.records("supplementary_contracts", "changes"); e.r.type == "peak_expansion"}),
	"pending": count({e.at | some e in evidence.records("supplementary_contracts", "changes"); not evidence.present(e.r, "effective_from")}),
}
