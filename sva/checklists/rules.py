"""`relevant_if`: a tiny rule language over the answers of one audit, parsed by our own
recursive-descent parser and evaluated by walking its tree — never `eval`.

Grammar (keywords lower case; item ids as in the checklist, e.g. SVR-HR-04, or an item of a
repeated section's instance, SVR-LINE-01#2 — sva.checklists.repeats writes those):

    rule       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | primary
    primary    := "(" rule ")" | "answered" "(" ID ")" | operand OP operand
    operand    := ID | NUMBER | STRING          (STRING in 'single' or "double" quotes)
    OP         := == | != | < | <= | > | >=

Evaluation is three-valued: a comparison that reads an item with no answer (unanswered,
answered "not applicable", or itself not relevant) is *unknown*; `and`/`or`/`not` follow
Kleene's rules, and a rule that ends unknown makes its item NOT relevant — a follow-up stays
hidden until the question it depends on is answered (write `not answered(X) or ...` to
show it before). Numbers compare as numbers, everything else as text; `<`, `>` and friends
only between numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sva.errors import BadInput

MAX_LENGTH = 500
COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
KEYWORDS = ("and", "or", "not", "answered")
ORDERING = ("<", "<=", ">", ">=")


class RuleError(BadInput):
    """A rule that does not parse; `column` is 1-based into the rule text."""

    def __init__(self, message: str, column: int):
        self.column = column
        super().__init__(f"{message} (at column {column})", field="relevant_if")


# -- tokens ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>-?\d+(?:\.\d+)?(?![A-Za-z0-9_.-]))
  | (?P<string>'[^'\n]*'|"[^"\n]*")
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<paren>[()])
  | (?P<name>[A-Za-z][A-Za-z0-9_.-]{0,63}(?:\#[0-9]{1,4})?)
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str       # number, string, op, paren, name, keyword, end
    text: str
    column: int


def tokens(text: str) -> list[Token]:
    if not isinstance(text, str):
        raise RuleError("a rule must be text", 1)
    if len(text) > MAX_LENGTH:
        raise RuleError(f"a rule is at most {MAX_LENGTH} characters", MAX_LENGTH + 1)
    out, at = [], 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if not match:
            raise RuleError(f"unexpected {text[at]!r}", at + 1)
        kind = match.lastgroup
        if kind != "space":
            word = match.group()
            if kind == "name" and word in KEYWORDS:
                kind = "keyword"
            out.append(Token(kind, word, at + 1))
        at = match.end()
    out.append(Token("end", "", len(text) + 1))
    return out


# -- the tree ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ref:
    item_id: str
    column: int


@dataclass(frozen=True)
class Literal:
    value: float | str
    column: int


@dataclass(frozen=True)
class Compare:
    op: str
    left: Ref | Literal
    right: Ref | Literal
    column: int


@dataclass(frozen=True)
class Answered:
    item_id: str
    column: int


@dataclass(frozen=True)
class Not:
    operand: object


@dataclass(frozen=True)
class Both:
    """`and` (all=True) or `or` (all=False) of two rules."""
    all: bool
    left: object
    right: object


class _Parser:
    def __init__(self, text: str):
        self.toks = tokens(text)
        self.at = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.toks[self.at]

    def take(self) -> Token:
        tok = self.toks[self.at]
        self.at += 1
        return tok

    def expect(self, kind: str, text: str | None = None) -> Token:
        tok = self.peek()
        if tok.kind != kind or (text is not None and tok.text != text):
            raise RuleError(f"expected {text or kind}, found {_shown(tok)}", tok.column)
        return self.take()

    def rule(self):
        self.depth += 1
        if self.depth > 50:
            raise RuleError("a rule nests too deeply", self.peek().column)
        node = self.both("or", self.both_and)
        self.depth -= 1
        return node

    def both_and(self):
        return self.both("and", self.negation)

    def both(self, word: str, operand):
        node = operand()
        while self.peek().kind == "keyword" and self.peek().text == word:
            self.take()
            node = Both(word == "and", node, operand())
        return node

    def negation(self):
        if self.peek().kind == "keyword" and self.peek().text == "not":
            self.take()
            self.depth += 1
            if self.depth > 50:
                raise RuleError("a rule nests too deeply", self.peek().column)
            node = Not(self.negation())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self):
        tok = self.peek()
        if tok.kind == "paren" and tok.text == "(":
            self.take()
            node = self.rule()
            self.expect("paren", ")")
            return node
        if tok.kind == "keyword" and tok.text == "answered":
            self.take()
            self.expect("paren", "(")
            name = self.expect("name")
            self.expect("paren", ")")
            return Answered(name.text, name.column)
        left = self.operand()
        op = self.peek()
        if op.kind != "op":
            raise RuleError(f"expected a comparison (== != < <= > >=) after {_shown(tok)}, "
                            f"found {_shown(op)}", op.column)
        self.take()
        return Compare(op.text, left, self.operand(), op.column)

    def operand(self):
        tok = self.take()
        if tok.kind == "name":
            return Ref(tok.text, tok.column)
        if tok.kind == "number":
            return Literal(float(tok.text), tok.column)
        if tok.kind == "string":
            return Literal(tok.text[1:-1], tok.column)
        raise RuleError(f"expected an item id, a number or a 'text', found {_shown(tok)}",
                        tok.column)


def _shown(tok: Token) -> str:
    return "the end of the rule" if tok.kind == "end" else repr(tok.text)


def parse(text: str):
    """The rule's tree; RuleError (and nothing else) for any text that is not a rule."""
    parser = _Parser(text)
    node = parser.rule()
    if parser.peek().kind != "end":
        tok = parser.peek()
        raise RuleError(f"unexpected {_shown(tok)} after a complete rule", tok.column)
    return node


