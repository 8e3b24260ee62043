"""Domain services: plain functions over the store, one transaction + one audit-log row each."""
