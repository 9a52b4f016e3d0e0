"""Screenshots of the moderator view and the stage display, from the real widgets.

    python docs/make_screenshots.py

Runs offscreen on the bundled default show with a fake clock, mid-show (segment 2 just
over time, a message on the stage), in French and in English; writes PNGs to
docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
LONG_QUESTION = (
    "Comment les villes moyennes d'Afrique du Nord, d'Europe et d'Amérique du Nord "
    "peuvent-elles construire une stratégie internationale durable sans budget dédié, "
    "et quels réseaux de villes recommandez-vous pour commencer ?"
)


def main() -> int:
    work = tempfile.TemporaryDirectory(prefix="screenshots-")
    os.environ["MODERATOR_APP_CONFIG_DIR"] = work.name  # never the user's settings
    os.environ["MODERATOR_APP_DATA_DIR"] = work.name

    from moderator_app.core.actions import ActionType
    from moderator_app.core.clock import FakeClock
    from moderator_app.core.questions import Question
    from moderator_app.io.session import ShowSession
    from moderator_app.io.showfile import ShowFile
    from moderator_app.resources import default_show
    from moderator_app.ui.app import ensure_application
    from moderator_app.ui.i18n import install_language
    from moderator_app.ui.main_window import MainWindow

    app = ensure_application()
    from moderator_app.ui.first_run import TOUR_DONE_KEY
    from moderator_app.ui.settings import Settings

    Settings().qsettings.setValue(TOUR_DONE_KEY, True)  # the first-run tour would cover the view
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("fr", "en"):
        install_language(language)
        path = Path(work.name) / f"show-{language}.show"
        ShowFile.create(path, default_show()).close()
        clock = FakeClock(datetime(2027, 2, 25, 14, 58, 40, tzinfo=UTC))
        session = ShowSession.open(path, clock=clock)
        window = MainWindow(session)
        window.resize(1366, 740)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / f"moderator_before_{language}.png"))

        clock.advance(80)  # 16:00:00 Paris
        session.perform(ActionType.START)
        clock.advance(330)  # the welcome runs 30 s long
        session.perform(ActionType.NEXT)
        clock.advance(612)  # the introduction 12 s over
        session.perform(ActionType.MESSAGE, {"text": "Merci de conclure", "blink": False})
        window.live.toggle_stage()
        window.live.stage.resize(1280, 720)
        window.ticker.fire()
        window.panel._flash_on = False
        window.panel._paint_remaining()
        app.processEvents()
        window.grab().save(str(OUT / f"moderator_{language}.png"))
        window.live.stage.view.blink_on = True
        window.live.stage.view.grab().save(str(OUT / f"stage_{language}.png"))
        window.live.stage.close()

        # The Q&A: a long question on air, the Questions page open.
        qa = next(i for i, seg in enumerate(session.show.segments) if seg.kind.value == "qa")
        session.perform(ActionType.GOTO, {"index": qa})
        clock.advance(240)
        book = window.questions.book
        book.add(Question.new(LONG_QUESTION, asker="Zoé Martin", organisation="Ville de Lyon"))
        book.set_state(book.queue.ordered()[-1].id, "shortlisted")
        book.take_next()
        window.pages.setCurrentWidget(window.questions.page)
        window.ticker.fire()
        app.processEvents()
        window.grab().save(str(OUT / f"moderator_qa_{language}.png"))
        window.close()
        session.close()
    for png in sorted(OUT.glob("*.png")):
        print(png.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
