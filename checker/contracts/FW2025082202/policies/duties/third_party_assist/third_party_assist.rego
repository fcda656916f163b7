# METADATA
# title: Help Party A rectify defects of providers it designated
# description: >-
#   由于甲方指定的其他技术服务提供商提供的软件或产品的缺陷……乙方不承担相应责任，但需要按照甲方的
#   要求协助和配合甲方进行整改 (第九条 14): each written request of Party A made in the service
#   period has Party B's assistance record, started at or after the request and by the
#   request's own due date, else data.params.duties.third_party_assist_days natural days
#   after the request day when set, else the last day of the period. A request counts only
#   as Party A's signed word (lib/approval.rego); unsigned ones are counted apart. The
#   defect itself is not Party B's breach (reading rule 4) and is not judged here.
# custom:
#   clause: "9.14"
#   evidence: [third_party_assist]
#   severity: low
package contract.duties.third_party_assist

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "9.14"

_in_period := {e | some e in evidence.records("third_party_assist", "requests"); lib.in_period(e.r.requested_at)}

_requests := {e | some e in _in_period; approval.by_party_a(e.r.request)}

_unverified := {e.r.request_id | some e in _in_period; not approval.by_party_a(e.r.request)}

not_applicable if count(_requests) == 0

_days := data.params.duties.third_party_assist_days

_due(r) := d if {
	d := evidence.present(r, "due_on")
} else := cal.add_days(cal.date_of(r.requested_at), _days) if {
	_days != null
} else := cal.period_last_day

deny contains v if {
	some e in _requests
	not evidence.present(e.r, "assistance")
	evidence.today("third_party_assist") > _due(e.r)
	v := lib.violation(sprintf("request %s of Party A (%s, %s on %s) has no assistance record, due %s [%s]", [e.r.request_id, e.r.defect.type, e.r.provider.provider_id, e.r.defect.system_id, _due(e.r), clause]), e.at)
}

deny contains v if {
	some e in _requests
	a := evidence.present(e.r, "assistance")
	day := cal.date_of(a.started_at)
	day > _due(e.r)
	v := object.union(lib.violation(sprintf("request %s of Party A: assistance started on %s, after the due day %s [%s]", [e.r.request_id, day, _due(e.r), clause]), e.at), {"due": _due(e.r)})
}

deny contains v if {
	some e in _requests
	a := evidence.present(e.r, "assistance")
	lib.ns(a.started_at) < lib.ns(e.r.requested_at)
	v := lib.violation(sprintf("request %s of Party A made at %s: the assistance record starts earlier, at %s, so it does not answer this request [%s]", [e.r.request_id, e.r.requested_at, a.started_at, clause]), e.at)
}

measure := {
	"requests": count(_requests),
	"assisted": count({e.at | some e in _requests; evidence.present(e.r, "assistance")}),
	"unverified_requests": sort([id | some id in _unverified]),
}
