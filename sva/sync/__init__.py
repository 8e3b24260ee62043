"""Client side of the HQ protocol: enrol, pull, push, conflicts (DESIGN §5)."""
