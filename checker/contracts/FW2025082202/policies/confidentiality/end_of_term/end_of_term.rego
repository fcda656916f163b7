# METADATA
# title: Confidential information handled as Party A requires at the end; nothing discarded without permission
# description: >-
#   本项目涉及的运维相关工作终止后，乙方应按照甲方的要求对相关保密信息做相应处理，比如销毁或其他处理
#   方式。未经甲方书面许可，乙方不得丢弃和自行处理保密信息 (附件4 六、1, 六、3). The work ends on
#   ops_work_ended_on (early end) or at the end of the service period, when the bundle's
#   period reaches it and the register was exported after it; before that the end-of-term
#   duty is not applicable. Each of Party A's signed instructions (lib/approval.rego) is
#   carried out by a disposal citing it, with the matching action, confirmed by Party A,
#   by the instruction's due day (else data.params.duties.end_of_term_handling_days after
#   it when set; otherwise pending). Every disposal, at any time, cites an instruction of
#   Party A signed at or before it.
# custom:
#   clause: "A4.6.1"
#   evidence: [confidential_disposal]
#   severity: high
package contract.confidentiality.end_of_term

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "A4.6.1"

_record := f.data if {
	some f in lib.files("confidential_disposal")
}

_today := evidence.today("confidential_disposal")

# the bundle reaches the end of the service period (its manifest period, not the
# evidence alone, says what the verdict is for: reading rule 6)
_bundle_reaches_end if {
	lib.ns(input.bundle.period.end) >= lib.period_end
}

_ended_on := d if {
	d := evidence.present(_record, "ops_work_ended_on")
	d <= _today
} else := cal.period_last_day if {
	_bundle_reaches_end
	_today > cal.period_last_day
}

_ended_label := _ended_on if {
	_ended_on
} else := null

_instructions[i.r.instruction_id] := i if {
	some i in evidence.records("confidential_disposal", "instructions")
	approval.by_party_a(i.r.approval)
}

_unsigned := sort([i.r.instruction_id |
	some i in evidence.records("confidential_disposal", "instructions")
	not approval.by_party_a(i.r.approval)
])

_disposals := evidence.records("confidential_disposal", "disposals")

not_applicable if {
	not _ended_on
	count(_disposals) == 0
}

not_applicable if {
	_ended_on
	count(_instructions) == 0
	count(_disposals) == 0
}

_matches := {"destroy": "destroyed", "hand_back": "handed_back", "other": "other"}

# ---- 六、3: nothing disposed of without Party A's written permission ----
_permission_problem(d) := "cites no instruction of Party A" if {
	d.instruction_id == null
} else := sprintf("cites %s, which is not a signed instruction of Party A", [d.instruction_id]) if {
	not _instructions[d.instruction_id]
} else := sprintf("Party A's instruction %s was signed at %s, after it", [d.instruction_id, _instructions[d.instruction_id].r.approval.signed_at]) if {
	approval.at(_instructions[d.instruction_id].r.approval) > lib.ns(d.performed_at)
} else := sprintf("instruction %s asked to %s, not %s", [d.instruction_id, _instructions[d.instruction_id].r.action, d.action]) if {
	_matches[_instructions[d.instruction_id].r.action] != d.action
}

deny contains v if {
	some e in _disposals
	problem := _permission_problem(e.r)
	v := lib.violation(sprintf("confidential information %s (%s at %s) without Party A's written permission: the record %s [%s]", [e.r.action, e.r.disposal_id, e.r.performed_at, problem, clause]), e.at)
}

# ---- 六、1: each instruction carried out, confirmed by Party A, in time ----
_due(i) := d if {
	d := evidence.present(i, "due_on")
} else := cal.add_days(cal.date_of(i.approval.signed_at), data.params.duties.end_of_term_handling_days) if {
	data.params.duties.end_of_term_handling_days != null
}

_done(id) := {e |
	some e in _disposals
	e.r.instruction_id == id
	not _permission_problem(e.r)
}

deny contains v if {
	_ended_on
	some id, i in _instructions
	count(_done(id)) == 0
	_today > _due(i.r)
	v := lib.violation(sprintf("Party A's instruction %s (%s: %s) has no disposal record; due %s [%s]", [id, i.r.action, i.r.scope, _due(i.r), clause]), i.at)
}

deny contains v if {
	_ended_on
	some id, i in _instructions
	some e in _done(id)
	day := cal.date_of(e.r.performed_at)
	day > _due(i.r)
	v := object.union(lib.violation(sprintf("Party A's instruction %s (%s) was carried out on %s, after its due day %s [%s]", [id, i.r.action, day, _due(i.r), clause]), e.at), {"due": _due(i.r)})
}

deny contains v if {
	_ended_on
	some id, _ in _instructions
	some e in _done(id)
	not approval.by_party_a(e.r.confirmation)
	v := lib.violation(sprintf("disposal %s carrying out instruction %s is not confirmed by Party A: %s [%s]", [e.r.disposal_id, id, approval.why_not(e.r.confirmation, "party_a"), clause]), e.at)
}

measure := {
	"ended_on": _ended_label,
	"instructions": count(_instructions),
	"disposals": count(_disposals),
	"unsigned_instructions": _unsigned,
}
