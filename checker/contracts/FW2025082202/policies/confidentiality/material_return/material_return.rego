# METADATA
# title: Confidential material returned within 5 days of a written request
# description: >-
#   一经甲方提出要求，乙方应按照甲方指示在收到甲方书面通知后5日内将含有保密信息的所有文件或
#   其他资料归还甲方 (第十五条 5): each written request is answered by a return within
#   data.params.duties.confidential_return_days 日 of receiving it, counted per 民法典 201-203
#   (from the day after receipt; the last day ends at 24:00 and, when it is a 法定休假日,
#   moves to the next working day: lib/calendar period_end_days). Not applicable without
#   requests; a return not yet due at the export time is pending.
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

_received(r) := cal.date_of(r.received_at)

_end(r) := cal.period_end_days(lib.ns(r.received_at), _days)

_due(r) := cal.last_day_of_days(_received(r), _days)

deny contains v if {
	some e in _requests
	not _end(e.r)
	v := lib.violation(sprintf("request %s received on %s: the official calendar (%s) does not reach its deadline [%s]", [e.r.request_id, _received(e.r), data.calendar.source, clause]), e.at)
}

deny contains v if {
	some e in _requests
	returned := evidence.present(e.r, "returned_at")
	lib.ns(returned) > _end(e.r)
	day := cal.date_of(returned)
	n := cal.days_between(_received(e.r), day)
	v := object.union(lib.violation(sprintf("request %s received on %s: material returned on %s, %d days later (limit %d 日, due by 24:00 on %s) [%s]", [e.r.request_id, _received(e.r), day, n, _days, _due(e.r), clause]), e.at), {"days": n, "due": _due(e.r), "days_late": cal.days_between(_due(e.r), day)})
}

deny contains v if {
	some e in _requests
	not evidence.present(e.r, "returned_at")
	evidence.as_of("confidentiality") > _end(e.r)
	v := lib.violation(sprintf("request %s received on %s: material not returned, due by 24:00 on %s [%s]", [e.r.request_id, _received(e.r), _due(e.r), clause]), e.at)
}

measure := {"requests": count(_requests)}
