# METADATA
# title: Qualifications valid over the whole term and staff kept stable
# description: >-
#   乙方应保证为甲方提供具备本合同项下服务所需的相应资质和许可。乙方应保证技术服务人员在甲方
#   工作过程中人员相对稳定 (第九条 16): every qualification type the service needs
#   (data.params.duties.required_qualifications, an agreed input) is held, by valid
#   certificates, on every day of the service period; and of the staff on the duty roster
#   in the first service month, the share no longer on it in the last service month is at
#   most data.params.duties.staff_turnover_max_permille (以内: the limit passes).
# custom:
#   clause: "9.16"
#   evidence: [qualifications, duty_roster]
#   severity: medium
package contract.duties.qualifications

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "9.16"

required := data.params.duties.required_qualifications

max_permille := data.params.duties.staff_turnover_max_permille

_windows(t) := [[q.r.valid_from, q.r.valid_to] | some q in evidence.records("qualifications", "qualifications"); q.r.type == t]

deny contains v if {
	some t in required
	some g in cal.gaps(_windows(t))
	msg := sprintf("no valid %s qualification from %s to %s [%s]", [t, g[0], g[1], clause])
	v := object.union(lib.violation(msg, evidence.at("qualifications", "qualifications")), {"type": t, "from": g[0], "to": g[1]})
}

# ---- staff stability -------------------------------------------------------------
_team(m) := {id | some e in data.contract.baseline.roster.shifts; e.start < m.end; e.end > m.start; some id in e.staff_ids}

first_team := _team(lib.service_months[0])

last_team := _team(lib.service_months[count(lib.service_months) - 1])

departed := first_team - last_team

# departed / first team > limit / 1000, compared in integers
deny contains v if {
	count(first_team) > 0
	(count(departed) * 1000) > max_permille * count(first_team)
	msg := sprintf("staff not stable: %d of the %d staff on duty in the first service month are gone in the last (%s; limit %d per mille) [%s]", [count(departed), count(first_team), concat(", ", sort(departed)), max_permille, clause])
	v := object.union(lib.violation(msg, lib.pointer(lib.files("duty_roster")[0].path, ["shifts"])), {"departed": sort(departed)})
}

deny contains v if {
	count(first_team) == 0
	v := lib.violation(sprintf("no staff on the duty roster in the first service month: stability cannot be shown [%s]", [clause]), lib.pointer(lib.files("duty_roster")[0].path, ["shifts"]))
}

measure := {
	"required_types": count(required),
	"first_month_staff": count(first_team),
	"last_month_staff": count(last_team),
	"departed": count(departed),
	"turnover_limit_permille": max_permille,
}
