"""Report wording in English and Japanese, from resources/reports/strings.yaml.

A report language is `en`, `ja` or `en+ja`; in the bilingual mode every heading and label
is given in both languages. The catalogue is data: it is validated on load (every key has
both languages, the same {placeholders} in each).
"""
from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from sva.errors import BadInput
from sva.paths import resource
from sva.vocabulary import LANGS, SIGNATORY_ROLES

REPORT_LANGS = (*LANGS, "en+ja")
_FIELD = re.compile(r"{(\w+)}")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def check_lang(lang: str) -> str:
    if lang not in REPORT_LANGS:
        raise BadInput(f"unknown report language {lang!r} (use en, ja or en+ja)", field="lang")
    return lang


def _forms(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def validate_catalogue(doc, path: str) -> dict:
    strings = (doc or {}).get("strings")
    if not isinstance(strings, dict) or not strings:
        raise BadInput("the catalogue needs a 'strings' mapping", file=path, field="strings")
    problems = []
    for key, entry in strings.items():
        if not isinstance(entry, dict) or any(not entry.get(lang) for lang in LANGS):
            problems.append(f"{key}: needs non-empty 'en' and 'ja'")
            continue
        en = entry["en"]
        if isinstance(en, dict) and set(en) != {"one", "other"}:
            problems.append(f"{key}: an English plural needs exactly 'one' and 'other'")
        fields = [set(_FIELD.findall(form)) for lang in LANGS for form in _forms(entry[lang])]
        if any(f != fields[0] for f in fields):
            problems.append(f"{key}: the languages use different {{placeholders}}")
    if problems:
        raise BadInput("; ".join(problems), file=path)
    return strings


@lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> dict:
    path = Path(path or resource("reports", "strings.yaml"))
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BadInput(f"cannot read the report catalogue: {exc}", file=str(path)) from None
    return validate_catalogue(doc, str(path))


def role_labels() -> list[str]:
    """Every signatory role's label, English then Japanese (the sign dialog suggests them)."""
    strings = load_catalogue()
    return [strings[f"role.{code}"][lang] for lang in LANGS for code in SIGNATORY_ROLES]


def role_code(role: str) -> str | None:
    """The SIGNATORY_ROLES code of a role as written: its code, or its label in either
    language (any case, any spacing); None for a role outside the vocabulary."""
    strings = load_catalogue()
    wanted = " ".join((role or "").split()).casefold()
    for code in SIGNATORY_ROLES:
        labels = {strings[f"role.{code}"][lang].casefold() for lang in LANGS}
        if wanted in labels or wanted.replace(" ", "_") == code:
            return code
    return None


class Texts:
    """The catalogue seen through one report language."""

    def __init__(self, lang: str, catalogue: dict | None = None):
        self.lang = check_lang(lang)
        self.langs = LANGS if lang == "en+ja" else (lang,)
        self.bilingual = len(self.langs) == 2
        self.strings = catalogue or load_catalogue()

    def get(self, key: str, lang: str | None = None, **fields) -> str:
        """One language (the report's first language unless `lang` is given)."""
        try:
            entry = self.strings[key]
        except KeyError:
            raise KeyError(f"report string {key!r} is not in the catalogue") from None
        value = entry[lang or self.langs[0]]
        if isinstance(value, dict):       # English plural forms
            value = value["one" if fields.get("n") == 1 else "other"]
        return value.format(**fields) if fields else value

    def each(self, key: str, **fields) -> list[tuple[str, str]]:
        return [(lang, self.get(key, lang, **fields)) for lang in self.langs]

    def __call__(self, key: str, sep: str = " / ", **fields) -> str:
        """The string in the report language(s), joined by `sep` when bilingual."""
        return sep.join(text for _, text in self.each(key, **fields))

    def pick(self, texts: dict, sep: str = " / ") -> str:
        """A {en, ja} value from data (checklist titles, names) in the report language(s)."""
        parts = [texts.get(lang) or "" for lang in self.langs]
        parts = [p for i, p in enumerate(parts) if p and p not in parts[:i]]
        return sep.join(parts) or texts.get("en", "")

    # -- dates and times ----------------------------------------------------------------
    def date(self, iso: str | None) -> str:
        if not iso:
            return "—"
        day = date.fromisoformat(str(iso)[:10])
        if self.bilingual:
            return day.isoformat()
        if self.lang == "ja":
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def moment(self, iso_utc: str | None, zone: str) -> str:
        """A UTC timestamp shown in the site's time zone, with the offset."""
        if not iso_utc:
            return "—"
        at = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
        if at.tzinfo is None:                 # stored times are UTC, with or without the Z
            at = at.replace(tzinfo=UTC)
        at = at.astimezone(ZoneInfo(zone))
        offset = at.strftime("%z")
        return f"{self.date(at.date().isoformat())} {at:%H:%M} (UTC{offset[:3]}:{offset[3:]})"
