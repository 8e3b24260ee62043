"""Child for the durability test: records answers forever, printing each token after commit."""
import itertools
import sys

from sva.workspace import Workspace

folder, audit_id, run = sys.argv[1], sys.argv[2], sys.argv[3]
ws = Workspace(folder)
items = [i.id for i in ws.audits.template_of(ws.audits.audit(audit_id)).items.values()
         if i.answer == "conformity"]
results = itertools.cycle(["conforms", "nonconformity", "observation", "not_applicable"])
for n in itertools.count():
    token = f"r{run}-n{n}"
    ws.audits.record_answer(audit_id, items[n % len(items)], next(results), token)
    sys.stdout.write(token + "\n")
    sys.stdout.flush()
