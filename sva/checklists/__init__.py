"""Checklist templates as data: load, validate, look up items.

The loader (and Pydantic with it) is imported on first use only: opening a workspace reads
stored templates, which were checked when they were installed (sva.checklists.stored)."""
from sva.checklists.model import Item, Section, Template

__all__ = ["Item", "Section", "Template", "load_template", "validate_file", "Problem",
           "template_from_dict"]


def __getattr__(name: str):
    if name in ("load_template", "validate_file", "Problem", "template_from_dict"):
        from sva.checklists import loader
        return getattr(loader, name)
    raise AttributeError(f"module 'sva.checklists' has no attribute {name!r}")
