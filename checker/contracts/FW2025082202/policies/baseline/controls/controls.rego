# METADATA
# title: Shared checks of the platform security controls
# description: >-
#   Helpers for the baseline security services of 第二条 2(2) recorded in the
#   platform_security kind: a control is switched on and has a successful status
#   check in every service month; nothing here decides a clause by itself.
package contract.baseline.controls

import data.contract.lib

# sections: every platform_security file's section `name`, with its path.
sections(name) := [{"section": f.data[name], "path": f.path} | some f in lib.files("platform_security")]

# enabled_denies: the control is not switched on.
enabled_denies(clause, name, s) := {v |
	not s.section.enabled == true
	v := lib.violation(sprintf("%s is not enabled [%s]", [name, clause]), lib.pointer(s.path, [name, "enabled"]))
}

# monthly_denies: a service month without a successful ("ok") status check, and every
# check that found the control degraded or down.
monthly_denies(clause, name, s) := {v |
	some m in lib.service_months
	not _ok_in(s.section.checks, m.label)
	v := object.union(
		lib.violation(sprintf("%s: no successful status check in service month %s [%s]", [name, m.label, clause]), lib.pointer(s.path, [name, "checks"])),
		{"month": m.label},
	)
} | {v |
	some i, c in s.section.checks
	c.result != "ok"
	lib.in_period(c.at)
	v := object.union(
		lib.violation(sprintf("%s was %s at %s [%s]", [name, c.result, c.at, clause]), lib.pointer(s.path, [name, "checks", i])),
		{"month": c.month},
	)
}

_ok_in(checks, label) if {
	some c in checks
	c.month == label
	c.result == "ok"
}

# held_by_party_a: a holder object names Party A.
held_by_party_a(holder) if holder.organisation_role == "party_a"

# record_denies: service months without a security record of `type` delivered after the
# month began (a record dated before its month cannot report it).
record_denies(clause, type, what) := {v |
	some m in lib.service_months
	not _record_for(type, m)
	f := lib.files("security_records")[0]
	v := object.union(
		lib.violation(sprintf("no %s record for service month %s [%s]", [what, m.label, clause]), lib.pointer(f.path, ["records"])),
		{"month": m.label},
	)
}

_record_for(type, m) if {
	some f in lib.files("security_records")
	some r in f.data.records
	r.type == type
	r.month == m.label
	lib.ns(r.delivered_at) >= m.start
}

# months_with_record: how many service months have a record of `type`
months_with_record(type) := count({m.label | some m in lib.service_months; _record_for(type, m)})
