"""payments: invoices and the two instalments of 第七条 2 (7.2.1-7.2.3).

First instalment on the 12th working day after the contract took effect, final instalment
on the 10th working day after acceptance passed; each invoice a few working days before
its payment, of the same amount. Breaches: the first instalment on the 23rd working day
(7.2.1), an invoice dated after the final payment (7.2.3), and a final payment that pays
the full 40% although a fine is deducted (7.2.2: paid + deducted != 40%), an invoice for extra work with no supplementary contract (7.1).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from checker.generate.kinds.acceptance import export_time, nth_working_day_after
from checker.generate.world import World

KIND = "payments"
PATH = "contract/payments.json"
ORDER = 51
FIRST_PAID_ON = 12
FINAL_PAID_ON = 10
INVOICE_BEFORE_DAYS = 3


def _instalment(world: World, after: str) -> dict[str, Any]:
    return next(i for i in world.params["instalments"] if i["after"] == after)


def _entries(
    world: World, inst: dict[str, Any], start: date, nth: int, n: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    paid = nth_working_day_after(start, nth)
    invoice = {
        "invoice_id": f"INV-{paid:%Y%m}-{n:03d}",
        "instalment": inst["id"],
        "issued_on": (paid - timedelta(days=INVOICE_BEFORE_DAYS)).isoformat(),
        "amount_cny": inst["amount_cny"],
        "meets_requirements": True,
    }
    payment = {
        "payment_id": f"PAY-{n}",
        "instalment": inst["id"],
        "paid_on": paid.isoformat(),
        "amount_cny": inst["amount_cny"],
        "invoice_id": invoice["invoice_id"],
        "deductions": [],
    }
    return invoice, payment


def generate(world: World) -> dict[str, Any]:
    effective = date.fromisoformat(world.params["effective_date"])
    accepted: date = world.shared["acceptance_passed_on"]
    inv1, pay1 = _entries(world, _instalment(world, "effective_date"), effective, FIRST_PAID_ON, 1)
    inv2, pay2 = _entries(world, _instalment(world, "acceptance"), accepted, FINAL_PAID_ON, 2)
    signed = world.params["effective_date"]  # 第二十条 1: effective when both signed and sealed
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "contract_signing": {
            "signatures": [
                {"party": p, "signed_on": signed, "sealed": True, "signatory_role": "legal_representative"}
                for p in ("party_a", "party_b")
            ]
        },
        "invoices": [inv1, inv2],
        "payments": [pay1, pay2],
        "supplementary_contracts": [],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    first, final = doc["payments"]
    inst1 = _instalment(world, "effective_date")
    late = nth_working_day_after(
        date.fromisoformat(world.params["effective_date"]), inst1["due_working_days"] + 3
    )
    first["paid_on"] = late.isoformat()
    world.breach(
        "7.2.1",
        f"first instalment paid on {late}, 3 working days after its deadline",
        f"{PATH}#/payments/0",
    )
    # the final payment follows the (possibly later) acceptance of the breaches year
    accepted: date = world.shared["acceptance_passed_on"]
    paid = nth_working_day_after(accepted, FINAL_PAID_ON)
    final["paid_on"] = paid.isoformat()
    doc["invoices"][1]["issued_on"] = (paid + timedelta(days=1)).isoformat()
    world.breach(
        "7.2.3",
        "the final instalment's invoice is dated the day after the payment",
        f"{PATH}#/payments/1",
    )
    extra_on = date.fromisoformat(doc["invoices"][0]["issued_on"]) + timedelta(days=60)
    doc["invoices"].append({
        "invoice_id": f"INV-{extra_on:%Y%m}-900",
        "instalment": "extra",
        "issued_on": extra_on.isoformat(),
        "amount_cny": "8800.00",
        "meets_requirements": True,
        "supplementary_contract_ref": None,
    })
    world.breach(
        "7.1",
        "an invoice of 8800.00 for work beyond the two instalments, no supplementary contract",
        f"{PATH}#/invoices/{len(doc['invoices']) - 1}",
    )
    fine = Decimal("12345.67")
    final["deductions"] = [
        {
            "amount_cny": f"{fine}",
            "reason": "outage fine deducted (第十二条 3)",
            "liability_ref": "A3.5",
        }
    ]
    world.breach(
        "7.2.2",
        f"final instalment paid in full ({final['amount_cny']}) although {fine} was deducted: "
        "paid + deducted exceeds 40%",
        f"{PATH}#/payments",
    )
