# METADATA
# title: Service suspension notified in writing and lifted after handling
# description: >-
#   当甲方入云信息系统出现严重影响政务云平台安全稳定运行的事件时，乙方有权暂时中断甲方的云服务并
#   书面通知甲方，事件处理完毕后恢复服务 (第九条 15): every suspension started in the service
#   period cites the endangering event, has a written notice to Party A sent by the end of
#   the suspension day plus data.params.duties.suspension_notice_days natural days and
#   received by Party A (its signed receipt, lib/approval.rego), and is resumed once the
#   event is handled (within data.params.duties.suspension_resume_max_minutes when set).
#   Not applicable without suspensions.
# custom:
#   clause: "9.15"
#   evidence: [suspensions]
#   severity: medium
package contract.duties.suspensions

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "9.15"

_suspensions := {e | some e in evidence.records("suspensions", "suspensions"); lib.in_period(e.r.suspended_at)}

not_applicable if count(_suspensions) == 0

_notice_due(s) := cal.add_days(cal.date_of(s.suspended_at), data.params.duties.suspension_notice_days)

_notice_problem(s) := "has no written notice to Party A" if {
	not evidence.present(s, "notice")
} else := sprintf("notice %s is not written", [s.notice.ref]) if {
	s.notice.written != true
} else := sprintf("notice %s is addressed to %s, not Party A", [s.notice.ref, s.notice.to_role]) if {
	s.notice.to_role != "party_a"
} else := sprintf("notice %s was sent on %s, after %s", [s.notice.ref, cal.date_of(s.notice.sent_at), _notice_due(s)]) if {
	cal.date_of(s.notice.sent_at) > _notice_due(s)
} else := sprintf("notice %s is not shown received by Party A: the receipt %s", [s.notice.ref, approval.why_not(object.get(s.notice, "receipt", null), "party_a")]) if {
	not approval.by_party_a(object.get(s.notice, "receipt", null))
} else := sprintf("notice %s: Party A's receipt is dated %s, before the notice was sent", [s.notice.ref, s.notice.receipt.signed_at]) if {
	approval.at(s.notice.receipt) < lib.ns(s.notice.sent_at)
}

deny contains v if {
	some e in _suspensions
	problem := _notice_problem(e.r)
	v := lib.violation(sprintf("suspension %s of %s at %s: %s [%s]", [e.r.suspension_id, e.r.system_id, e.r.suspended_at, problem, clause]), e.at)
}

deny contains v if {
	some e in _suspensions
	evidence.present(e.r, "handled_at")
	not evidence.present(e.r, "resumed_at")
	v := lib.violation(sprintf("suspension %s of %s: the event was handled at %s but the service was not resumed [%s]", [e.r.suspension_id, e.r.system_id, e.r.handled_at, clause]), e.at)
}

deny contains v if {
	some e in _suspensions
	limit := data.params.duties.suspension_resume_max_minutes
	limit != null
	handled := evidence.present(e.r, "handled_at")
	resumed := evidence.present(e.r, "resumed_at")
	late := lib.minutes_between(handled, resumed)
	late > limit
	v := object.union(lib.violation(sprintf("suspension %s of %s: resumed %d minutes after the event was handled (limit %d) [%s]", [e.r.suspension_id, e.r.system_id, late, limit, clause]), e.at), {"minutes": late})
}

measure := {
	"suspensions": count(_suspensions),
	"still_suspended": count({e.at | some e in _suspensions; not evidence.present(e.r, "resumed_at")}),
}
