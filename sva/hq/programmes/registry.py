"""The supplier registry as the programmes see it: codes as registered (looked up without
regard to case) and a row check that refuses a code the registry does not hold."""
from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, ValidationInfo

from sva.errors import BadInput
from sva.hq.programme.tabular import check_rows, open_table, repeated
from sva.hq.storage import Tx
from sva.validation.checks import Refusal


def known_codes(tx: Tx) -> dict[str, str]:
    """UPPER(code) -> code as registered, for the live (not deleted) suppliers."""
    return {r["code"].upper(): r["code"]
            for r in tx.all("SELECT code FROM suppliers WHERE deleted = 0")}


def supplier_rows(tx: Tx, path, required, known, model) -> tuple[list, list]:
    """The rows of a file with one row per supplier: each checked by `model` (supplier codes
    against the registry), a supplier named once. Returns (good rows, problems)."""
    table, problems = open_table(path, required, known)
    if table is None:
        return [], problems
    good, bad = check_rows(table, model, context={"known": known_codes(tx)})
    twice = repeated(table, {n: r.get("supplier_code", "").strip().upper() or None
                             for n, r in table.rows}, "supplier_code",
                     lambda c, others: f"{c} also appears on row(s) {others}")
    return good, problems + bad + twice


def registered(tx: Tx, code: str) -> str:
    found = known_codes(tx).get(str(code or "").strip().upper())
    if found is None:
        raise BadInput(f"no supplier with code {code or '(empty)'} in the registry",
                       field="--supplier")
    return found


def _registered(cell, info: ValidationInfo) -> str:
    code = str(cell or "").strip()
    found = info.context["known"].get(code.upper())
    if found is None:
        raise Refusal(f"no supplier with code {code or '(empty)'} in the registry")
    return found


def _optional_registered(cell, info: ValidationInfo) -> str | None:
    return _registered(cell, info) if str(cell or "").strip() else None


# a row column holding a registered supplier code (context: {"known": known_codes(tx)})
SupplierCode = Annotated[str, BeforeValidator(_registered)]
OptionalSupplierCode = Annotated[str | None, BeforeValidator(_optional_registered)]
