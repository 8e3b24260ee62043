"""The audit editor: checklist tree, item panel, findings, complete and sign."""
