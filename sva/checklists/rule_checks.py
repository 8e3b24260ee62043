"""What a checklist's `relevant_if` rules may say, checked across the whole file: each rule
reads only items that exist and come before it (so rules can never form a cycle), and
compares each item with values of its kind (a yes/no item with 'yes', never with 0).
Every problem names the file, the line of the item or section that holds the rule, and
the item."""
from __future__ import annotations

from sva.checklists import rules
from sva.checklists.model import Template
from sva.validation.yaml_file import Problem, line_of
from sva.vocabulary import RESULTS

KIND_WORDS = {"conformity": "a conformity item", "yes_no": "a yes/no item",
              "number": "a number item", "choice": "a choice item", "text": "a text item"}


def rule_problems(template: Template, doc, file: str) -> list[Problem]:
    order = {item_id: n for n, item_id in enumerate(template.items)}
    repeated = {i.id: s.id for s in template.sections if s.repeat is not None for i in s.items}
    out: list[Problem] = []
    for s_at, section in enumerate(template.sections):
        first = order[section.items[0].id]
        if section.rule is not None:
            place = (file, line_of(doc, ("sections", s_at)), None)
            out += _problems(template, section.rule, place, f"section {section.id}: ",
                             first, None, order, repeated, None)
        for i_at, item in enumerate(section.items):
            if item.rule is not None:
                place = (file, line_of(doc, ("sections", s_at, "items", i_at)), item.id)
                out += _problems(template, item.rule, place, "", order[item.id], item.id,
                                 order, repeated, section.id)
    return out


def _problems(template, node, place, prefix, position, own_id, order, repeated,
              own_section) -> list[Problem]:
    file, line, item_id = place
    said = []

    def say(message):
        said.append(Problem(file, line, item_id, f"{prefix}relevant_if: {message}"))

    for ref, column in rules.references(node):
        if ref not in order:
            say(f"unknown item {ref} (column {column})")
        elif ref in repeated and repeated[ref] != own_section:
            say(f"reads {ref}, an item of the repeated section {repeated[ref]}: only its own "
                f"items may read it, each instance its own answers (column {column})")
        elif ref == own_id:
            say(f"reads its own item {ref}: a rule cannot depend on itself (a cycle)")
        elif order[ref] >= position:
            back = _path_back(template, ref, own_id) if own_id else None
            if back:
                say("cycle: " + " → ".join([own_id, *back]) + f" (column {column})")
            else:
                where = "inside the section it hides" if own_id is None else "later"
                say(f"reads {ref}, which comes {where}; a rule may only read the answers "
                    f"before it (column {column})")
    for compare in rules.comparisons(node):
        problem = _type_problem(template, compare)
        if problem:
            say(f"{problem} (column {compare.column})")
    return said


def _path_back(template, start: str, target: str) -> list[str] | None:
    """[start, ..., target] when start's rule reads target (directly or through others)."""
    seen, stack = set(), [(start, [start])]
    while stack:
        at, path = stack.pop()
        rule = template.items[at].rule
        for ref, _ in rules.references(rule) if rule is not None else ():
            if ref == target:
                return [*path, target]
            if ref in template.items and ref not in seen:
                seen.add(ref)
                stack.append((ref, [*path, ref]))
    return None


def _type_problem(template, compare: rules.Compare) -> str | None:
    sides = [compare.left, compare.right]
    refs = [s for s in sides if isinstance(s, rules.Ref) and s.item_id in template.items]
    if all(isinstance(s, rules.Literal) for s in sides):
        return "compares two fixed values; a rule must read an answer"
    if len(refs) < sum(isinstance(s, rules.Ref) for s in sides):
        return None                                    # an unknown item: said already
    kinds = {s.item_id: template.items[s.item_id].answer for s in refs}
    numeric = [_is_number(s, kinds) for s in sides]
    if numeric[0] != numeric[1]:
        ref = refs[0]
        other = sides[1] if sides[0] is ref else sides[0]
        return (f"type mismatch: {ref.item_id} is {KIND_WORDS[kinds[ref.item_id]]}, "
                f"compared with {_described(other, kinds)}")
    if compare.op in rules.ORDERING and not numeric[0]:
        return f"'{compare.op}' compares numbers; {_described(refs[0], kinds)} is not one"
    for ref in refs:
        other = sides[1] if sides[0] is ref else sides[0]
        if isinstance(other, rules.Literal):
            known = _answers(template.items[ref.item_id])
            if known is not None and other.value not in known:
                return (f"{other.value!r} is not an answer to {ref.item_id} "
                        f"(answers: {', '.join(known)})")
    return None


def _is_number(side, kinds) -> bool:
    if isinstance(side, rules.Literal):
        return isinstance(side.value, float)
    return kinds[side.item_id] == "number"


def _described(side, kinds) -> str:
    if isinstance(side, rules.Literal):
        value = side.value
        if isinstance(value, float):
            return f"the number {int(value) if value.is_integer() else value}"
        return f"the text {value!r}"
    return f"{side.item_id} ({KIND_WORDS[kinds[side.item_id]]})"


def _answers(item) -> list[str] | None:
    if item.answer == "choice":
        return [value for value, _ in item.choices]
    return list(RESULTS[item.answer]) if RESULTS[item.answer] else None
