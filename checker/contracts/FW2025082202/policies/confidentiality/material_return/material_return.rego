# METADATA
# title: Confidential material returned within 5 days of a written request
# description: >-
#   一经甲方提出要求，乙方应按照甲方指示在收到甲方书面通知后5日内将含有保密信息的所有文件或
#   其他资料归还甲方 (第十五条 5): each written request is answered by a return within
#   data.params.duties.confidential_return_days natural days of receiving it (dates in the
#   contract zone). Not applicable without requests; a return not yet due is pending.
# custom:
#   clause: "15.5"
#   evidence: [confidentiality]
#   severity: medium
package contract.confidentiality.material_return

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "15.5"

_requests := {e | some e in evidence.records("confidentiality", "return_requests"); e.r.written == true}

not_applicable if count(_requests) == 0

_days := data.params.duties.confidential_return_days

_due(r) := cal.add_days(cal.date_of(r.received_at), _days)

deny contains v if {
	some e in _requests
	day := cal.date_of(evidence.present(e.r, "returned_at"))
	day > _due(e.r)
	n := cal.days_between(cal.date_of(e.r.received_at), day)
	v := object.union(lib.violation(sprintf("request %s received on %s: material returned on %s, %d days later (limit %d, due %s) [%s]", [e.r.request_id, cal.date_of(e.r.received_at), day, n, _days, _due(e.r), clause]), e.at), {"days": n, "due": _due(e.r)})
}

deny contains v if {
	some e in _requests
	not evidence.present(e.r, "returned_at")
	evidence.today("confidentiality") > _due(e.r)
	v := lib.violation(sprintf("request %s received on %s: material not returned, due %s [%s]", [e.r.request_id, cal.date_of(e.r.received_at), _due(e.r), clause]), e.at)
}

measure := {"requests": count(_requests)}
