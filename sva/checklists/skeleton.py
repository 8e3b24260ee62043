"""The commented skeleton `sva checklist new` writes: a valid checklist that shows every
field, each with a comment saying what it does (docs/checklist-rules.md says more)."""
from __future__ import annotations

SKELETON = """\
# {title} - checklist template. Check it with `sva checklist validate {file}` and review
# it as a PDF with `sva checklist preview {file}`. Fields: docs/checklist-rules.md.
# Weights (1-5): how much an item counts in the section and overall scores.
id: {id}
version: 1                  # raise it for every change once audits use the checklist
kind: {kind}                  # svr or infosec
title:
  en: {title}
  ja: {title}
sections:
  - id: GENERAL
    title: {{en: General, ja: 全般}}
    items:
      - id: {prefix}-01
        area: {area}               # HR, OHS, FT, ENV, ISEC or PQS
        question:
          en: "How many people work at the site, including agency workers?"
          ja: "派遣労働者を含め、事業所で何名が働いていますか。"
        guidance:
          en: "Take the figure from the roster of the day."
          ja: "当日の名簿から人数を確認します。"
        evidence: [document]
        answer: number              # conformity, yes_no, number, choice or text
        min: 0                      # below is refused
        max: 10000                  # above asks the auditor to confirm
        decimals: false
        weight: 1

      - id: {prefix}-02
        area: {area}
        question:
          en: "Are the rules for the work explained to every worker?"
          ja: "作業のルールはすべての労働者に説明されていますか。"
        guidance:
          en: "Ask two workers to explain the rules in their own words."
          ja: "労働者2名に、ルールを自分の言葉で説明してもらいます。"
        evidence: [interview]
        answer: conformity
        # Asked only when the rule holds; it may read the answers of items above it.
        relevant_if: "{prefix}-01 > 0"
        # Answers that need a photo before the visit can be completed.
        evidence_required_on: [nonconformity]
        weight: 3
        # Points per answer (0..1); without it: conforms 1, observation 0.5, nonconformity 0.
        score: {{conforms: 1, observation: 0.5, nonconformity: 0}}
"""


def skeleton(*, template_id: str, kind: str, title: str, file: str) -> str:
    prefix = template_id.upper()
    area = "ISEC" if kind == "infosec" else "HR"
    return SKELETON.format(id=template_id, kind=kind, title=title, file=file, prefix=prefix,
                           area=area)
