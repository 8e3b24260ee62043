"""What the backup and restore dialogs share while their task runs: the inputs locked, progress,
one message line, Cancel that stops the task first, and Esc that does the same."""
from __future__ import annotations


class RunsTask:
    """Mixed into a QDialog that has `task`, `inputs` (what is locked while the task runs),
    `cancel_button`, `progress` and `message`."""

    def _started(self, text: str) -> None:
        for widget in self.inputs():
            widget.setEnabled(False)
        self._say(text)

    def cancel(self) -> None:
        if self.task is None:
            self.reject()
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Cancelling…"))

    def _finish(self, text: str, kind: str = "info") -> None:
        self.task = None
        self._say(text, kind)
        for widget in (*self.inputs(), self.cancel_button):
            widget.setEnabled(True)

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
