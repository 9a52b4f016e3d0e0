"""End to end: a producer sends a note over the real server's WebSocket (the server the
console's Share dialog started); the console shows it within 100 ms of the server's reply;
R acknowledges it and the producer is told it was read."""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import time
from urllib.parse import urlsplit

import aiohttp
import pytest
from PySide6.QtCore import Qt

from moderator_app.core.actions import NOTE_READ, NOTE_SENT
from moderator_app.ui.main_window import MainWindow
from moderator_app.ui.server_process import free_port_after


class Producer(threading.Thread):
    """A WebSocket client on its own thread: sends what ``outbox`` gets, puts every frame
    (with the time it arrived) in ``inbox``."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        parts = urlsplit(url)
        self.url = f"ws://127.0.0.1:{parts.port}/ws?{parts.query}"
        self.inbox: queue.Queue = queue.Queue()
        self.outbox: asyncio.Queue | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.ready = threading.Event()

    def run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.outbox = asyncio.Queue()
        async with aiohttp.ClientSession() as http, http.ws_connect(self.url) as ws:
            self.ready.set()

            async def send() -> None:
                while True:
                    message = await self.outbox.get()
                    if message is None:
                        await ws.close()
                        return
                    await ws.send_str(json.dumps(message))

            sender = asyncio.create_task(send())
            async for frame in ws:
                if frame.type == aiohttp.WSMsgType.TEXT:
                    self.inbox.put((time.perf_counter(), json.loads(frame.data)))
            sender.cancel()

    def send(self, message: dict | None) -> None:
        self.loop.call_soon_threadsafe(self.outbox.put_nowait, message)

    def wait_for(self, test, timeout: float = 20.0) -> tuple[float, dict]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                at, frame = self.inbox.get(timeout=0.01)
            except queue.Empty:
                continue
            if test(frame):
                return at, frame
        raise AssertionError("no such frame")


@pytest.mark.slow
def test_a_note_from_backstage_reaches_the_console_and_is_read(window: MainWindow, qtbot):
    share = window.features["sharing"]
    try:
        dialog = share.open_dialog()
        dialog.port.setValue(free_port_after(26000))
        dialog.start_button.click()
        qtbot.waitUntil(lambda: share.info is not None, timeout=30000)
        producer = Producer(share.info.links["producer"]["backstage"])
        producer.start()
        assert producer.ready.wait(20)
        producer.wait_for(lambda f: f.get("tag") == "hello")
        strip = window.features["notes"].strip
        producer.send({"tag": "note", "id": 1, "payload": {"text": "Swap 3 and 4 <i>now</i>",
                                                           "sender": "Marie"}})  # fmt: skip
        # The reply comes once the note is in the file; the console must show it soon after.
        deadline = time.monotonic() + 20
        while not strip.isVisible() and time.monotonic() < deadline:
            qtbot.wait(1)
        shown = time.perf_counter()
        reply_at, reply = producer.wait_for(lambda f: f.get("tag") == "reply")
        assert reply["status"] == 202, reply
        lag_ms = (shown - reply_at) * 1000
        print(f"\nnote shown {lag_ms:.1f} ms after the server's reply")
        assert lag_ms < 100
        assert strip.text.text() == "Swap 3 and 4 <i>now</i>"
        assert strip.text.textFormat() == Qt.TextFormat.PlainText
        sent = window.session.file.actions(0, (NOTE_SENT,))
        assert sent[-1].payload.get("origin") == "network"
        dialog.close()  # R in the dialog's port field would type there
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_R)
        read = window.session.file.actions(0, (NOTE_READ,))
        assert [a.payload["note"] for a in read] == [sent[-1].seq]
        _at, notes = producer.wait_for(
            lambda f: f.get("tag") == "notes" and any(n.get("read_at") for n in f.get("items", []))
        )
        assert [n["text"] for n in notes["items"] if n["read_at"]] == ["Swap 3 and 4 <i>now</i>"]
        producer.send(None)
        producer.join(10)
    finally:
        share.server.stop_now()
