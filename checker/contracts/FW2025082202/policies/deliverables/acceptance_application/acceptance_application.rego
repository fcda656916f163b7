# METADATA
# title: Written acceptance application and materials before the acceptance meeting
# description: >-
#   乙方以书面形式向甲方提交项目验收申请，甲方收到书面验收申请后组织验收工作 (第六条 1);
#   乙方应当在验收前向甲方提交验收材料 (第六条 2), the materials being those of 第六条 3. Every
#   acceptance round has Party B's written application received by Party A before its
#   meeting (held_at, else 00:00 of held_on); and before the first meeting the materials are
#   all delivered: the implementation plan, a monthly report for every service month, every
#   special report of the register and the summary report (deliverables kind). Not
#   applicable while no acceptance round was held (6.2 judges a missing acceptance).
# custom:
#   clause: "6.1"
#   evidence: [acceptance, deliverables]
#   severity: medium
package contract.deliverables.acceptance_application

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "6.1"

_rounds := evidence.records("acceptance", "rounds")

_applications := evidence.records("acceptance", "applications")

not_applicable if count(_rounds) == 0

meeting_ns(r) := lib.ns(r.held_at) if {
	evidence.present(r, "held_at")
} else := cal.day_start_ns(r.held_on)

_first_meeting := min({meeting_ns(e.r) | some e in _rounds})

_apps(r) := {a | some a in _applications; a.r.round == r.round}

_valid(a, r) if {
	a.r.written == true
	a.r.received_by_role == "party_a"
	lib.ns(a.r.submitted_at) < meeting_ns(r)
}

_problem(a, r) := "is not written (书面形式)" if {
	a.r.written != true
} else := sprintf("was received by %s, not Party A", [a.r.received_by_role]) if {
	a.r.received_by_role != "party_a"
} else := sprintf("was submitted at %s, not before the meeting of %s", [a.r.submitted_at, lib.local_time(meeting_ns(r))]) if {
	lib.ns(a.r.submitted_at) >= meeting_ns(r)
}

deny contains v if {
	some e in _rounds
	count(_apps(e.r)) == 0
	v := lib.violation(sprintf("acceptance round %d (held %s) has no written application from Party B [%s]", [e.r.round, e.r.held_on, clause]), e.at)
}

deny contains v if {
	some e in _rounds
	apps := _apps(e.r)
	count(apps) > 0
	count({a | some a in apps; _valid(a, e.r)}) == 0
	some a in apps
	v := lib.violation(sprintf("acceptance round %d: application %s %s [%s]", [e.r.round, a.r.application_id, _problem(a, e.r), clause]), a.at)
}

# ---- the materials of 第六条 3, before the first meeting ---------------------------------
_register := f if some f in lib.files("deliverables")

_docs contains {"what": "implementation plan", "doc": d, "at": lib.pointer(_register.path, ["implementation_plan"])} if {
	d := evidence.present(_register.data, "implementation_plan")
}

_docs contains {"what": sprintf("monthly report for %s", [d.month]), "doc": d, "at": lib.pointer(_register.path, ["monthly_reports", i])} if {
	some i, d in _register.data.monthly_reports
}

_docs contains {"what": sprintf("special report for %s", [d.event_id]), "doc": d, "at": lib.pointer(_register.path, ["special_reports", i])} if {
	some i, d in _register.data.special_reports
}

_docs contains {"what": "summary report", "doc": d, "at": lib.pointer(_register.path, ["summary_report"])} if {
	d := evidence.present(_register.data, "summary_report")
}

deny contains v if {
	_first_meeting
	some m in _docs
	lib.ns(m.doc.delivered_at) >= _first_meeting
	v := object.union(lib.violation(sprintf("%s %s delivered %s, not before the first acceptance meeting of %s [%s]", [m.what, m.doc.doc_id, m.doc.delivered_at, lib.local_time(_first_meeting), clause]), m.at), {"doc_id": m.doc.doc_id})
}

_missing contains "implementation plan" if {
	_register
	not evidence.present(_register.data, "implementation_plan")
}

_missing contains "summary report" if {
	_register
	not evidence.present(_register.data, "summary_report")
}

_missing contains sprintf("monthly report for %s", [m.label]) if {
	_register
	some m in lib.service_months
	not _reported(m.label)
}

_reported(label) if {
	some d in _register.data.monthly_reports
	d.month == label
}

deny contains v if {
	_first_meeting
	some what in _missing
	v := lib.violation(sprintf("no %s among the acceptance materials before the first acceptance meeting of %s [%s]", [what, lib.local_time(_first_meeting), clause]), evidence.at("deliverables", "summary_report"))
}

deny contains v if {
	_first_meeting
	not _register
	v := lib.violation(sprintf("no register of the acceptance materials (deliverables) [%s]", [clause]), evidence.at("deliverables", "summary_report"))
}

measure := {"rounds": count(_rounds), "applications": count(_applications), "materials": count(_docs)}
