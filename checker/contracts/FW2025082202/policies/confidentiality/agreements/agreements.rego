# METADATA
# title: Everyone on the project signed a confidentiality agreement
# description: >-
#   要求全体参与该项目的人员签署书面《保密合同》 (第十五条 4), before Party A's confidential
#   information is disclosed to them: every person on the project during the service period
#   has a signed agreement dated on or before their first day on the project.
# custom:
#   clause: "15.4"
#   evidence: [confidentiality]
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

_staff := {e | some e in evidence.records("confidentiality", "staff"); _on_project(e.r)}

deny contains v if {
	some e in _staff
	not evidence.present(e.r, "agreement")
	v := lib.violation(sprintf("%s (%s) on the project since %s has no signed confidentiality agreement [%s]", [e.r.staff_id, e.r.role, e.r.on_project_from, clause]), e.at)
}

deny contains v if {
	some e in _staff
	a := evidence.present(e.r, "agreement")
	a.signed_on > e.r.on_project_from
	v := lib.violation(sprintf("%s (%s) joined on %s but signed agreement %s only on %s [%s]", [e.r.staff_id, e.r.role, e.r.on_project_from, a.agreement_id, a.signed_on, clause]), e.at)
}

measure := {"staff": count(_staff), "signed": count({e.at | some e in _staff; evidence.present(e.r, "agreement")})}
