# METADATA
# title: Instalments of 第七条 2 paid in full and on time
# description: >-
#   Shared by 7.2.1 and 7.2.2. An instalment (data.params.instalments[]) is due
#   `due_working_days` working days (China's official calendar, data.calendar) after its
#   start: the effective date, or the day of the passing acceptance round. Its payments
#   plus the penalties deducted from them (第十二条 3) add up to its amount; for the final
#   instalment the deductions equal the liability ledger's deductible total when the
#   checker hands it in (input.liability.deductible_total_cny). Amounts are compared in
#   whole fen. Until the instalment is due (or, for the final one, until acceptance
#   passed) it is pending: not_applicable.
package contract.payments.instalments

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

instalment(id) := i if {
	some i in data.params.instalments
	i.id == id
}

# the day the instalment's clock starts; undefined while it has not started
start(id) := data.params.effective_date if {
	instalment(id).after == "effective_date"
} else := d if {
	instalment(id).after == "acceptance"
	d := min({e.r.held_on | some e in evidence.records("acceptance", "rounds"); e.r.result == "pass"})
}

due(id) := cal.working_day_after(start(id), instalment(id).due_working_days)

payments(id) := {e | some e in evidence.records("payments", "payments"); e.r.instalment == id}

deducted_fen(id) := sum([cal.fen(d.amount_cny) | some e in payments(id); some d in object.get(e.r, "deductions", [])])

paid_fen(id) := sum([cal.fen(e.r.amount_cny) | some e in payments(id)])

_what(id) := "first instalment" if {
	instalment(id).after == "effective_date"
} else := "final instalment"

_after(id) := "the contract took effect" if {
	instalment(id).after == "effective_date"
} else := "acceptance passed"

pending(id) if not start(id)

pending(id) if {
	count(payments(id)) == 0
	evidence.today("payments") <= due(id)
}

violations(id) := calendar_short(id) | unpaid(id) | late(id) | amount(id) | ledger(id)

calendar_short(id) := {v |
	start(id)
	not due(id)
	v := lib.violation(sprintf("the working-day calendar (%s) does not reach the %s's deadline [%s]", [data.calendar.source, _what(id), id]), evidence.at("payments", "payments"))
}

unpaid(id) := {v |
	count(payments(id)) == 0
	d := due(id)
	evidence.today("payments") > d
	msg := sprintf("%s not paid: due %s, %d working days after %s on %s [%s]", [_what(id), d, instalment(id).due_working_days, _after(id), start(id), id])
	v := object.union(lib.violation(msg, evidence.at("payments", "payments")), {"due": d})
}

late(id) := {v |
	some e in payments(id)
	d := due(id)
	e.r.paid_on > d
	n := cal.working_days_between(start(id), e.r.paid_on)
	msg := sprintf("%s paid on %s, %d working days after %s on %s (limit %d, due %s) [%s]", [_what(id), e.r.paid_on, n, _after(id), start(id), instalment(id).due_working_days, d, id])
	v := object.union(lib.violation(msg, e.at), {"working_days": n, "due": d})
}

amount(id) := {v |
	count(payments(id)) > 0
	expected := cal.fen(instalment(id).amount_cny)
	paid_fen(id) + deducted_fen(id) != expected
	msg := sprintf("%s: paid %s + deducted %s = %s, the instalment is %s [%s]", [_what(id), cal.cny(paid_fen(id)), cal.cny(deducted_fen(id)), cal.cny(paid_fen(id) + deducted_fen(id)), instalment(id).amount_cny, id])
	v := object.union(lib.violation(msg, evidence.at("payments", "payments")), {"paid_cny": cal.cny(paid_fen(id)), "deducted_cny": cal.cny(deducted_fen(id)), "expected_cny": instalment(id).amount_cny})
}

# the liability ledger, when the checker hands it in: deductions from the final
# instalment equal the ledger's deductible total
ledger(id) := {v |
	instalment(id).after == "acceptance"
	count(payments(id)) > 0
	total := input.liability.deductible_total_cny
	deducted_fen(id) != cal.fen(total)
	msg := sprintf("%s: deducted %s, the liability ledger's deductible total is %s [%s]", [_what(id), cal.cny(deducted_fen(id)), total, id])
	v := lib.violation(msg, evidence.at("payments", "payments"))
}

_due_or_null(id) := d if {
	d := due(id)
} else := null

measure(id) := {
	"due": _due_or_null(id),
	"paid_cny": cal.cny(paid_fen(id)),
	"deducted_cny": cal.cny(deducted_fen(id)),
	"expected_cny": instalment(id).amount_cny,
}
