"""Child of test_backup_while_writing: adds suppliers W000001, W000002, ... one operation
each, and prints every number as soon as its operation returned (committed)."""
import sys
import time

from sva.workspace import Workspace

folder, seconds = sys.argv[1], float(sys.argv[2])
deadline = time.monotonic() + seconds
with Workspace(folder) as ws:
    n = 0
    while time.monotonic() < deadline:
        n += 1
        ws.suppliers.add(code=f"W{n:06d}", name_en=f"Writer supplier {n}", country="JP")
        print(n, flush=True)
