"""Checklist templates as data: load, validate, look up items."""
from sva.checklists.model import Item, Section, Template
from sva.checklists.loader import load_template, validate_file, Problem, template_from_dict

__all__ = ["Item", "Section", "Template", "load_template", "validate_file", "Problem",
           "template_from_dict"]
