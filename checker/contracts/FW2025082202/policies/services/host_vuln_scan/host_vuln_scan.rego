# METADATA
# title: Host vulnerability scans delivered
# description: >-
#   主机漏洞扫描 (第二条 2(1) 第7项, 为用户提供针对主机层面的安全扫描服务，并反馈相关结果):
#   the contracted number of host-scans over the service period. A scan counts only when
#   the host is in the inventory and in service when the scan starts, the scan started
#   inside the period and finished, and its results were reported to Party A
#   (report_delivered_at) after it finished, within report_within_days days (reading
#   rule 2) and not after the evidence bundle was made. Work counted per occasion
#   (reading rule 3): a scan is one scan however many records or round labels repeat it
#   (one scan_id, one start instant), and a host counts at most rounds_per_host scans,
#   so one host cannot fill the quantity.
# custom:
#   clause: "2.2.1.7"
#   evidence: [vuln_scan, host_inventory]
#   severity: high
package contract.services.host_vuln_scan

import data.contract.lib

clause := "2.2.1.7"

rounds_per_host := data.params.services[clause].rounds_per_host

report_days := data.params.services[clause].report_within_days

# every scan record with where it is
scans := {{"scan": s, "at": lib.pointer(f.path, ["scans", i])} |
	some f in lib.files("vuln_scan")
	some i, s in f.data.scans
}

# in_host_service(host_id, t): the host is in service at the instant t of the period
# (host_hardening uses it too)
in_host_service(host_id, t) if {
	some sp in lib.host_spans(host_id)
	sp[0] <= t
	t < sp[1]
}

_made := lib.ns(input.bundle.created_at) if {
	object.get(object.get(input, "bundle", {}), "created_at", null) != null
}

# report_reason(delivered, finished, days, deadlines): why a report of results does not
# count; deadlines: finish day index -> lib.days_deadline of that day (see _deadlines)
report_reason(delivered, finished, days, deadlines) := "results reported before the scan finished" if {
	lib.ns(delivered) < lib.ns(finished)
} else := sprintf("results reported %s, after the limit of %d days (%s)", [delivered, days, lib.local_time(_deadline(deadlines, lib.ns(finished)))]) if {
	lib.ns(delivered) > _deadline(deadlines, lib.ns(finished))
} else := sprintf("results reported %s, after the evidence bundle was made", [delivered]) if {
	lib.ns(delivered) > _made
}

# lib.days_deadline(t, n) depends on t only through the day of t (counted from the period
# start), and many scans finish on one day: compute it once per finish day.
_day_ns := (24 * 3600) * 1000000000

_day_index(t, ps) := (d - (d % _day_ns)) / _day_ns if {
	d := t - ps
	d >= 0
}

_deadline(deadlines, t) := deadlines[_day_index(t, lib.period_start)]

# a scan reaches the deadline test only once it finished after it started inside the
# period, so its finish day index is never negative
_deadlines := {k: lib.days_deadline(ps + (k * _day_ns), report_days) |
	ps := lib.period_start
	some k in _finish_days
}

_finish_days contains k if {
	ps := lib.period_start
	some f in lib.files("vuln_scan")
	some s in f.data.scans
	object.get(s, "report_delivered_at", null) != null
	k := _day_index(lib.ns(s.finished_at), ps)
}

# spans: inventory host -> its time in service (once per host, not per scan)
_spans := {h: lib.host_spans(h) | some h, _ in lib.hosts}

_in_spans(spans, t) if {
	some sp in spans
	sp[0] <= t
	t < sp[1]
}

_reason(s, sps, deadlines) := "host not in the inventory" if {
	not sps[s.host_id]
} else := "started outside the service period" if {
	not lib.in_period(s.started_at)
} else := "host not in service when the scan started" if {
	not _in_spans(sps[s.host_id], lib.ns(s.started_at))
} else := "finished before it started" if {
	lib.ns(s.finished_at) < lib.ns(s.started_at)
} else := "results never reported to Party A (report_delivered_at)" if {
	object.get(s, "report_delivered_at", null) == null
} else := r if {
	r := report_reason(s.report_delivered_at, s.finished_at, report_days, deadlines)
}

# verdict: pointer -> why the scan there does not count (computed once per record)
verdict[e.at] := reason if {
	sps := _spans
	deadlines := _deadlines
	some e in scans
	reason := _reason(e.scan, sps, deadlines)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# eligible: host -> the [scan_id, start] of its scans that count (indexed by host once)
eligible[e.scan.host_id] contains [e.scan.scan_id, lib.ns(e.scan.started_at)] if {
	v := verdict
	some e in scans
	not v[e.at]
}

# per host: distinct scans (by scan_id and by start instant), at most rounds_per_host
per_host[host_id] := n if {
	some host_id, ss in eligible
	n := min({count({x[0] | some x in ss}), count({x[1] | some x in ss}), rounds_per_host})
}

delivered := sum([n | some _, n in per_host])

_distinct := sum([min({count({x[0] | some x in ss}), count({x[1] | some x in ss})}) | some _, ss in eligible])

deny contains v if {
	v := lib.shortfall(clause, delivered, sprintf("%s#/scans", [lib.files("vuln_scan")[0].path]))
}

measure := object.union(lib.measure(clause, delivered), {
	"excluded": count(excluded),
	"rounds_per_host": rounds_per_host,
	"report_within_days": report_days,
	"beyond_schedule": _distinct - delivered,
})
