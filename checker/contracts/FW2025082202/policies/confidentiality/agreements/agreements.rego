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

# every appearance of a person on the project, without its message and pointer (built
# only for the one that is a person's first): {id, day, src, ts, at (staff, access) or
# path and index (shifts)}; a roster shift's start is parsed once per shift, not per person
_seen contains {"id": e.r.staff_id, "day": e.r.on_project_from, "src": "staff", "ts": e.r.on_project_from, "at": e.at} if {
	some e in _staff
}

_seen contains {"id": id, "day": day, "src": "shift", "ts": s.start, "path": f.path, "i": i} if {
	ps := lib.period_start
	pe := lib.period_end
	tz := data.params.timezone
	some f in lib.files("duty_roster")
	some i, s in f.data.shifts
	t := time.parse_rfc3339_ns(s.start)
	t >= ps
	t < pe
	day := cal.ymd(time.date([t, tz])) # cal.day_of_ns(t), the zone bound once
	some id in s.staff_ids
}

_seen contains {"id": e.r.staff_id, "day": cal.date_of(e.r.accessed_at), "src": "access", "ts": e.r.accessed_at, "at": e.at} if {
	some e in evidence.records("confidentiality", "access_records")
	lib.in_period(e.r.accessed_at)
}

_what(x) := sprintf("on the project since %s", [x.ts]) if x.src == "staff"

_what(x) := sprintf("on duty from %s", [x.ts]) if x.src == "shift"

_what(x) := sprintf("accessed Party A's systems at %s", [x.ts]) if x.src == "access"

_at(x) := x.at if x.src != "shift"

_at(x) := lib.pointer(x.path, ["shifts", x.i]) if x.src == "shift"

# days_of: person -> the days they appear on (grouped once)
_days_of[x.id] contains x.day if {
	some x in _seen
}

# seen_of: person -> their appearances
_seen_of[x.id] contains x if {
	some x in _seen
}

_people := {x.id | some x in _seen}

# first: person -> their first appearance (earliest day, then the smallest pointer), with
# its message and pointer: {id, day, what, at}
_first[id] := s if {
	ds := _days_of
	so := _seen_of
	some id, days in ds
	day := min(days)
	cands := {{"id": id, "day": day, "what": _what(x), "at": _at(x)} | some x in so[id]; x.day == day}
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
