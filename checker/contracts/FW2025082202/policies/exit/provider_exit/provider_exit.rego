# METADATA
# title: Provider exit requested in writing at least 6 months before the end
# description: >-
#   服务期内，如乙方提出退出要求，需在服务期截止前至少 6 个月向甲方提出书面的退出申请
#   (第十三条 1): each exit request of Party B is written and dated on or before the day
#   data.params.duties.exit_notice_months months before the period ends. Not applicable
#   when Party B made none.
# custom:
#   clause: "13.1"
#   evidence: [exit_records]
#   severity: medium
package contract.exit.provider_exit

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "13.1"

_requests := evidence.records("exit_records", "provider_exit_requests")

not_applicable if count(_requests) == 0

# the period ends at the start of the day after its last day; the request must come on
# or before the day before that instant minus the notice months
_latest := cal.add_days(cal.add_months(cal.add_days(cal.period_last_day, 1), 0 - data.params.duties.exit_notice_months), -1)

deny contains v if {
	some e in _requests
	day := cal.date_of(e.r.submitted_at)
	day > _latest
	v := lib.violation(sprintf("exit request %s submitted on %s, less than %d months before the period ends on %s (latest %s) [%s]", [e.r.request_id, day, data.params.duties.exit_notice_months, cal.period_last_day, _latest, clause]), e.at)
}

deny contains v if {
	some e in _requests
	e.r.written != true
	v := lib.violation(sprintf("exit request %s is not written [%s]", [e.r.request_id, clause]), e.at)
}

measure := {"requests": count(_requests), "latest": _latest}
