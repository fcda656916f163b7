# METADATA
# title: Everyone who worked on the project signed a confidentiality agreement first
# description: >-
#   乙方应保证在向其工作人员披露甲方的保密信息前……要求全体参与该项目的人员签署书面《保密合同》
#   (第十五条 4): everyone who worked on the project in the service period, wherever the
#   evidence shows them (the staff list of the confidentiality kind, a shift of the duty
#   roster, an access record), has a signed agreement dated on or before their first day
#   on the project (the earliest of: on_project_from, first shift, first access). Not only
#   the staff list Party B keeps itself.
# custom:
#   clause: "15.4"
#   evidence: [confidentiality]
#   optional: [duty_roster]
#   severity: medium
package contract.confidentiality.agreements

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "15.4"

_on_project(s) if {
	s.on_project_from <= cal.period_last_day
	not evidence.present(s, "on_project_to")
}

_on_project(s) if {
	s.on_project_from <= cal.period_last_day
	evidence.present(s, "on_project_to") >= cal.period_first_day
}

_listed := {e | some e in evidence.records("confidentiality", "staff")}

_staff := {e | some e in _listed; _on_project(e.r)}

# agreement of a person: from the staff list
_agreement(id) := a if {
	some e in _listed
	e.r.staff_id == id
	a := evidence.present(e.r, "agreement")
}

# every appearance of a person on the project: on the staff list (from on_project_from),
# on a roster shift of the period (its start's day), or accessing Party A's systems in the
# period (the access's day). The days of a person are grouped first; the message and the
# pointer are built only for the appearances on a person's first day (the candidates for
# _first), never for every shift. A roster shift's start is parsed once per shift.
_shifts := [{"path": f.path, "i": i, "day": day, "ts": s.start, "ids": s.staff_ids} |
	ps := lib.period_start
	pe := lib.period_end
	tz := data.params.timezone
	some f in lib.files("duty_roster")
	some i, s in f.data.shifts
	t := time.parse_rfc3339_ns(s.start)
	t >= ps
	t < pe
	day := cal.ymd(time.date([t, tz])) # cal.day_of_ns(t), the zone bound once
]

_accesses := [{"id": e.r.staff_id, "day": cal.date_of(e.r.accessed_at), "ts": e.r.accessed_at, "at": e.at} |
	some e in evidence.records("confidentiality", "access_records")
	lib.in_period(e.r.accessed_at)
]

# days_of: person -> the days they appear on (grouped once)
_days_of[e.r.staff_id] contains e.r.on_project_from if {
	some e in _staff
}

_days_of[id] contains x.day if {
	some x in _shifts
	some id in x.ids
}

_days_of[x.id] contains x.day if {
	some x in _accesses
}

_people := {id | some id, _ in _days_of}

_first_day := {id: min(days) | some id, days in _days_of}

# the appearances on a person's first day, with their message and pointer: {id, day, what, at}
_candidates contains {"id": e.r.staff_id, "day": d, "what": sprintf("on the project since %s", [d]), "at": e.at} if {
	fd := _first_day
	some e in _staff
	d := e.r.on_project_from
	fd[e.r.staff_id] == d
}

_candidates contains {"id": id, "day": x.day, "what": sprintf("on duty from %s", [x.ts]), "at": lib.pointer(x.path, ["shifts", x.i])} if {
	fd := _first_day
	some x in _shifts
	some id in x.ids
	fd[id] == x.day
}

_candidates contains {"id": x.id, "day": x.day, "what": sprintf("accessed Party A's systems at %s", [x.ts]), "at": x.at} if {
	fd := _first_day
	some x in _accesses
	fd[x.id] == x.day
}

# first: person -> their first appearance (earliest day, then the smallest pointer), with
# its message and pointer: {id, day, what, at}
_first[id] := s if {
	all := _candidates
	some id, _ in _first_day
	cands := {c | some c in all; c.id == id}
	at := min({c.at | some c in cands})
	some s in cands
	s.at == at
}

deny contains v if {
	fs := _first
	some id, s in fs
	not _agreement(id)
	v := lib.violation(sprintf("%s, %s, has no signed confidentiality agreement [%s]", [id, s.what, clause]), s.at)
}

deny contains v if {
	fs := _first
	some id, s in fs
	a := _agreement(id)
	a.signed_on > s.day
	v := lib.violation(sprintf("%s, %s, signed agreement %s only on %s [%s]", [id, s.what, a.agreement_id, a.signed_on, clause]), s.at)
}

measure := {"people": count(_people), "signed": count({id | some id in _people; _agreement(id)}), "staff": count(_staff)}
