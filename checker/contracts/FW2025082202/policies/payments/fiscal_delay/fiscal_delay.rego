# METADATA
# title: A payment delayed by fiscal allocation is notified, paid once the restriction ends, and Party B keeps performing
# description: >-
#   因上级财政拨款导致甲方及其付款单位支付的迟延，不视为甲方及支付单位的违约。但甲方应当将延迟付款理由
#   通知到乙方，且在支付限制解除后立即完成对乙方的付款。乙方不得因此延迟、拒绝、终止、暂停义务的履行
#   (第七条 3). Every delay notice comes from Party A by the instalment's deadline; once the
#   restriction is lifted the instalment is paid within payments.fiscal_pay_within_working_days
#   working days (立即, recorded reading); Party B recorded no suspension, delay or refusal of
#   its obligations on account of a payment. Not applicable when no delay was notified and
#   no suspension is recorded.
# custom:
#   clause: "7.3"
#   evidence: [fiscal_delays, payments]
#   severity: low
package contract.payments.fiscal_delay

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence
import data.contract.payments.instalments

clause := "7.3"

_notices := evidence.records("fiscal_delays", "notices")

_suspensions := evidence.records("fiscal_delays", "provider_suspensions")

not_applicable if {
	count(_notices) == 0
	count(_suspensions) == 0
}

deny contains v if {
	some e in _notices
	e.r.issued_by_role != "party_a"
	v := lib.violation(sprintf("delay notice %s was issued by %s, not Party A: it excuses no delay [%s]", [e.r.notice_id, e.r.issued_by_role, clause]), e.at)
}

deny contains v if {
	some e in _notices
	e.r.issued_by_role == "party_a"
	d := instalments.due(e.r.instalment)
	cal.date_of(e.r.notified_at) > d
	v := lib.violation(sprintf("delay notice %s for instalment %s reached Party B on %s, after the deadline %s [%s]", [e.r.notice_id, e.r.instalment, cal.date_of(e.r.notified_at), d, clause]), e.at)
}

_paid_on(id) := min({p.r.paid_on | some p in instalments.payments(id)})

deny contains v if {
	some e in _notices
	e.r.restriction_lifted_on != null
	due := cal.working_day_after(e.r.restriction_lifted_on, data.params.payments.fiscal_pay_within_working_days)
	paid := _paid_on(e.r.instalment)
	paid > due
	msg := sprintf("instalment %s paid on %s: the restriction ended on %s, payment due %s (立即) [%s]", [e.r.instalment, paid, e.r.restriction_lifted_on, due, clause])
	v := lib.violation(msg, e.at)
}

deny contains v if {
	some e in _notices
	e.r.restriction_lifted_on != null
	due := cal.working_day_after(e.r.restriction_lifted_on, data.params.payments.fiscal_pay_within_working_days)
	not _paid_on(e.r.instalment)
	evidence.today("fiscal_delays") > due
	msg := sprintf("instalment %s not paid: the restriction ended on %s, payment due %s (立即) [%s]", [e.r.instalment, e.r.restriction_lifted_on, due, clause])
	v := lib.violation(msg, e.at)
}

deny contains v if {
	some e in _suspensions
	msg := sprintf("Party B suspended %s from %s on account of a payment (乙方不得因此延迟、拒绝、终止、暂停义务的履行) [%s]", [e.r.obligation, e.r.started_at, clause])
	v := lib.violation(msg, e.at)
}

measure := {"delay_notices": count(_notices), "provider_suspensions": count(_suspensions)}
