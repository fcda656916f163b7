# METADATA
# title: Periodic reports to the cloud management unit and the supervision provider
# description: >-
#   乙方需要定期向政务云管理单位和云综合监管服务商提交云平台及入云系统相关信息 (第十五条 7): in
#   every interval of data.params.duties.management_report_interval_months months from the
#   start of the period that has ended at the register's export time, each of the two roles
#   received at least one report delivered in the interval (the recipient's signed receipt,
#   lib/approval.rego), and the reports it received then cover
#   data.params.duties.management_report_topics.
# custom:
#   clause: "15.7"
#   evidence: [management_reports]
#   severity: low
package contract.duties.management_reports

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "15.7"

recipients := ["cloud_management_unit", "supervision_provider"]

_step := data.params.duties.management_report_interval_months

_intervals := [w |
	some k in numbers.range(0, ceil(data.params.period.months / _step) - 1)
	s := time.add_date(lib.period_start, 0, k * _step, 0)
	e := min({time.add_date(lib.period_start, 0, (k + 1) * _step, 0), lib.period_end})
	w := {"start": s, "end": e, "first": cal.day_of_ns(s), "last": cal.day_of_ns(e - 1)}
]

# intervals that have ended when the register was exported
_due := [w | some w in _intervals; w.end <= evidence.as_of("management_reports")]

_reports := evidence.records("management_reports", "reports")

_received(role, w) := {e |
	some e in _reports
	e.r.to_role == role
	t := lib.ns(e.r.delivered_at)
	w.start <= t
	t < w.end
	approval.signed_by(e.r.receipt, role)
}

_unreceipted(role, w) := sort([e.r.report_id |
	some e in _reports
	e.r.to_role == role
	t := lib.ns(e.r.delivered_at)
	w.start <= t
	t < w.end
	not approval.signed_by(e.r.receipt, role)
])

_where := evidence.at("management_reports", "reports")

deny contains v if {
	some role in recipients
	some w in _due
	count(_received(role, w)) == 0
	v := object.union(lib.violation(sprintf("no report to the %s received in the interval %s to %s%s [%s]", [role, w.first, w.last, _note(_unreceipted(role, w)), clause]), _where), {"interval": [w.first, w.last], "to_role": role})
}

_note(ids) := "" if {
	count(ids) == 0
} else := sprintf(" (without the recipient's signed receipt: %s)", [concat(", ", ids)])

deny contains v if {
	some role in recipients
	some w in _due
	got := _received(role, w)
	count(got) > 0
	covered := {t | some e in got; some t in e.r.topics}
	missing := [t | some t in data.params.duties.management_report_topics; not t in covered]
	count(missing) > 0
	v := object.union(lib.violation(sprintf("the reports to the %s in the interval %s to %s do not cover: %s [%s]", [role, w.first, w.last, concat(", ", missing), clause]), _where), {"interval": [w.first, w.last], "to_role": role})
}

measure := {"intervals_due": count(_due), "intervals": count(_intervals)}
