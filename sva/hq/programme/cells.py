"""Cell types of the programme tables (registry, sites, SAQ responses): each turns the text a
user typed into a value, or refuses it in words that name what was typed. A row model
(sva.hq.programme.registry, responses, programme_store's sites) lists its columns with
these types; `tabular.check_rows` reports every refusal with its row and column."""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator

from sva.errors import BadInput
from sva.places import check_timezone, region_of
from sva.validation.checks import Checked, Refusal

TRUE = {"yes", "y", "1", "true", "はい", "○", "◯", "有", "あり"}
FALSE = {"no", "n", "0", "false", "", "いいえ", "×", "✕", "無", "なし"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# how Japanese offices write a day: 2025/04/10, 2025/4/10, 2025.4.10, 2025年4月10日
_LOCAL_DAY = re.compile(r"(\d{4})(?:/|\.|-|年)(\d{1,2})(?:/|\.|-|月)(\d{1,2})日?")
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")
_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


class Row(Checked):
    """A table row: every cell is text (a column missing from the header reads as "")."""


def _text(cell) -> str:
    return str(cell or "").strip()


def required(message: str):
    """A text that must not be empty: `message` says which."""
    def parse(cell) -> str:
        text = _text(cell)
        if not text:
            raise Refusal(message)
        return text
    return BeforeValidator(parse)


def _code(cell) -> str:
    code = _text(cell)
    if not code:
        raise Refusal("supplier code is empty")
    if not CODE.match(code):
        raise Refusal(f"code {code!r} may hold only letters, digits, '_', '.', '-' (≤ 32)")
    return code


def _country(cell) -> str:
    country = _text(cell).upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise Refusal(f"{country or '(empty)'} is not an ISO 3166 alpha-2 country code "
                      "(e.g. JP)")
    try:
        region_of(country)
    except BadInput as exc:
        raise Refusal(exc.message) from None
    return country


def _timezone(cell) -> str:
    try:
        return check_timezone(_text(cell))
    except BadInput as exc:
        raise Refusal(exc.message) from None


def _yen(cell) -> int:
    """Whole yen: '1200000', '1,200,000', '¥1,200,000' or '1,200,000円'."""
    amount = _text(cell)
    bare = amount.removeprefix("¥").removeprefix("\\").removesuffix("円").strip()
    if _AMOUNT.match(bare):
        return int(bare.replace(",", ""))
    if not _AMOUNT.match(amount):
        raise Refusal(f"{amount or '(empty)'} is not a whole number of yen ≥ 0")
    return int(amount.replace(",", ""))


def _yes_no(cell) -> bool:
    value = _text(cell).lower()
    if value in TRUE or value in FALSE:
        return value in TRUE
    raise Refusal(f"{_text(cell)!r} is not yes/no (accepted: yes, no, 1, 0, true, false, "
                  "はい, いいえ, ○, ×)")


def _iso_day(text: str) -> str:
    """A typed day in ISO form when it has the shape of one (validity is checked later)."""
    m = _LOCAL_DAY.fullmatch(text)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else text


def _optional_date(cell) -> str | None:
    text = _iso_day(_text(cell))
    if not text:
        return None
    try:
        if not _ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise Refusal(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _day(cell) -> str:
    text = _iso_day(_text(cell))
    if not _ISO_DAY.fullmatch(text):
        raise Refusal(f"{text or '(empty)'} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise Refusal(f"{text} is not a real calendar date") from None


def _categories(cell) -> list[str]:
    """';'-separated, blanks dropped, each once (case-insensitive), in the order given."""
    out: list[str] = []
    for part in _text(cell).split(";"):
        part = part.strip()
        if part and part.lower() not in (c.lower() for c in out):
            out.append(part)
    return out


Text = Annotated[str, BeforeValidator(_text)]
Code = Annotated[str, BeforeValidator(_code)]
Country = Annotated[str, BeforeValidator(_country)]
TimeZone = Annotated[str, BeforeValidator(_timezone)]
Yen = Annotated[int, BeforeValidator(_yen)]
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
OptionalDate = Annotated[str | None, BeforeValidator(_optional_date)]
Day = Annotated[str, BeforeValidator(_day)]
Categories = Annotated[list[str], BeforeValidator(_categories)]
