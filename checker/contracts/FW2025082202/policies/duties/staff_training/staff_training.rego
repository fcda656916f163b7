# METADATA
# title: Security and technical training for every staff member on the roster
# description: >-
#   乙方应负责本单位人员的安全培训、技术培训 (第九条 4): every person who stood a shift of
#   the duty roster in the service period has a security training record and a technical
#   training record completed within the period.
# custom:
#   clause: "9.4"
#   evidence: [staff_training, duty_roster]
#   severity: medium
package contract.duties.staff_training

import data.contract.lib
import data.contract.lib.evidence

clause := "9.4"

topics := {"security": "security training (安全培训)", "technical": "technical training (技术培训)"}

# on_roster: staff id -> pointer of the first period shift they stood (the lowest shift
# index; among shifts of that index, the first by pointer)
on_roster[id] := at if {
	io := _indexes_of
	ko := _keys_of_index
	all := data.contract.baseline.roster.shifts
	some id, idx in io
	first := min(idx)
	e := all[min(ko[first])]
	at := lib.pointer(e.path, ["shifts", first, "staff_ids"])
}

# indexes_of: staff id -> indexes of the period shifts they are listed on (grouped once)
_indexes_of := x if {
	x := _indexes
} else := {}

_indexes[id] contains e.index if {
	ps := lib.period_start
	pe := lib.period_end
	all := data.contract.baseline.roster.shifts
	some e in all
	e.start < pe
	e.end > ps
	some id in e.staff_ids
}

# keys_of_index: shift index -> pointers of the shifts with that index (one per roster file)
_keys_of_index := x if {
	x := _keys
} else := {}

_keys[e.index] contains at if {
	all := data.contract.baseline.roster.shifts
	some at, e in all
}

# trained[[id, topic]]: a record completed inside the period
trained contains [e.r.staff_id, e.r.topic] if {
	some e in evidence.records("staff_training", "records")
	lib.in_period(e.r.completed_at)
}

deny contains v if {
	t := trained
	some id, at in on_roster
	some topic, what in topics
	not [id, topic] in t
	msg := sprintf("staff %s stood duty in the period with no %s record in it [%s]", [id, what, clause])
	v := object.union(lib.violation(msg, at), {"staff_id": id, "topic": topic})
}

measure := {
	"expected": count(on_roster),
	"actual": count({id | some id, _ in on_roster; every topic, _ in topics { [id, topic] in trained }}),
	"unit": "staff member",
}
