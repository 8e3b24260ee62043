"""What the backup and restore dialogs share while their task runs: progress, one message
line, and Esc that cancels a running task before it closes the dialog."""
from __future__ import annotations


class RunsTask:
    """Mixed into a QDialog that has `task`, `cancel()`, `progress` and `message`."""

    def reject(self) -> None:
        if self.task is not None:          # Esc while running: cancel first
            self.cancel()
            return
        super().reject()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _say(self, text: str, kind: str = "info") -> None:
        self.message.set(kind, text)
