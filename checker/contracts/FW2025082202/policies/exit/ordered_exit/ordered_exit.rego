# METADATA
# title: Ordered exit - migration within 10 days, then secure erasure
# description: >-
#   如出现政务云管理单位责令乙方退出……乙方应在甲方提出系统迁出需求后 10 天内配合甲方完成信息
#   系统迁移的相关工作……关停原服务，并对原有系统数据进行安全擦除 (第十三条 2): for each
#   ordered exit, the migration is complete within data.params.duties.ordered_exit_migration_days
#   天 of Party A's migration request, counted per 民法典 201-203 (from the day after the
#   request; the last day ends at 24:00 and, when it is a 法定休假日, moves to the next
#   working day: lib/calendar period_end_days), and the old data is securely erased after
#   the migration. Not applicable when no exit was ordered; a step still open before its
#   deadline at the export time is pending.
# custom:
#   clause: "13.2"
#   evidence: [exit_records]
#   severity: medium
package contract.exit.ordered_exit

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "13.2"

_orders := evidence.records("exit_records", "ordered_exits")

not_applicable if count(_orders) == 0

_days := data.params.duties.ordered_exit_migration_days

_requested(o) := cal.date_of(o.migration_requested_at)

_end(o) := cal.period_end_days(lib.ns(o.migration_requested_at), _days)

_due(o) := cal.last_day_of_days(_requested(o), _days)

deny contains v if {
	some e in _orders
	not _end(e.r)
	v := lib.violation(sprintf("exit %s: the official calendar (%s) does not reach the migration deadline [%s]", [e.r.order_id, data.calendar.source, clause]), e.at)
}

deny contains v if {
	some e in _orders
	done := evidence.present(e.r, "migration_completed_at")
	lib.ns(done) > _end(e.r)
	day := cal.date_of(done)
	n := cal.days_between(_requested(e.r), day)
	v := object.union(lib.violation(sprintf("exit %s: migration completed on %s, %d days after Party A's request (limit %d 天, due by 24:00 on %s) [%s]", [e.r.order_id, day, n, _days, _due(e.r), clause]), e.at), {"days": n, "due": _due(e.r), "days_late": cal.days_between(_due(e.r), day)})
}

deny contains v if {
	some e in _orders
	not evidence.present(e.r, "migration_completed_at")
	evidence.as_of("exit_records") > _end(e.r)
	v := lib.violation(sprintf("exit %s: migration not completed, due by 24:00 on %s [%s]", [e.r.order_id, _due(e.r), clause]), e.at)
}

deny contains v if {
	some e in _orders
	evidence.present(e.r, "migration_completed_at")
	not evidence.present(e.r, "erasure")
	evidence.as_of("exit_records") > _end(e.r)
	v := lib.violation(sprintf("exit %s: the old system data was not securely erased [%s]", [e.r.order_id, clause]), e.at)
}

deny contains v if {
	some e in _orders
	done := evidence.present(e.r, "migration_completed_at")
	erased := evidence.present(e.r, "erasure")
	lib.ns(erased.completed_at) < lib.ns(done)
	v := lib.violation(sprintf("exit %s: data erased at %s, before the migration was complete at %s [%s]", [e.r.order_id, erased.completed_at, done, clause]), e.at)
}

measure := {"ordered_exits": count(_orders)}
