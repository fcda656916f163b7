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

# _reason(r, m, t): why report r (of month m, false when it covers none; delivered at t,
# ns, parsed once by the caller) does not count: one chain, one call per report
_reason(r, m, t) := "covers no service month of the period" if {
	not m
} else := "does not report the host's security events (security_events)" if {
	object.get(r, "security_events", null) == null
} else := "does not report the host's resource use (cpu_avg_percent, mem_avg_percent)" if {
	some k in ["cpu_avg_percent", "mem_avg_percent"]
	object.get(r, k, null) == null
} else := "delivered before the month it covers ended" if {
	t < m.end
} else := sprintf("delivered %s, after the limit of %d days (%s)", [r.delivered_at, report_days, lib.local_time(m.deadline)]) if {
	t > m.deadline
} else := sprintf("delivered %s, after the evidence bundle was made", [r.delivered_at]) if {
	t > _made
}

# reasons: [file index, report index] -> why the report there does not count (computed
# once per record; the records are read from the files, not from a set of whole records)
_reasons := {[j, i]: reason |
	ms := months
	some j, f in lib.files("log_analysis")
	some i, r in f.data.reports
	reason := _reason(r, object.get(ms, r.month, false), time.parse_rfc3339_ns(r.delivered_at)) # lib.ns, once per report
}

# verdict: pointer -> why the report there does not count (pointers only for those)
verdict := {at: reason |
	fs := lib.files("log_analysis")
	some k, reason in _reasons
	at := lib.pointer(fs[k[0]].path, ["reports", k[1]])
}

rejected contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# reported: [host, month] with a report that counts
reported := {[r.host_id, r.month] |
	rs := _reasons
	some j, f in lib.files("log_analysis")
	some i, r in f.data.reports
	not rs[[j, i]]
}

# host_spans: host -> its time in service (once per host)
_host_spans := data.contract.inventory.spans # lib.host_spans of every inventory host, once per query

# the months already due (once, not per host)
_due := {label | some label, m in months; due(m)}

# required: host -> the due months of the host's time in service (once per host)
_required := {host_id: ls |
	hs := _host_spans
	ds := _due
	some host_id, sps in hs
	ls := [label |
		some sp in sps
		some label, m in months
		m.start < sp[1]
		m.end > sp[0]
		label in ds
	]
}

# spans(sps, miss): the host's time in service (sps) without the months it has no report for
spans(sps, miss) := {s |
	holes := [[months[l].start, months[l].end] | some l in miss]
	some sp in sps
	some s in lib.span_minus(sp, holes)
}

_reason_host(sps, req, miss) := "host not in service during the period" if {
	count(sps) == 0
} else := sprintf("no log analysis report that counts for %d of %d months: %s", [count(miss), count(req), concat(", ", sort(miss))]) if {
	count(miss) > 0
}

_missing := {host_id: [label | some label in req; not [host_id, label] in rep] |
	rep := reported
	some host_id, req in _required
}

verdict_host[host_id] := {"evidence": at, "reason": reason} if {
	miss := _missing
	hs := _host_spans
	rq := _required
	some host_id, e in lib.hosts
	reason := _reason_host(hs[host_id], rq[host_id], miss[host_id])
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

lowest := lib.lowest(by_host) if {
	hs := _host_spans
	by_host := {id: spans(hs[id], m) | some id, m in _missing}
}

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
