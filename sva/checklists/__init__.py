"""Checklist templates as data: load, validate, look up items."""
from sva.checklists.model import Item, Section, Template, AREAS, ANSWER_TYPES, EVIDENCE
from sva.checklists.loader import load_template, validate_file, Problem, template_from_dict

__all__ = ["Item", "Section", "Template", "AREAS", "ANSWER_TYPES", "EVIDENCE",
           "load_template", "validate_file", "Problem", "template_from_dict"]
