"""A short chime at warning and at the end of a segment, or the system beep.

QtMultimedia is loaded only when a sound is first wanted: on Linux it fails to import
without libpulse, and the console must not depend on it (nor must the tests).
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

RATE = 22050


def write_chime(path: Path, frequency: float, seconds: float = 0.35) -> None:
    frames = int(RATE * seconds)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        data = bytearray()
        for i in range(frames):
            fade = min(1.0, (frames - i) / (RATE * 0.1))
            sample = 0.4 * fade * math.sin(2 * math.pi * frequency * i / RATE)
            data += struct.pack("<h", int(sample * 32767))
        out.writeframes(bytes(data))


class Alert(QObject):
    """``play("warning")`` or ``play("end")``; remembers whether it fell back to a beep."""

    FREQUENCIES = {"warning": 660.0, "end": 880.0}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] = {}
        self._multimedia: bool | None = None
        self._dir: tempfile.TemporaryDirectory | None = None
        self.played: list[str] = []  # what was asked, for tests and the log

    def _effect(self, kind: str) -> object | None:
        if self._multimedia is False:
            return None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except Exception:  # ImportError, or a missing system library behind it
            self._multimedia = False
            return None
        self._multimedia = True
        if kind not in self._effects:
            if self._dir is None:
                self._dir = tempfile.TemporaryDirectory(prefix="moderator-sound-")
            path = Path(self._dir.name) / f"{kind}.wav"
            write_chime(path, self.FREQUENCIES.get(kind, 660.0))
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.8)
            self._effects[kind] = effect
        return self._effects[kind]

    def play(self, kind: str) -> None:
        self.played.append(kind)
        effect = self._effect(kind)
        if effect is None or effect.status() == effect.Status.Error:  # type: ignore[attr-defined]
            QApplication.beep()
            return
        effect.play()  # type: ignore[attr-defined]
