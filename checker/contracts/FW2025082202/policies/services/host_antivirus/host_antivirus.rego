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

# covered: [host, interval index] with a completed run started in that interval
# (the period bounds are bound once; each run's times are parsed once, by the builtin
# lib.ns wraps, since this loop runs over every run of the year)
covered := {[r.host_id, k] |
	ps := lib.period_start
	pe := lib.period_end
	iv := interval_ns
	some f in lib.files("antivirus")
	some r in f.data.runs
	r.result != "error"
	t := time.parse_rfc3339_ns(r.started_at)
	t >= ps
	t < pe
	time.parse_rfc3339_ns(r.finished_at) >= t
	k := floor((t - ps) / iv)
}

# required: the indexes of the full intervals inside the host's time in service
required(host_id) := {k |
	[a, b] := lib.host_span(host_id)
	first := ceil((a - lib.period_start) / interval_ns)
	last := floor((b - lib.period_start) / interval_ns) - 1
	last >= first
	some k in numbers.range(first, last)
}

# missing: host -> the required intervals without a completed run (once per host)
missing[host_id] := m if {
	c := covered
	some host_id, _ in lib.hosts
	m := {k | some k in required(host_id); not [host_id, k] in c}
}

_interval_start(k) := lib.local_time(lib.period_start + (k * interval_ns))

_interval(k) := [lib.period_start + (k * interval_ns), lib.period_start + ((k + 1) * interval_ns)]

# spans: the host's time in service without the scan intervals it had no completed run in
# (OBLIGATIONS.md reading rule 3: a host counts for the instants it is served)
spans(host_id, missed) := {s |
	m := [_interval(k) | some k in missed]
	some sp in lib.host_spans(host_id)
	some s in lib.span_minus(sp, m)
}

_reason(host_id, m) := "host not in service during the period" if {
	count(lib.host_spans(host_id)) == 0
} else := "no active, centrally managed antivirus agent" if {
	not host_id in managed
} else := sprintf("no completed scan run in %d of %d scan intervals of %d days (first missing interval starts %s): not served in those intervals", [count(m), count(required(host_id)), interval_days, _interval_start(min(m))]) if {
	count(m) > 0
}

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
verdict[host_id] := reason if {
	ms := missing
	some host_id, m in ms
	reason := _reason(host_id, m)
}

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

lowest := lib.lowest(by_host) if {
	ms := missing # keyed by the inventory's hosts, bound once (OPA)
	by_host := {id: spans(id, ms[id]) | some id in managed; ms[id]}
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
