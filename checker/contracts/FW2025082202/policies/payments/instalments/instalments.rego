# METADATA
# title: Instalments of 第七条 2 paid in full and on time
# description: >-
#   Shared by 7.2.1, 7.2.2, 7.3 and the ledger's 12.6 row. An instalment
#   (data.params.instalments[]) is due `due_working_days` working days (China's official
#   calendar, data.calendar) after its start: the day the contract took effect, read from
#   the signing record (payments.contract_signing: both parties signed and sealed, 第二十条 1),
#   or the day of the passing acceptance round. Party A is late only once a compliant invoice
#   is there (7.2(3): without one A may refuse to pay and bears no liability): the deadline
#   is the later of the working-day deadline and the day a compliant invoice was issued. A
#   delay Party A notified as caused by fiscal allocation (7.3, fiscal_delays) is no breach
#   while the restriction lasts; then payment is due payments.fiscal_pay_within_working_days
#   working days after it is lifted. Penalties are deducted from the final instalment only
#   (12.3 尾款): a deduction from another instalment leaves it short. The final
#   instalment's deductions may not exceed the liability ledger's deductible total, which
#   the checker evaluates first and hands in (input.liability.deductible_total_cny); A may
#   deduct less (甲方可从尾款中抵扣) unless payments.deduction_must_equal_ledger. Amounts are
#   compared in whole fen. Until the instalment is due (or, for the final one, until
#   acceptance passed) it is pending: not_applicable.
package contract.payments.instalments

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

_pp := data.params.payments

instalment(id) := i if {
	some i in data.params.instalments
	i.id == id
}

deducts(id) if instalment(id).id == data.params.liability.deduct_from

# 第二十条 1: the contract takes effect when both parties' representatives signed and sealed
_signatures := [s |
	some f in lib.files("payments")
	some s in object.get(object.get(f.data, "contract_signing", {}), "signatures", [])
	s.sealed == true
]

effective_on := max({s.signed_on | some s in _signatures}) if {
	{s.party | some s in _signatures} == {"party_a", "party_b"}
}

# the day the instalment's clock starts; undefined while it has not started (or, for the
# first one, while no complete signing record is there)
start(id) := effective_on if {
	instalment(id).after == "effective_date"
} else := d if {
	instalment(id).after == "acceptance"
	d := min({e.r.held_on | some e in evidence.records("acceptance", "rounds"); e.r.result == "pass"})
}

due(id) := cal.working_day_after(start(id), instalment(id).due_working_days)

# first day a compliant invoice of the instalment was there
invoiced_on(id) := min({i.issued_on |
	some f in lib.files("payments")
	some i in f.data.invoices
	i.instalment == id
	i.meets_requirements == true
})

# a fiscal-allocation delay Party A notified by the deadline (7.3)
fiscal_delay(id) := e if {
	some e in evidence.records("fiscal_delays", "notices")
	e.r.instalment == id
	e.r.issued_by_role == "party_a"
	cal.date_of(e.r.notified_at) <= due(id)
}

_after_lift(id) := d if {
	e := fiscal_delay(id)
	e.r.restriction_lifted_on != null
	d := cal.working_day_after(e.r.restriction_lifted_on, _pp.fiscal_pay_within_working_days)
}

# the day by which Party A must have paid; undefined while no compliant invoice is there,
# or while a notified fiscal restriction lasts
effective_due(id) := d if {
	not fiscal_delay(id)
	d := max({due(id), invoiced_on(id)})
} else := d if {
	d := max({_after_lift(id), invoiced_on(id)})
}

payments(id) := {e | some e in evidence.records("payments", "payments"); e.r.instalment == id}

deducted_fen(id) := sum([cal.fen(d.amount_cny) | some e in payments(id); some d in object.get(e.r, "deductions", [])])

paid_fen(id) := sum([cal.fen(e.r.amount_cny) | some e in payments(id)])

_what(id) := "first instalment" if {
	instalment(id).after == "effective_date"
} else := "final instalment"

_after(id) := "the contract took effect" if {
	instalment(id).after == "effective_date"
} else := "acceptance passed"

pending(id) if {
	start(id)
	not effective_due(id)
	count(payments(id)) == 0
}

pending(id) if {
	instalment(id).after == "acceptance"
	not start(id)
}

pending(id) if {
	count(payments(id)) == 0
	evidence.today("payments") <= effective_due(id)
}

