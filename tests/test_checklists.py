"""Checklist templates: the shipped files pass; each broken variant is reported precisely."""
import subprocess
import sys

import pytest
import yaml

from sva.checklists import load_template, validate_file
from sva.errors import BadInput
from sva.paths import resource

SHIPPED = sorted(resource("checklists").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_checklists_are_valid(path):
    assert validate_file(path) == []


def test_shipped_checklists_cover_the_programme():
    svr = load_template(resource("checklists", "svr.yaml"))
    isec = load_template(resource("checklists", "infosec.yaml"))
    assert len(svr.items) >= 40 and len(isec.items) >= 30
    assert {i.area for i in svr.items.values()} == {"HR", "OHS", "ENV", "FT", "PQS"}
    assert {i.area for i in isec.items.values()} == {"ISEC"}
    for template in (svr, isec):
        for item in template.items.values():
            assert item.question["ja"] and item.guidance["ja"] and item.evidence
    text = " ".join(i.question["en"].lower() + " " + i.guidance["en"].lower()
                    for i in isec.items.values())
    for topic in ("label", "dispos", "return", "access", "usb", "clean desk", "pledge",
                  "training", "incident", "visitor"):
        assert topic in text, topic


def _item_block(path, item_id):
    """Lines (first, last) of the last item in the file whose id is item_id."""
    lines = path.read_text("utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, start=1) if line.strip() == f"- id: {item_id}"]
    start = starts[-1]
    end = next((n for n, line in enumerate(lines, start=1)
                if n > start and line.strip().startswith("- id:")), len(lines))
    return start, end - 1


def _broken(tmp_path, mutate):
    source = resource("checklists", "svr.yaml")
    doc = yaml.safe_load(source.read_text("utf-8"))
    mutate(doc)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _second_item(doc):
    return doc["sections"][0]["items"][1]


@pytest.mark.parametrize("mutate, message", [
    (lambda d: _second_item(d).update(id=d["sections"][0]["items"][0]["id"]), "duplicate item id"),
    (lambda d: _second_item(d)["question"].pop("ja"), "missing Japanese text (question.ja)"),
    (lambda d: _second_item(d)["guidance"].update(ja=""), "missing Japanese text (guidance.ja)"),
    (lambda d: _second_item(d).update(area="TAX"), "unknown risk area 'TAX'"),
    (lambda d: _second_item(d).update(answer="stars"), "unknown answer type 'stars'"),
    (lambda d: _second_item(d).update(evidence=["gossip"]), "evidence must be"),
])
def test_a_broken_item_is_reported_with_file_line_and_item(tmp_path, mutate, message):
    path = _broken(tmp_path, mutate)
    problems = validate_file(path)
    assert len(problems) == 1, problems
    problem = problems[0]
    item_id = yaml.safe_load(path.read_text("utf-8"))["sections"][0]["items"][1]["id"]
    assert problem.file == str(path) and problem.item == item_id
    assert message in problem.message
    first, last = _item_block(path, item_id)
    assert first <= problem.line <= last
    assert str(problem).startswith(f"{path}:{problem.line}: item {item_id}: ")


@pytest.mark.parametrize("version", [0, "one", 1.5, None])
def test_a_bad_version_is_reported(tmp_path, version):
    path = _broken(tmp_path, lambda d: d.update(version=version))
    problems = validate_file(path)
    assert [p.message for p in problems] == [
        f"bad version {version!r}: must be a positive whole number"]
    assert problems[0].line == 1


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    def mutate(d):
        d["sections"][0]["items"][0]["area"] = "X"
        d["sections"][1]["items"][2]["question"].pop("ja")
        d["version"] = -1
    assert len(validate_file(_broken(tmp_path, mutate))) == 3


def test_yaml_syntax_errors_give_the_line(tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text("id: svr\nversion: 1\nsections:\n  - id: HR\n    items: [\n", "utf-8")
    [problem] = validate_file(path)
    assert "not valid YAML" in problem.message and problem.line >= 5


def test_load_template_raises_bad_input_listing_problems(tmp_path):
    path = _broken(tmp_path, lambda d: _second_item(d).update(area="TAX"))
    with pytest.raises(BadInput, match="unknown risk area"):
        load_template(path)


def test_cli_validate_exit_codes(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "sva.cli.main", "checklist", "validate",
                         *map(str, SHIPPED)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    broken = _broken(tmp_path, lambda d: _second_item(d).update(area="TAX"))
    bad = subprocess.run([sys.executable, "-m", "sva.cli.main", "checklist", "validate",
                          str(SHIPPED[0]), str(broken)], capture_output=True, text=True)
    assert bad.returncode == 2
    assert f"{broken}:" in bad.stderr and "SVR-HR-02" in bad.stderr


# -- min / max / decimals on number items ------------------------------------------------------
def _item(doc, item_id):
    return next(i for s in doc["sections"] for i in s["items"] if i["id"] == item_id)


def _young_workers(doc):
    return _item(doc, "SVR-HR-04")        # a number item


@pytest.mark.parametrize("item_id, change, message", [
    ("SVR-HR-03", {"min": 0}, "'min' only applies to number items (this one is 'conformity')"),
    ("SVR-HR-03", {"decimals": False}, "'decimals' only applies to number items (this one is "
                                        "'conformity')"),
    ("SVR-HR-04", {"min": "none"}, "'min' must be a number, got 'none'"),
    ("SVR-HR-04", {"max": True}, "'max' must be a number, got True"),
    ("SVR-HR-04", {"max": float("inf")}, "'max' must be a number, got inf"),
    ("SVR-HR-04", {"min": 10, "max": 5}, "'min' 10 is above 'max' 5"),
    ("SVR-HR-04", {"decimals": "no"}, "'decimals' must be true or false, got 'no'"),
    ("SVR-HR-04", {"max": 2.5}, "'max' 2.5 is not a whole number, but the item takes whole "
                                "numbers only (decimals: false)"),
    ("SVR-HR-03", {"choices": [{"value": "a", "en": "A", "ja": "あ"}]},
     "'choices' only applies to choice items (this one is 'conformity')"),
])
def test_bad_number_rules_are_reported_with_file_line_and_item(tmp_path, item_id, change,
                                                               message):
    path = _broken(tmp_path, lambda d: _item(d, item_id).update(change))
    [problem] = validate_file(path)
    assert (problem.item, problem.message) == (item_id, message)
    first, last = _item_block(path, item_id)
    assert first <= problem.line <= last
    assert str(problem) == f"{path}:{problem.line}: item {item_id}: {message}"


def test_cli_validate_names_a_bad_number_rule(tmp_path):
    broken = _broken(tmp_path, lambda d: _young_workers(d).update(min=10, max=5))
    bad = subprocess.run([sys.executable, "-m", "sva.cli.main", "checklist", "validate",
                          str(broken)], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "item SVR-HR-04: 'min' 10 is above 'max' 5" in bad.stderr


def test_decimal_limits_are_fine_where_decimals_are_allowed(tmp_path):
    path = _broken(tmp_path, lambda d: _young_workers(d).update(min=0.5, max=2.5, decimals=True))
    item = load_template(path).items["SVR-HR-04"]
    assert (item.min_value, item.max_value, item.decimals) == (0.5, 2.5, True)


def test_shipped_number_items_declare_sensible_limits():
    svr = load_template(resource("checklists", "svr.yaml"))
    isec = load_template(resource("checklists", "infosec.yaml"))
    numbers = [i for t in (svr, isec) for i in t.items.values() if i.answer == "number"]
    assert numbers and all(i.min_value == 0 and i.max_value and not i.decimals for i in numbers)
    young = svr.items["SVR-HR-04"]                                  # workers under 18
    assert (young.min_value, young.max_value) == (0, 5000)
    assert svr.items["SVR-OHS-09"].min_value == 0                   # lost-time injuries


def test_number_rules_are_stored_with_the_template_and_absent_elsewhere(ws):
    import json
    ref = ws.templates.latest("svr")
    body = json.loads(ws.db.execute("SELECT body FROM checklist_templates WHERE id = ?", [ref])
                      .fetchone()[0])
    young, conformity = _young_workers(body), _item(body, "SVR-HR-03")
    assert (young["min"], young["max"], young["decimals"]) == (0, 5000, False)
    assert not {"min", "max", "decimals", "min_value"} & set(conformity)
    assert ws.templates.get(ref).items["SVR-HR-04"].max_value == 5000


@pytest.mark.parametrize("name", ["svr", "infosec"])
def test_every_item_says_what_the_supplier_must_do(name):
    """`expected` is written for the supplier (EN and JA), not a copy of the guidance for the
    auditor; `references` name the clauses an item rests on."""
    from sva.checklists.loader import load_template
    from sva.paths import resource
    from sva.reports.report_data import looks_japanese
    template = load_template(resource("checklists", f"{name}.yaml"))
    for item in template.items.values():
        assert item.expected and item.expected["en"] and item.expected["ja"], item.id
        for lang in ("en", "ja"):
            assert item.expected[lang] != item.guidance[lang], item.id
        assert not item.expected["en"].startswith(("Ask ", "Check whether", "Review ")), item.id
        assert "supplier must" not in item.expected["en"], item.id
        assert any("\u3040" <= ch <= "\u30ff" for ch in item.expected["ja"]), item.id
        for ref in item.references:     # a law's name in both languages; an ISO id as is
            assert isinstance(ref, str) and ref.strip() or set(ref) == {"en", "ja"}, item.id
            if "Act" in str(ref) or "(Japan)" in str(ref) or "Code of Conduct" in str(ref):
                assert isinstance(ref, dict) and looks_japanese(ref["ja"]), (item.id, ref)
        assert all(r.strip() for r in item.reference_texts("ja")), item.id
    assert sum(1 for i in template.items.values() if i.references) == len(template.items)


def test_expected_and_references_survive_the_stored_template(tmp_path):
    from sva.checklists.loader import load_template
    from sva.checklists.stored import template_doc, template_from_stored
    from sva.paths import resource
    template = load_template(resource("checklists", "svr.yaml"))
    again = template_from_stored(template_doc(template))
    assert again.items["SVR-HR-01"].expected == template.items["SVR-HR-01"].expected
    assert again.items["SVR-HR-01"].references == template.items["SVR-HR-01"].references


def test_bad_references_name_file_line_and_item(tmp_path):
    from sva.checklists.loader import validate_file
    from sva.paths import resource
    text = resource("checklists", "svr.yaml").read_text("utf-8")
    bad = text.replace("references: [", "references: [[1], ", 1)
    path = tmp_path / "svr.yaml"
    path.write_text(bad, "utf-8")
    problems = [str(p) for p in validate_file(path)]
    assert problems and all("SVR-HR-01" in p for p in problems), problems


@pytest.mark.parametrize("bad_ref", ['{en: "Labour Standards Act Art. 5"}', '{en: "A", ja: " "}',
                                     '{en: "A", ja: 5}'])
def test_a_reference_in_two_languages_needs_both(tmp_path, bad_ref):
    """A reference is a text or {en, ja}: a mapping short of one names file, line, item and
    field, and the file does not load."""
    from sva.checklists.loader import validate_file
    from sva.paths import resource
    text = resource("checklists", "svr.yaml").read_text("utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "references:" in row)
    row = text.splitlines()[line - 1]
    bad = text.replace(row, row.replace("references: [", f"references: [{bad_ref}, ", 1), 1)
    path = tmp_path / "svr.yaml"
    path.write_text(bad, "utf-8")
    problems = [str(p) for p in validate_file(path)]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}: item SVR-HR-01: references:"), problems
