# METADATA
# title: Host antivirus delivered
# description: >-
#   主机杀毒服务 (第二条 2(1) 第5项): periodic virus scans on the contracted number
#   of hosts, under central control. A host of the inventory in service during the
#   period counts once when its agent is active and centrally managed and a completed
#   run (result other than error) started in every full scan interval
#   (scan_interval_days, counted from the period start) that lies inside the host's
#   time in service. A trailing part-interval shorter than scan_interval_days at the
#   end of the period asks for no run.
# custom:
#   clause: "2.2.1.5"
#   evidence: [antivirus, host_inventory]
#   severity: high
package contract.services.host_antivirus

import data.contract.lib

clause := "2.2.1.5"

interval_days := data.params.services[clause].scan_interval_days

interval_ns := ((interval_days * 24) * 3600) * 1000000000

agents contains {"agent": a, "at": at} if {
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
covered contains [r.host_id, k] if {
	some f in lib.files("antivirus")
	some r in f.data.runs
	r.result != "error"
	t := lib.ns(r.started_at)
	t >= lib.period_start
	t < lib.period_end
	lib.ns(r.finished_at) >= t
	k := floor((t - lib.period_start) / interval_ns)
}

# required: the indexes of the full intervals inside the host's time in service
required(host_id) := {k |
	[a, b] := lib.host_span(host_id)
	first := ceil((a - lib.period_start) / interval_ns)
	last := floor((b - lib.period_start) / interval_ns) - 1
	last >= first
	some k in numbers.range(first, last)
}

missing(host_id) := {k | some k in required(host_id); not [host_id, k] in covered}

_interval_start(k) := lib.local_time(lib.period_start + (k * interval_ns))

_reason(host_id) := "host not in service during the period" if {
	not lib.in_service(host_id)
} else := "no active, centrally managed antivirus agent" if {
	not host_id in managed
} else := sprintf("no completed scan run in %d of %d scan intervals of %d days (first missing interval starts %s)", [count(m), count(required(host_id)), interval_days, _interval_start(min(m))]) if {
	m := missing(host_id)
	count(m) > 0
}

_where(host_id) := at if {
	ats := [e.at | some e in agents; e.agent.host_id == host_id]
	count(ats) > 0
	at := ats[0]
} else := lib.pointer(lib.hosts[host_id].path, ["hosts", lib.hosts[host_id].index])

# verdict: host -> why it does not count (computed once per host)
verdict[host_id] := reason if {
	some host_id, _ in lib.hosts
	reason := _reason(host_id)
}

excluded contains {"evidence": at, "reason": reason} if {
	some host_id, reason in verdict
	at := _where(host_id)
}

counted contains host_id if {
	some host_id, _ in lib.hosts
	not verdict[host_id]
}

deny contains v if {
	f := lib.files("antivirus")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["runs"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded), "scan_interval_days": interval_days})
