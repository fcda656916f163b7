# METADATA
# title: Host log analysis delivered
# description: >-
#   主机日志分析服务 (第二条 2(1) 第10项: 针对操作系统进行日志收集，并且进行分析，并将结果
#   反馈给用户，用于了解主机安全情况及资源使用情况): OS logs collected and analysed, results
#   reported to Party A, on the contracted number of hosts. A report counts for its host
#   and service month when it reads both what the clause names (security events;
#   CPU and memory use), reached Party A after the month ended and within
#   report_within_days days of it (reading rule 2), and not after the evidence bundle
#   was made. A host is served for the months of its time in service that have such a
#   report; a month whose deadline is still running when the bundle was made, or falls
#   after the end of the period the bundle covers, is not yet due. Delivered is the lowest number of hosts served at any instant of the period
#   (OBLIGATIONS.md reading rule 3).
# custom:
#   clause: "2.2.1.10"
#   evidence: [log_analysis, host_inventory]
#   severity: medium
package contract.services.log_analysis

import data.contract.lib

clause := "2.2.1.10"

report_days := data.params.services[clause].report_within_days

# months: label -> {start, end, deadline (ns)}
months[m.label] := x if {
	some m in lib.service_months
	d := lib.days_deadline(m.end - 1, report_days)
	x := object.union(m, {"deadline": d})
}

_made := lib.ns(input.bundle.created_at) if {
	object.get(object.get(input, "bundle", {}), "created_at", null) != null
}

# the bundle's horizon: the earlier of when it was made and the end of the period it
# covers (a bundle's verdict is for its period, reading rule 6); none in a bare test input
_horizons := {t | t := _made} | {t | t := _bundle_end}

_bundle_end := lib.ns(input.bundle.period.end) if {
	object.get(object.get(object.get(input, "bundle", {}), "period", {}), "end", null) != null
}

# due: a month whose deadline has passed by the bundle's horizon (every month without one)
due(m) if count(_horizons) == 0

due(m) if m.deadline <= min(_horizons)

_content_reason(r) := "does not report the host's security events (security_events)" if {
	object.get(r, "security_events", null) == null
} else := "does not report the host's resource use (cpu_avg_percent, mem_avg_percent)" if {
	some k in ["cpu_avg_percent", "mem_avg_percent"]
	object.get(r, k, null) == null
}

_reason(r, m) := "covers no service month of the period" if {
	not m
} else := r2 if {
	r2 := _content_reason(r)
} else := "delivered before the month it covers ended" if {
	lib.ns(r.delivered_at) < m.end
} else := sprintf("delivered %s, after the limit of %d days (%s)", [r.delivered_at, report_days, lib.local_time(m.deadline)]) if {
	lib.ns(r.delivered_at) > m.deadline
} else := sprintf("delivered %s, after the evidence bundle was made", [r.delivered_at]) if {
	lib.ns(r.delivered_at) > _made
}

reports contains {"r": r, "at": lib.pointer(f.path, ["reports", i])} if {
	some f in lib.files("log_analysis")
	some i, r in f.data.reports
}

# verdict: pointer -> why the report there does not count (computed once per record)
verdict[e.at] := reason if {
	ms := months
	some e in reports
	reason := _reason(e.r, object.get(ms, e.r.month, false))
}

rejected contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# reported: [host, month] with a report that counts
reported contains [e.r.host_id, e.r.month] if {
	v := verdict
	some e in reports
	not v[e.at]
}

# required(host_id): the due months of the host's time in service
required(host_id) := [label |
	some sp in lib.host_spans(host_id)
	some label, m in months
	m.start < sp[1]
	m.end > sp[0]
	due(m)
]

missing(host_id, rep) := [label | some label in required(host_id); not [host_id, label] in rep]

# spans(host_id): the host's time in service without the months it has no report for
spans(host_id, miss) := {s |
	holes := [[months[l].start, months[l].end] | some l in miss]
	some sp in lib.host_spans(host_id)
	some s in lib.span_minus(sp, holes)
}

_reason_host(host_id, miss) := "host not in service during the period" if {
	count(lib.host_spans(host_id)) == 0
} else := sprintf("no log analysis report that counts for %d of %d months: %s", [count(miss), count(required(host_id)), concat(", ", sort(miss))]) if {
	count(miss) > 0
}

_missing := {host_id: missing(host_id, rep) | rep := reported; some host_id, _ in lib.hosts}

verdict_host[host_id] := {"evidence": at, "reason": reason} if {
	miss := _missing
	some host_id, e in lib.hosts
	reason := _reason_host(host_id, miss[host_id])
	at := lib.pointer(e.path, ["hosts", e.index])
}

excluded contains v if {
	some _, v in verdict_host
}

counted contains host_id if {
	v := verdict_host
	some host_id, _ in lib.hosts
	not v[host_id]
}

lowest := lib.lowest({id: spans(id, m) | some id, m in _missing})

deny contains v if {
	f := lib.files("log_analysis")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["reports"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"reports_not_counted": count(rejected),
	"months": count(lib.service_months),
	"months_not_yet_due": count([1 | some _, m in months; not due(m)]),
	"report_within_days": report_days,
	"lowest_at": lib.local_time(lowest.at),
})
