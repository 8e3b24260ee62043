"""Command-line entry points `sva` and `sva-hq`."""
