"""`sva demo`: a realistic, deterministic demo data set.

`build_demo` (the device's workspace and services) loads on first use, so HQ can draw the
demo's site photos (sva.demo.pictures) without loading the device core."""

__all__ = ["build_demo"]


def __getattr__(name: str):
    if name == "build_demo":
        from sva.demo.builder import build_demo
        return build_demo
    raise AttributeError(f"module 'sva.demo' has no attribute {name!r}")
