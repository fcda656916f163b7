# METADATA
# title: Provider exit only after a written request 6 months ahead, Party A's permission and migration
# description: >-
#   服务期内，如乙方提出退出要求，需在服务期截止前至少 6 个月向甲方提出书面的退出申请，并获得甲方
#   的许可并配合各方完成迁移和切换工作后方可退出 (第十三条 1): each exit request of Party B is
#   written and dated on or before the day data.params.duties.exit_notice_months months
#   before the period ends; and Party B leaves (left_at) only with Party A's permission
#   (approved_by_party_a, granted at or before leaving) and once the migration and
#   switch-over are complete. A request Party A has not granted binds Party B to stay; that
#   is no breach until it leaves. Not applicable when Party B made none.
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

_left(r) := evidence.present(r, "left_at")

deny contains v if {
	some e in _requests
	left := _left(e.r)
	object.get(e.r, "approved_by_party_a", null) != true
	v := lib.violation(sprintf("Party B left at %s under exit request %s without Party A's permission [%s]", [left, e.r.request_id, clause]), e.at)
}

deny contains v if {
	some e in _requests
	left := _left(e.r)
	e.r.approved_by_party_a == true
	approved := evidence.present(e.r, "approved_at")
	lib.ns(approved) > lib.ns(left)
	v := lib.violation(sprintf("Party B left at %s under exit request %s, before Party A's permission of %s [%s]", [left, e.r.request_id, approved, clause]), e.at)
}

deny contains v if {
	some e in _requests
	left := _left(e.r)
	e.r.approved_by_party_a == true
	not evidence.present(e.r, "approved_at")
	v := lib.violation(sprintf("Party B left at %s under exit request %s; Party A's permission carries no date, so it is not shown to precede the exit [%s]", [left, e.r.request_id, clause]), e.at)
}

deny contains v if {
	some e in _requests
	left := _left(e.r)
	not evidence.present(e.r, "migration_completed_at")
	v := lib.violation(sprintf("Party B left at %s under exit request %s before the migration and switch-over were complete [%s]", [left, e.r.request_id, clause]), e.at)
}

deny contains v if {
	some e in _requests
	left := _left(e.r)
	done := evidence.present(e.r, "migration_completed_at")
	lib.ns(done) > lib.ns(left)
	v := lib.violation(sprintf("Party B left at %s under exit request %s; the migration was complete only at %s [%s]", [left, e.r.request_id, done, clause]), e.at)
}

measure := {"requests": count(_requests), "latest": _latest}
