# METADATA
# title: Confidential information only to project staff who need it
# description: >-
#   乙方保证将保密信息的披露范围严格控制在直接从事该项目工作且因工作需要有必要知悉保密信息的工作人员
#   范围内 (第十五条 3; 附件4 五、2, 五、7): the access log covers the whole service period, and
#   every access to Party A's data in the period is by a person on the project that day
#   (confidentiality kind), with a confidentiality agreement signed on or before that day,
#   holding a need-to-know grant for that system that day, for a recorded work purpose.
# custom:
#   clause: "15.3"
#   evidence: [data_access, confidentiality]
#   severity: high
package contract.confidentiality.data_access

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "15.3"

_staff[s.staff_id] contains s if {
	some f in lib.files("confidentiality")
	some s in f.data.staff
}

_grants[g.staff_id] contains g if {
	some f in lib.files("data_access")
	some g in f.data.need_to_know
}

# the accesses of the period, each with its file path and index (a list read from the
# files: pointers are built only for the accesses a violation cites)
_accesses := [[a, f.path, i] |
	some f in lib.files("data_access")
	some i, a in f.data.accesses
	lib.in_period(a.accessed_at)
]

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {}:
# read them through complete rules, bound once per evaluation)
_staff_of := x if {
	x := _staff
} else := {}

_grants_of := x if {
	x := _grants
} else := {}

_within(day, from, to) if {
	from <= day
	to == null
}

_within(day, from, to) if {
	from <= day
	to != null
	day <= to
}

_on_project(staff, id, day) := s if {
	some s in object.get(staff, id, set())
	_within(day, s.on_project_from, object.get(s, "on_project_to", null))
}

# _problem(a, day, staff, grants): day is the access's calendar date (computed once)
_problem(a, day, staff, grants) := "who is not on the project that day" if {
	not _on_project(staff, a.staff_id, day)
} else := "who has no signed confidentiality agreement" if {
	s := _on_project(staff, a.staff_id, day)
	not evidence.present(s, "agreement")
} else := sprintf("who signed agreement %s only on %s", [s.agreement.agreement_id, s.agreement.signed_on]) if {
	s := _on_project(staff, a.staff_id, day)
	s.agreement.signed_on > day
} else := sprintf("who holds no need-to-know grant for %s that day", [a.system_id]) if {
	not _granted(grants, a.staff_id, a.system_id, day)
}

_granted(grants, id, system, day) if {
	some g in object.get(grants, id, set())
	g.system_id == system
	_within(day, g.granted_from, g.granted_to)
}

deny contains v if {
	tz := data.params.timezone
	staff := _staff_of
	grants := _grants_of
	some x in _accesses
	[a, path, i] := x
	day := cal.ymd(time.date([lib.ns(a.accessed_at), tz])) # cal.date_of, the zone bound once
	problem := _problem(a, day, staff, grants)
	v := lib.violation(sprintf("access %s to %s (%s) at %s by %s, %s [%s]", [a.access_id, a.system_id, a.data_scope, a.accessed_at, a.staff_id, problem, clause]), lib.pointer(path, ["accesses", i]))
}

deny contains v if {
	some f in lib.files("data_access")
	not _covers_period(f.data.covers)
	v := lib.violation(sprintf("the access log covers %s to %s, not the whole service period: an access outside it cannot be judged [%s]", [f.data.covers.start, f.data.covers.end, clause]), lib.pointer(f.path, ["covers"]))
}

_covers_period(c) if {
	lib.ns(c.start) <= lib.period_start
	lib.ns(c.end) >= lib.period_end
}

measure := {"accesses": count(_accesses), "staff": count({x[0].staff_id | some x in _accesses})}
