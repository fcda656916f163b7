# METADATA
# title: Host antivirus delivered
# description: >-
#   主机杀毒服务 (第二条 2(1) 第5项): periodic virus scans on the contracted number
#   of hosts, under central control. A host of the inventory with an active, centrally
#   managed agent is served for the instants it is in service, except the full scan
#   intervals (scan_interval_days, counted from the period start) in which no completed
#   run (result other than error) started; a trailing part-interval shorter than
#   scan_interval_days asks for no run. Delivered is the lowest number of hosts served
#   at any instant of the period (OBLIGATIONS.md reading rule 3).
# custom:
#   clause: "2.2.1.5"
#   evidence: [antivirus, host_inventory]
#   severity: high
package contract.services.host_antivirus

import data.contract.lib

clause := "2.2.1.5"

interval_days := data.params.services[clause].scan_interval_days

interval_ns := ((interval_days * 24) * 3600) * 1000000000

agents := {{"agent": a, "at": at} |
	some f in lib.files("antivirus")
	some i, a in f.data.agents
	at := lib.pointer(f.path, ["agents", i])
}

# managed: hosts with an active, centrally managed agent (杀毒软件集中控制)
managed contains e.agent.host_id if {
	some e in agents
	e.agent.status == "active"
	e.agent.centrally_managed == true
}

# covered: [host, interval index] with a completed run started in that interval, in one
# pass over the runs (the period bounds are bound once; each run's times are parsed once,
# by the builtin lib.ns wraps, since this loop runs over every run of the year). A
# comprehension, not a partial rule grouped by host: OPA builds the latter in worse than
# linear time. The period bounds need no test: a run started before the period has a
# negative index and one started at or after its end an index past the last full
# interval, and no host requires either (required, below).
covered := {[r.host_id, k] |
	ps := lib.period_start
	iv := interval_ns
	some f in lib.files("antivirus")
	some r in f.data.runs
	r.result != "error"
	t := time.parse_rfc3339_ns(r.started_at)
	time.parse_rfc3339_ns(r.finished_at) >= t
	d := t - ps
	d >= 0
	k := (d - (d % iv)) / iv # floor(d / iv), exact (see _first_last)
}

# Interval indexes in exact integer arithmetic: a float quotient of ns (regorus divides in
# floating point) cannot tell the last nanosecond of interval 51 from the start of 52, so
# the two engines put such a run in different intervals.

# required: host -> the indexes of the full intervals inside the host's time in service
# (one set per distinct [first, last], shared by the hosts in service the same time)
_first_last := {host_id: [first, last] |
	ps := lib.period_start
	iv := interval_ns
	some host_id, ss in data.contract.inventory.spans
	some [a, b] in ss
	da := (a - ps) + (iv - 1) # ceil((a - ps) / iv) = floor(da / iv); the spans are clipped to the period, so a, b >= ps
	db := b - ps
	first := (da - (da % iv)) / iv
	last := ((db - (db % iv)) / iv) - 1
}

_required_sets := {fl: {k | fl[1] >= fl[0]; some k in numbers.range(fl[0], fl[1])} |
	some fl in {x | some _, x in _first_last}
}

# (a host with no time in service inside the period requires nothing)
required := object.union({host_id: set() | some host_id, _ in lib.hosts}, {host_id: sets[fl] |
	sets := _required_sets
	some host_id, fl in _first_last
})

# missing: host -> the required intervals without a completed run (once per host)
missing := {host_id: m |
	c := covered
	some host_id, req in required
	m := {k | some k in req; not [host_id, k] in c}
}

_interval_start(k) := lib.local_time(lib.period_start + (k * interval_ns))

_interval(k) := [lib.period_start + (k * interval_ns), lib.period_start + ((k + 1) * interval_ns)]

# spans: the host's time in service (hs: its lib.host_spans) without the scan intervals
# it had no completed run in (OBLIGATIONS.md reading rule 3: a host counts for the
# instants it is served)
spans(hs, missed) := {s |
	m := [_interval(k) | some k in missed]
	some sp in hs
	some s in lib.span_minus(sp, m)
}

# the host's time in service, once per host of the inventory
_host_spans := data.contract.inventory.spans # lib.host_spans of every inventory host, once per query

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {})
_managed := x if {
	x := managed
} else := set()

_not_in_service := {host_id | some host_id, hs in _host_spans; count(hs) == 0}

# why a host does not count, in this order: not in service during the period; else no
# active, centrally managed agent; else the scan intervals it had no completed run in
_reasons := object.union(
	object.union(
		{host_id: "host not in service during the period" | some host_id in _not_in_service},
		{host_id: "no active, centrally managed antivirus agent" |
			nis := _not_in_service
			mg := _managed
			some host_id, _ in missing
			not host_id in nis
			not host_id in mg
		},
	),
	{host_id: sprintf("no completed scan run in %d of %d scan intervals of %d days (first missing interval starts %s): not served in those intervals", [count(m), count(req[host_id]), interval_days, _interval_start(min(m))]) |
		nis := _not_in_service
		mg := _managed
		req := required
		some host_id, m in missing
		count(m) > 0
		not host_id in nis
		host_id in mg
	},
)

# agent_ats: host -> pointers of its agent records (indexed by key once, not searched per host)
agent_ats[e.agent.host_id] contains e.at if {
	some e in agents
}

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {}:
# read it through the complete rule below, which is also bound once)
_agent_ats := x if {
	x := agent_ats
} else := {}

_inventory_at(host_id) := lib.pointer(lib.hosts[host_id].path, ["hosts", lib.hosts[host_id].index])

# verdict: host -> why it does not count throughout (computed once per host)
verdict := _reasons

excluded contains {"evidence": at, "reason": reason} if {
	ats := _agent_ats
	some host_id, reason in verdict
	at := min(object.get(ats, host_id, {_inventory_at(host_id)}))
}

# counted: hosts served throughout their time in service
counted contains host_id if {
	v := verdict
	some host_id, _ in lib.hosts
	not v[host_id]
}

# a managed host of the inventory with no missed interval counts for its whole time in
# service (span_minus of a span without holes is the span itself)
lowest := lib.lowest(by_host) if {
	ms := missing # keyed by the inventory's hosts, bound once (OPA)
	hs := _host_spans
	mg := _managed
	by_host := object.union(
		{id: hs[id] | some id in mg; count(ms[id]) == 0},
		{id: spans(hs[id], m) | some id in mg; m := ms[id]; count(m) > 0},
	)
}

deny contains v if {
	f := lib.files("antivirus")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["runs"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"scan_interval_days": interval_days,
	"lowest_at": lib.local_time(lowest.at),
})
