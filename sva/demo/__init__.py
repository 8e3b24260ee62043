"""`sva demo`: a realistic, deterministic demo data set."""
from sva.demo.builder import build_demo

__all__ = ["build_demo"]
