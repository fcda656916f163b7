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

# report_reason(delivered, td, t1, days, deadlines): why a report of results does not
# count; td, t1: the delivery and finish instants (ns, each parsed once); deadlines:
# finish day index -> lib.days_deadline of that day (see _deadlines)
report_reason(delivered, td, t1, days, deadlines) := "results reported before the scan finished" if {
	td < t1
} else := sprintf("results reported %s, after the limit of %d days (%s)", [delivered, days, lib.local_time(_deadline(deadlines, t1))]) if {
	td > _deadline(deadlines, t1)
} else := sprintf("results reported %s, after the evidence bundle was made", [delivered]) if {
	td > _made
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
_spans := data.contract.inventory.spans # lib.host_spans of every inventory host, once per query

_in_spans(spans, t) if {
	some sp in spans
	sp[0] <= t
	t < sp[1]
}

# _reason(s, t0, sps, deadlines, ps, pe): why scan s (started at t0, ns) does not count;
# the period bounds ps, pe are bound once by the caller, each time is parsed once
_reason(s, t0, sps, deadlines, ps, pe) := "host not in the inventory" if {
	not sps[s.host_id]
} else := "started outside the service period" if {
	not _inside(t0, ps, pe)
} else := "host not in service when the scan started" if {
	not _in_spans(sps[s.host_id], t0)
} else := r if {
	r := _after_start(s, t0, lib.ns(s.finished_at), deadlines)
}

# lib.in_period(started_at) with the instant parsed once
_inside(t, ps, pe) if {
	t >= ps
	t < pe
}

_after_start(s, t0, t1, deadlines) := "finished before it started" if {
	t1 < t0
} else := "results never reported to Party A (report_delivered_at)" if {
	object.get(s, "report_delivered_at", null) == null
} else := r if {
	r := report_reason(s.report_delivered_at, lib.ns(s.report_delivered_at), t1, report_days, deadlines)
}

# reasons: [file index, scan index] -> why the scan there does not count (once per record)
_reasons := {[j, i]: reason |
	sps := _spans
	deadlines := _deadlines
	ps := lib.period_start
	pe := lib.period_end
	some j, f in lib.files("vuln_scan")
	some i, s in f.data.scans
	reason := _reason(s, lib.ns(s.started_at), sps, deadlines, ps, pe)
}

# verdict: pointer -> why the scan there does not count (pointers only for those)
verdict := {at: reason |
	fs := lib.files("vuln_scan")
	some k, reason in _reasons
	at := lib.pointer(fs[k[0]].path, ["scans", k[1]])
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# eligible: host -> the [scan_id, start] of its scans that count (indexed by host once)
eligible[s.host_id] contains [s.scan_id, lib.ns(s.started_at)] if {
	rs := _reasons
	some j, f in lib.files("vuln_scan")
	some i, s in f.data.scans
	not rs[[j, i]]
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
