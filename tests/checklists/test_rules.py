"""The `relevant_if` rule language: our own parser, three-valued evaluation, never eval."""
import builtins

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sva.checklists import rules
from sva.checklists.rules import RuleError, evaluate, parse, references, relevant

VALUES = {"HR-04": 3.0, "MOB": "yes", "ZERO": 0.0}


def value_of(item_id):
    return VALUES.get(item_id)


@pytest.mark.parametrize("text, expected", [
    ("HR-04 > 0", True),
    ("HR-04 >= 3 and HR-04 <= 3", True),
    ("HR-04 < 3", False),
    ("ZERO > 0", False),
    ("MOB == 'yes'", True),
    ('MOB != "yes"', False),
    ("not MOB == 'no'", True),
    ("ZERO > 0 or MOB == 'yes'", True),
    ("(ZERO > 0 or MOB == 'no') and HR-04 == 3", False),
    ("answered(HR-04)", True),
    ("answered(NOPE)", False),
    ("0 < HR-04", True),
    ("HR-04 == -1.5 or HR-04 > -2", True),
])
def test_rules_evaluate_as_written(text, expected):
    assert evaluate(parse(text), value_of) is expected


@pytest.mark.parametrize("text, expected", [
    ("NOPE > 0", None),                       # unanswered: unknown
    ("NOPE > 0 and ZERO > 0", False),         # false whatever NOPE is
    ("NOPE > 0 or MOB == 'yes'", True),       # true whatever NOPE is
    ("not NOPE == 'x'", None),
    ("not answered(NOPE) or NOPE > 0", True),  # the way to show an item before its trigger
])
def test_an_unanswered_item_makes_a_comparison_unknown(text, expected):
    assert evaluate(parse(text), value_of) is expected


def test_an_unknown_rule_leaves_its_item_hidden():
    assert relevant(parse("NOPE > 0"), value_of) is False
    assert relevant(None, value_of) is True


def test_not_applicable_and_bad_numbers_count_as_no_answer():
    assert rules.as_value("yes_no", "not_applicable") is None
    assert rules.as_value("number", "12") == 12.0
    assert rules.as_value("number", "x") is None
    assert rules.as_value("choice", "forklift") == "forklift"


def test_references_name_every_item_read_with_its_column():
    assert references(parse("A == 1 or (not answered(B) and C != 'x')")) == [
        ("A", 1), ("B", 25), ("C", 32)]


@pytest.mark.parametrize("text, column, words", [
    ("", 1, "expected an item id"),
    ("HR-04 >", 8, "the end of the rule"),
    ("HR-04", 6, "expected a comparison"),
    ("HR-04 = 1", 7, "unexpected '='"),
    ("(A == 1", 8, "expected )"),
    ("A == 1 B == 2", 8, "after a complete rule"),
    ("A == 'open", 6, "unexpected \"'\""),
    ("__import__('os').system('x') == 1", 1, "unexpected '_'"),
    ("A == 1 and", 11, "the end of the rule"),
    ("answered(1)", 10, "expected name"),
    ("(" * 60 + "A == 1" + ")" * 60, 51, "nests too deeply"),
])
def test_a_bad_rule_is_refused_with_its_column(text, column, words):
    with pytest.raises(RuleError) as caught:
        parse(text)
    assert caught.value.column == column
    assert words in str(caught.value)


def test_a_rule_is_never_handed_to_python(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the rule reached Python's eval/exec/compile")
    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, refuse)
    assert evaluate(parse("HR-04 > 0 and not (MOB == 'no')"), value_of) is True
    with pytest.raises(RuleError):
        parse("__import__('os').system('echo hi') == 0")


ALPHABET = st.sampled_from(list("ABXZ019 .-_()'\"=!<>\n\t") +
                           ["and", "or", "not", "answered", "==", "HR-04", "'yes'", "0", "-"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=80), st.lists(ALPHABET, max_size=40).map(" ".join),
                 st.lists(ALPHABET, max_size=40).map("".join)))
def test_no_text_crashes_the_parser_with_anything_but_a_rule_error(text):
    try:
        node = parse(text)
    except RuleError as error:
        assert 1 <= error.column <= len(text) + 1
        return
    # What parses evaluates, over any answers, to True, False or unknown, without raising.
    for answers in ({}, {i: 1.0 for i, _ in references(node)},
                    {i: "yes" for i, _ in references(node)}):
        assert evaluate(node, answers.get) in (True, False, None)


# Trees built from the grammar, written out, parse back to the same meaning.
IDS = st.sampled_from(["A", "B-1", "SVR-HR-04"])
OPERANDS = st.one_of(IDS, st.integers(-5, 5).map(str), st.sampled_from(["'yes'", "'no'"]))
COMPARES = st.tuples(OPERANDS, st.sampled_from(rules.COMPARISONS), OPERANDS).map(" ".join)
LEAVES = st.one_of(COMPARES, IDS.map(lambda i: f"answered({i})"))
RULES = st.recursive(LEAVES, lambda inner: st.one_of(
    inner.map(lambda r: f"not ({r})"),
    st.tuples(inner, st.sampled_from(["and", "or"]), inner)
      .map(lambda t: f"({t[0]}) {t[1]} ({t[2]})")),
    max_leaves=8)
ANSWERS = st.dictionaries(st.sampled_from(["A", "B-1", "SVR-HR-04"]),
                          st.one_of(st.integers(-5, 5).map(float), st.sampled_from(["yes", "no"])))


@settings(max_examples=300, deadline=None)
@given(RULES, ANSWERS)
def test_every_rule_of_the_grammar_parses_and_evaluates(text, answers):
    node = parse(text)
    assert evaluate(node, answers.get) in (True, False, None)
    # `not` of a rule is its opposite, unknown stays unknown (Kleene logic).
    negated = evaluate(parse(f"not ({text})"), answers.get)
    plain = evaluate(node, answers.get)
    assert negated == (None if plain is None else not plain)
