"""The tabs of the main window: each a filter row over a table."""