violations(id) := ((((no_signing(id) | calendar_short(id)) | unpaid(id)) | late(id)) | amount(id)) | (deducted_elsewhere(id) | ledger(id))

no_signing(id) := {v |
	instalment(id).after == "effective_date"
	not effective_on
	v := lib.violation(sprintf("no signing record of both parties (signed and sealed, 第二十条 1): the %s's deadline cannot be counted [%s]", [_what(id), id]), evidence.at("payments", "contract_signing"))
}

calendar_short(id) := {v |
	start(id)
	not due(id)
	v := lib.violation(sprintf("the working-day calendar (%s) does not reach the %s's deadline [%s]", [data.calendar.source, _what(id), id]), evidence.at("payments", "payments"))
}

unpaid(id) := {v |
	count(payments(id)) == 0
	d := effective_due(id)
	evidence.today("payments") > d
	msg := sprintf("%s not paid: due %s (%d working days after %s on %s, invoiced %s) [%s]", [_what(id), d, instalment(id).due_working_days, _after(id), start(id), invoiced_on(id), id])
	v := object.union(lib.violation(msg, evidence.at("payments", "payments")), {"due": d})
}

# late payments with their pointer: used by late() and by the ledger's 12.6 row
late_payments(id) := {x |
	some e in payments(id)
	d := effective_due(id)
	e.r.paid_on > d
	x := {"at": e.at, "paid_on": e.r.paid_on, "due": d, "days": cal.days_between(d, e.r.paid_on)}
}

late(id) := {v |
	some x in late_payments(id)
	n := cal.working_days_between(start(id), x.paid_on)
	msg := sprintf("%s paid on %s, %d working days after %s on %s (limit %d; due %s with the invoice of %s) [%s]", [_what(id), x.paid_on, n, _after(id), start(id), instalment(id).due_working_days, x.due, invoiced_on(id), id])
	v := object.union(lib.violation(msg, x.at), {"working_days": n, "due": x.due})
}

# paid + deducted = the instalment; an instalment fines are not deducted from is paid in full
amount(id) := {v |
	count(payments(id)) > 0
	expected := cal.fen(instalment(id).amount_cny)
	paid_fen(id) + deducted_fen(id) != expected
	msg := sprintf("%s: paid %s + deducted %s = %s, the instalment is %s [%s]", [_what(id), cal.cny(paid_fen(id)), cal.cny(deducted_fen(id)), cal.cny(paid_fen(id) + deducted_fen(id)), instalment(id).amount_cny, id])
	v := object.union(lib.violation(msg, evidence.at("payments", "payments")), {"paid_cny": cal.cny(paid_fen(id)), "deducted_cny": cal.cny(deducted_fen(id)), "expected_cny": instalment(id).amount_cny})
}

deducted_elsewhere(id) := {v |
	not deducts(id)
	deducted_fen(id) > 0
	msg := sprintf("%s: %s deducted as penalties, but penalties come off the final instalment only (第十二条 3 尾款): short by %s [%s]", [_what(id), cal.cny(deducted_fen(id)), cal.cny(cal.fen(instalment(id).amount_cny) - paid_fen(id)), id])
	v := lib.violation(msg, evidence.at("payments", "payments"))
}

# the liability ledger the checker computed in the same run
_ledger_fen := cal.fen(input.liability.deductible_total_cny)

ledger(id) := {v |
	deducts(id)
	count(payments(id)) > 0
	not _ledger_fen
	v := lib.violation(sprintf("%s: the liability ledger's deductible total was not handed in, so the deductions cannot be reconciled [%s]", [_what(id), id]), evidence.at("payments", "payments"))
} | {v |
	deducts(id)
	count(payments(id)) > 0
	_over_ledger(deducted_fen(id), _ledger_fen)
	msg := sprintf("%s: deducted %s, the liability ledger's deductible total is %s [%s]", [_what(id), cal.cny(deducted_fen(id)), cal.cny(_ledger_fen), id])
	v := lib.violation(msg, evidence.at("payments", "payments"))
}

_over_ledger(d, l) if d > l

_over_ledger(d, l) if {
	_pp.deduction_must_equal_ledger
	d != l
}

_due_or_null(id) := d if {
	d := effective_due(id)
} else := null

measure(id) := {
	"due": _due_or_null(id),
	"paid_cny": cal.cny(paid_fen(id)),
	"deducted_cny": cal.cny(deducted_fen(id)),
	"expected_cny": instalment(id).amount_cny,
}
