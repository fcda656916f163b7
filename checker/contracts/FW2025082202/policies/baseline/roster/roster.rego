# METADATA
# title: The duty roster, read once
# description: >-
#   Shifts of the duty_roster kind with the staff on them who were security-registered
#   (安全登记) for the whole shift. Used by 2.2.2.1 (7x24 duty) and 3.9 (holiday and
#   major-event duty).
package contract.baseline.roster

import data.contract.lib

# staff: staff_id -> register entry. Two different entries for one id (in one file or two)
# conflict: the clauses reading it end in an evaluation error, never a silent choice;
# identical copies are refused by the loader as repeated records.
# (comprehensions, not partial rules: OPA builds a partial rule of thousands of keys in
# more than linear time)
staff := {s.staff_id: s | some f in lib.files("duty_roster"); some s in f.data.staff}

# shifts: pointer -> every shift with its place, its window in ns and its registered
# staff. Keyed by pointer (an object, not a set of objects: no ordering of big values).
# `roles`: the shift's `role` object (staff_id -> duty role), {} when it has none.
shifts := {at: e |
	regs := registration # bound once (OPA does not memoise a per-item lookup)
	some f in lib.files("duty_roster")
	some i, sh in f.data.shifts
	at := sprintf("%s#/shifts/%d", [f.path, i])
	start := time.parse_rfc3339_ns(sh.start) # lib.ns, inlined: this runs per shift
	end := time.parse_rfc3339_ns(sh.end)
	on_duty := {id | some id in sh.staff_ids; w := regs[id]; w[0] <= start; w[1] >= end} # registered_for
	e := {"path": f.path, "index": i, "start": start, "end": end, "staff_ids": sh.staff_ids, "on_duty": on_duty, "roles": object.get(sh, "role", {})}
}

# registration: staff_id -> [registered ns, revoked ns or +inf as the period end + 1]
registration := {id: [from, to] |
	pe := lib.period_end
	some id, s in staff
	reg := s.security_registration
	from := time.parse_rfc3339_ns(reg.registered_at) # lib.ns, inlined
	to := _revoked(reg, pe)
}

_revoked(reg, pe) := time.parse_rfc3339_ns(reg.revoked_at) if {
	object.get(reg, "revoked_at", null) != null
} else := pe + 1

# registered_for: registered no later than the shift starts and not revoked before it ends.
registered_for(staff_id, start, end) if {
	_registered(registration[staff_id], start, end)
}

_registered(w, start, end) if {
	w[0] <= start
	w[1] >= end
}

# staffed: [start, end] of every shift with at least `n` registered staff on duty.
staffed(n) := [[e.start, e.end] | some e in shifts; count(e.on_duty) >= n]

# pointer to the first shift (lowest index) that ends at t, else to the shift list.
ending_at(t) := lib.pointer(e.path, ["shifts", e.index]) if {
	idx := min({e.index | some e in shifts; e.end == t})
	e := [x | some x in shifts; x.end == t; x.index == idx][0]
} else := lib.pointer(lib.files("duty_roster")[0].path, ["shifts"])
