"""Webcam capture through QtMultimedia — only when the module loads and a camera exists.

QtMultimedia comes with PySide6-Addons and needs system libraries (PulseAudio, GStreamer or
FFmpeg); when any of that is missing, or no camera is plugged in, `camera_available()` is
False and the app hides the camera action instead of failing.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout


@lru_cache(maxsize=1)
def _multimedia():
    try:
        from PySide6 import QtMultimedia, QtMultimediaWidgets
    except ImportError:
        return None
    return QtMultimedia, QtMultimediaWidgets


@lru_cache(maxsize=1)
def camera_available() -> bool:
    """Checked once per run (enumerating devices is slow on some systems)."""
    modules = _multimedia()
    if modules is None:
        return False
    try:
        return bool(modules[0].QMediaDevices.videoInputs())
    except RuntimeError:
        return False


class CameraDialog(QDialog):
    """A live picture and a Capture button; each capture is emitted as a QImage."""

    captured = Signal(QImage)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.setWindowTitle(self.tr("Take a photo"))
        multimedia, widgets = _multimedia()
        self.camera = multimedia.QCamera(multimedia.QMediaDevices.defaultVideoInput())
        self.session = multimedia.QMediaCaptureSession(self)
        self.capture = multimedia.QImageCapture(self)
        self.video = widgets.QVideoWidget()
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.video)
        self.capture.imageCaptured.connect(lambda _id, image: self._took(image))
        self.capture.errorOccurred.connect(lambda *args: self.info.setText(str(args[-1])))
        self.info = QLabel(self.tr("Space or Capture takes a photo; it is added at once."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.capture_button = self.buttons.addButton(self.tr("Capture (Space)"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.capture_button.setShortcut("Space")
        self.capture_button.clicked.connect(self.capture.capture)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.buttons)
        self.resize(800, 600)
        self.finished.connect(lambda _: self.camera.stop())
        self.camera.start()

    def _took(self, image: QImage) -> None:
        self.info.setText(self.tr("Photo taken."))
        self.captured.emit(image)
