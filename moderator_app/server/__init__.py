"""The network surface: HTTP (Ontime-compatible GET API), WebSocket push and commands, OSC,
and the browser views' static files. Qt-free; it reaches the show only through
``moderator_app.app`` (see architecture.md), on one worker thread (show_thread.py)."""
