# METADATA
# title: Ordered exit - migration within 10 days, then secure erasure
# description: >-
#   如出现政务云管理单位责令乙方退出……乙方应在甲方提出系统迁出需求后 10 天内配合甲方完成信息
#   系统迁移的相关工作……关停原服务，并对原有系统数据进行安全擦除 (第十三条 2): for each
#   ordered exit, the migration is complete within data.params.duties.ordered_exit_migration_days
#   natural days of Party A's migration request, and the old data is securely erased after
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

_due(o) := cal.add_days(cal.date_of(o.migration_requested_at), _days)

deny contains v if {
	some e in _orders
	done := evidence.present(e.r, "migration_completed_at")
	day := cal.date_of(done)
	day > _due(e.r)
	n := cal.days_between(cal.date_of(e.r.migration_requested_at), day)
	v := object.union(lib.violation(sprintf("exit %s: migration completed on %s, %d days after Party A's request (limit %d, due %s) [%s]", [e.r.order_id, day, n, _days, _due(e.r), clause]), e.at), {"days": n, "due": _due(e.r)})
}

deny contains v if {
	some e in _orders
	not evidence.present(e.r, "migration_completed_at")
	evidence.today("exit_records") > _due(e.r)
	v := lib.violation(sprintf("exit %s: migration not completed, due %s [%s]", [e.r.order_id, _due(e.r), clause]), e.at)
}

deny contains v if {
	some e in _orders
	evidence.present(e.r, "migration_completed_at")
	not evidence.present(e.r, "erasure")
	evidence.today("exit_records") > _due(e.r)
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
