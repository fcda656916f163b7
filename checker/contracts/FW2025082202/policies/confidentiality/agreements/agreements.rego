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

# every appearance of a person on the project: {id, day, what, at}
_seen contains {"id": e.r.staff_id, "day": e.r.on_project_from, "what": sprintf("on the project since %s", [e.r.on_project_from]), "at": e.at} if {
	some e in _staff
}

_seen contains {"id": id, "day": cal.date_of(s.start), "what": sprintf("on duty from %s", [s.start]), "at": lib.pointer(f.path, ["shifts", i])} if {
	some f in lib.files("duty_roster")
	some i, s in f.data.shifts
	lib.in_period(s.start)
	some id in s.staff_ids
}

_seen contains {"id": e.r.staff_id, "day": cal.date_of(e.r.accessed_at), "what": sprintf("accessed Party A's systems at %s", [e.r.accessed_at]), "at": e.at} if {
	some e in evidence.records("confidentiality", "access_records")
	lib.in_period(e.r.accessed_at)
}

_people := {s.id | some s in _seen}

# a person's first appearance (earliest day, then the smallest pointer)
_first(id) := s if {
	day := min({x.day | some x in _seen; x.id == id})
	at := min({x.at | some x in _seen; x.id == id; x.day == day})
	some s in _seen
	s.id == id
	s.day == day
	s.at == at
}

deny contains v if {
	some id in _people
	not _agreement(id)
	s := _first(id)
	v := lib.violation(sprintf("%s, %s, has no signed confidentiality agreement [%s]", [id, s.what, clause]), s.at)
}

deny contains v if {
	some id in _people
	a := _agreement(id)
	s := _first(id)
	a.signed_on > s.day
	v := lib.violation(sprintf("%s, %s, signed agreement %s only on %s [%s]", [id, s.what, a.agreement_id, a.signed_on, clause]), s.at)
}

measure := {"people": count(_people), "signed": count({id | some id in _people; _agreement(id)}), "staff": count(_staff)}