def references(node) -> list[tuple[str, int]]:
    """The item ids a rule reads, with their columns, in the order written."""
    if isinstance(node, Ref | Answered):
        return [(node.item_id, node.column)]
    if isinstance(node, Compare):
        return references(node.left) + references(node.right)
    if isinstance(node, Not):
        return references(node.operand)
    if isinstance(node, Both):
        return references(node.left) + references(node.right)
    return []


def comparisons(node) -> list[Compare]:
    if isinstance(node, Compare):
        return [node]
    if isinstance(node, Not):
        return comparisons(node.operand)
    if isinstance(node, Both):
        return comparisons(node.left) + comparisons(node.right)
    return []


# -- evaluation --------------------------------------------------------------------------------

def evaluate(node, value_of) -> bool | None:
    """True, False or None (unknown). `value_of(item_id)` gives the item's value: a float
    for a number item, a str otherwise, None when it has no answer that counts."""
    if isinstance(node, Both):
        left, right = evaluate(node.left, value_of), evaluate(node.right, value_of)
        if node.all:
            if left is False or right is False:
                return False
            return None if left is None or right is None else True
        if left is True or right is True:
            return True
        return None if left is None or right is None else False
    if isinstance(node, Not):
        inner = evaluate(node.operand, value_of)
        return None if inner is None else not inner
    if isinstance(node, Answered):
        return value_of(node.item_id) is not None
    return _compare(node, value_of)


def _value(operand, value_of):
    return operand.value if isinstance(operand, Literal) else value_of(operand.item_id)


def _compare(node: Compare, value_of) -> bool | None:
    left, right = _value(node.left, value_of), _value(node.right, value_of)
    if left is None or right is None:
        return None
    if isinstance(left, float) != isinstance(right, float):
        left, right = str(left), str(right)
    if node.op == "==":
        return left == right
    if node.op == "!=":
        return left != right
    if isinstance(left, str):
        return None             # validation refuses these; a hand-edited store gets "unknown"
    return {"<": left < right, "<=": left <= right,
            ">": left > right, ">=": left >= right}[node.op]


def relevant(node, value_of) -> bool:
    """A rule that is unknown (it reads an unanswered item) does not make its item relevant."""
    return node is None or evaluate(node, value_of) is True


def as_value(answer_type: str, result: str | None) -> float | str | None:
    """The value a rule sees of a stored result: not applicable counts as no answer."""
    if result is None or result == "not_applicable":
        return None
    if answer_type == "number":
        try:
            return float(result)
        except ValueError:
            return None
    return result
