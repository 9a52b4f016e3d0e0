"""Questions as they arrive during a show: a chat or Q&A panel copied as text, or a saved chat.

``parse_chat`` recognises the layouts the webinar tools give when their chat is saved or
copied, and falls back to plain text (one message per paragraph):

- ``zoom_chat``: Zoom's saved chat (``meeting_saved_chat.txt``), ``HH:MM:SS From  Name  to
  Everyone:`` then the message's lines, indented by a tab; ``to  Me (privately)`` or ``(Direct
  Message)`` marks a private message. French Zoom writes ``De  Nom  à  Tout le monde :``.
- ``zoom_chat_old``: older Zoom, ``HH:MM:SS From Name : text`` on one line.
- ``zoom_qa_panel``: Zoom's Q&A panel copied, ``Name 10:05 AM`` (or ``Name 16:05``) then the
  question's lines.
- ``teams``: Microsoft Teams' chat copied, ``[10:05] Name`` (also ``[12/02/2026 10:05] Name``)
  or ``Name, 10:05`` then the message's lines.
- ``meet``: Google Meet's chat copied, a ``Name`` line, a ``10:05`` line, then the message.
- ``plain``: anything else, one message per paragraph (blank lines between); a paragraph whose
  every line holds a question mark is one message per line (a pasted list of questions).

Clock-only times are anchored to the show's day in the given zone, and a clock that runs
back by more than twelve hours is taken as past midnight (a chat that crosses it).

``looks_like_question`` is the rule that keeps greetings and "+1" out of the queue, in the
order it is applied: "+1"/"same question" -> no; shorter than ``MIN_QUESTION_CHARS`` -> no;
a question mark -> yes; a "Question:"/"Q:" prefix -> yes; an interrogative opening (French,
English, Spanish, after any greeting) -> yes; a greeting or thanks -> no; else no.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from moderator_app.core.question_text import fold

__all__ = ["CHAT_FORMATS", "MAX_CHAT_CHARS", "MIN_QUESTION_CHARS", "REASONS", "ChatError",
           "ChatMessage", "ChatParse", "check_text", "clean_text", "looks_like_question",
           "parse_chat"]

MAX_CHAT_CHARS = 2_000_000  # about 20,000 messages: longer text is refused by the caller
MIN_QUESTION_CHARS = 12
CHAT_FORMATS = ("zoom_chat", "zoom_chat_old", "zoom_qa_panel", "teams", "meet", "plain")
REASONS = ("question_mark", "interrogative", "prefix", "too_short", "greeting", "plus_one",
           "no_question")
_SAMPLE_LINES = 400  # lines looked at to recognise the format (the whole text is parsed)


@dataclass(frozen=True)
class ChatMessage:
    asker: str | None          # None for plain text / anonymous
    at: datetime | None        # aware (show's date + clock time), None if no time
    text: str                  # the whole message, multi-line kept
    private: bool = False      # a private message ("to Me (privately)", "(Direct Message)")
    line: int = 0              # 1-based line of the text where the message starts
    question: bool = False     # looks like a question (``looks_like_question``)
    reason: str = ""           # why: one of REASONS


@dataclass(frozen=True)
class ChatParse:
    format: str                       # one of CHAT_FORMATS
    messages: tuple[ChatMessage, ...]
    unreadable: tuple[str, ...]       # lines that belong to no message (shown, never dropped)

    @property
    def questions(self) -> tuple[ChatMessage, ...]:
        return tuple(m for m in self.messages if m.question)


# -- the question rule ----------------------------------------------------------------------------
_PLUS_ONE = re.compile(r"^\s*(?:\+\s*\d+|same\s+question|same\s+here|meme\s+question"
                       r"|pareil|moi\s+aussi|me\s+too|misma\s+pregunta|yo\s+tambien)\b[\s!.]*",
                       re.IGNORECASE)
_PREFIX = re.compile(r"^\s*(?:question|q|pregunta)\s*(?:\d+\s*)?[:\-–]", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_INVERSION = re.compile(r"^\w+-(?:t-)?(?:on|vous|tu|il|elle|ils|elles|nous|je)$")
_GREETINGS = frozenset("""
    bonjour bonsoir salut coucou hello hi hey hola buenos buenas good morning afternoon evening
    merci thanks thank thx ty gracias bravo super excellent great welcome bienvenue bienvenida
    au revoir bye adios ciao a tous toutes everyone all todos todas tout le monde la vous
    beaucoup much you very so again encore mucho muchas
""".split())  # noqa: SIM905
_INTERROGATIVE = frozenset("""
    comment pourquoi quel quelle quels quelles lequel laquelle lesquels lesquelles est-ce
    qu'est-ce qui que quand combien quoi peut-on pensez-vous pourriez-vous pouvez-vous
    how why what what's which who whom whose when where can could do does did is are was were
    should would will shall may might have has any
    como por cual cuales quien quienes cuando donde cuanto cuanta cuantos cuantas puede pueden
    hay
""".split())  # noqa: SIM905


def looks_like_question(text: str) -> tuple[bool, str]:
    """(is it a question?, reason code); see the module's docstring for the rule."""
    body = text.strip()
    if not body:
        return False, "no_question"
    head = body[:200]
    folded = fold(head)
    plus = _PLUS_ONE.match(folded)
    if plus is not None and len(folded) - plus.end() < MIN_QUESTION_CHARS:
        return False, "plus_one"
    words = _WORD.findall(folded.replace("’", "'"))
    if words and len(body) <= 200 and all(w in _GREETINGS for w in words):
        return False, "greeting"  # "Bonjour à tous !", "Thanks!", even "Hello?"
    if len(body) < MIN_QUESTION_CHARS:
        return False, "too_short"
    if "?" in body or "¿" in body or "？" in body:
        return True, "question_mark"
    if _PREFIX.match(body):
        return True, "prefix"
    if head.lstrip().lower().startswith("où "):  # "ou" (or) folds the same: kept apart
        return True, "interrogative"
    greeting = bool(words) and words[0] in _GREETINGS
    i = 0
    while i < len(words) and words[i] in _GREETINGS:
        i += 1
    if i < len(words):
        first = words[i]
        if first in _INTERROGATIVE or _INVERSION.match(first) or (
                first == "y" and words[i + 1:i + 2] == ["a-t-il"]):
            return True, "interrogative"
    if greeting:
        return False, "greeting"
    return False, "no_question"


# -- parsing --------------------------------------------------------------------------------------
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
_ZOOM = re.compile(r"^(\d{1,2}:\d{2}:\d{2})\s+(?:From|De|Von|Da)\s+(.+)$")
_ZOOM_TO = re.compile(r"^([^:]+?)\s{2,}(?:to|à|a|an|para)\s{2,}(.+?)\s*:\s*(.*)$")
_ZOOM_TO_1 = re.compile(r"^([^:]+?)\s+(?:to|à|an|para)\s+(.+?)\s*:\s*(.*)$")
_ZOOM_OLD = re.compile(r"^(.+?)\s*:\s*(.*)$")
_QA = re.compile(rf"^(\S.{{0,79}}?)\s+({_CLOCK})$")
_TEAMS = re.compile(rf"^\[(?:(\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}),?\s+)?({_CLOCK})\]\s*(.+)$")
_TEAMS_COMMA = re.compile(rf"^(\S.{{0,79}}?),\s+(?:(\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}})\s+)?"
                          rf"({_CLOCK})$")
_TIME_ONLY = re.compile(rf"^({_CLOCK})$")
_PUBLIC = {"everyone", "tout le monde", "todos", "everyone (in waiting room)", "alle",
           "tutti", "all panelists", "tous les panelistes", "all panelists and attendees",
           "tous les panelistes et participants"}
# Lines of Zoom's Q&A panel that are its buttons and labels, not anyone's words.
_QA_UI = {"answer live", "type answer", "dismiss", "reply", "comment", "live answered",
          "answered", "repondre en direct", "saisir la reponse", "ignorer", "repondre",
          "commenter", "repondu en direct", "repondu", "upvote", "vote"}


def _clock(value: str) -> time | None:
    text = value.strip().lower().replace(".", "").replace(" ", "")
    pm = text.endswith("pm")
    am = text.endswith("am")
    if pm or am:
        text = text[:-2]
    parts = text.split(":")
    try:
        h, m = int(parts[0]), int(parts[1])
        s = int(parts[2]) if len(parts) > 2 else 0
    except (ValueError, IndexError):
        return None
    if am or pm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if pm else 0)
    if not (0 <= h < 24 and 0 <= m < 60 and 0 <= s < 60):
        return None
    return time(h, m, s)


class _Anchor:
    """Clock times to aware datetimes on the show's day; past midnight goes to the next."""

    def __init__(self, day: date, tz: tzinfo) -> None:
        self.day = day
        self.tz = tz
        self.last: datetime | None = None

    def __call__(self, clock: str | None) -> datetime | None:
        moment = _clock(clock) if clock else None
        if moment is None:
            return None
        at = datetime.combine(self.day, moment, tzinfo=self.tz)
        if self.last is not None and at < self.last - timedelta(hours=12):
            self.day += timedelta(days=1)
            at = datetime.combine(self.day, moment, tzinfo=self.tz)
        self.last = at
        return at


def _private(recipient: str) -> bool:
    # To Me (privately), (Direct Message), or to one person by name: all but the room.
    return fold(recipient).rstrip(" :") not in _PUBLIC


def _name_of(value: str) -> tuple[str | None, bool]:
    """A sender as written, with Zoom's "(Direct Message)"/"(privately)" marks taken off."""
    name = value.strip()
    private = False
    low = name.lower()
    for mark in ("(direct message)", "(privately)", "(message direct)", "(en privé)",
                 "(en privado)", "(mensaje directo)"):
        if low.endswith(mark):
            name = name[: -len(mark)].rstrip()
            private = True
            break
    return (name or None), private


@dataclass
class _Draft:
    line: int
    asker: str | None
    at: datetime | None
    private: bool
    lines: list[str]


def _finish(drafts: list[_Draft]) -> list[ChatMessage]:
    out = []
    for d in drafts:
        lines = d.lines
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        text = "\n".join(lines)
        if not text.strip():
            continue
        question, reason = looks_like_question(text)
        out.append(ChatMessage(d.asker, d.at, text, d.private, d.line, question, reason))
    return out


def _headed(lines: list[str], header: Callable[[int], tuple | None], anchor: _Anchor,
            indent: bool = False, skip: frozenset[str] | set[str] = frozenset(),
            ) -> tuple[list[ChatMessage], list[str]]:
    """Messages of a layout where a header line (asker, time) opens each message and the
    lines after it, up to the next header, are its text. ``header(i)`` returns (asker,
    clock, private, first text, lines the header used) or None."""
    drafts: list[_Draft] = []
    unreadable: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        found = header(i)
        if found is None:
            line = lines[i]
            if drafts:
                if indent and line.startswith("\t"):
                    line = line[1:]
                if not (skip and fold(line) in skip):
                    drafts[-1].lines.append(line)
            elif line.strip():
                unreadable.append(line)
            i += 1
            continue
        asker, clock, private, first, used = found
        drafts.append(_Draft(i + 1, asker, anchor(clock), private,
                             [first] if first else []))
        i += used
    return _finish(drafts), unreadable


def _zoom_header(lines: list[str]) -> Callable[[int], tuple | None]:
    def header(i: int) -> tuple | None:
        m = _ZOOM.match(lines[i])
        if m is None:
            return None
        rest = m.group(2)
        to = _ZOOM_TO.match(rest) or _ZOOM_TO_1.match(rest)
        if to is not None:
            asker, private = _name_of(to.group(1))
            recipient = to.group(2)
            private = private or _private(recipient)
            return asker, m.group(1), private, to.group(3), 1
        old = _ZOOM_OLD.match(rest)
        if old is None:
            return None
        asker, private = _name_of(old.group(1))
        return asker, m.group(1), private, old.group(2), 1
    return header


def _qa_header(lines: list[str]) -> Callable[[int], tuple | None]:
    def header(i: int) -> tuple | None:
        line = lines[i]
        if "?" in line or len(line) > 100:
            return None
        m = _QA.match(line.strip())
        if m is None or _clock(m.group(2)) is None:
            return None
        asker, private = _name_of(m.group(1))
        if asker is not None and fold(asker) in ("anonymous attendee", "participant anonyme",
                                                 "anonyme", "anonymous"):
            asker = None
        return asker, m.group(2), private, "", 1
    return header


def _teams_header(lines: list[str]) -> Callable[[int], tuple | None]:
    def header(i: int) -> tuple | None:
        line = lines[i].strip()
        m = _TEAMS.match(line)
        if m is not None and _clock(m.group(2)) is not None:
            asker, private = _name_of(m.group(3))
            return asker, m.group(2), private, "", 1
        if "?" in line or len(line) > 100:
            return None
        m = _TEAMS_COMMA.match(line)
        if m is not None and _clock(m.group(3)) is not None:
            asker, private = _name_of(m.group(1))
            return asker, m.group(3), private, "", 1
        return None
    return header


def _meet_header(lines: list[str]) -> Callable[[int], tuple | None]:
    n = len(lines)

    def header(i: int) -> tuple | None:
        if i + 1 >= n:
            return None
        name = lines[i].strip()
        if not name or len(name) > 80 or "?" in name or _TIME_ONLY.match(name):
            return None
        m = _TIME_ONLY.match(lines[i + 1].strip())
        if m is None or _clock(m.group(1)) is None:
            return None
        asker, private = _name_of(name)
        return asker, m.group(1), private, "", 2
    return header


_HEADERS: dict[str, Callable[[list[str]], Callable[[int], tuple | None]]] = {
    "zoom_chat": _zoom_header, "teams": _teams_header, "meet": _meet_header,
    "zoom_qa_panel": _qa_header,
}


def _recognise(lines: list[str]) -> str:
    """The layout whose headers open the most messages in the first lines: Zoom's and
    Teams' headers cannot be mistaken; Meet's and the Q&A panel's are a name and a time,
    so they need two of them, or the first filled line to be one."""
    sample = lines[:_SAMPLE_LINES]
    first = next((i for i, line in enumerate(sample) if line.strip()), None)
    if first is None:
        return "plain"
    best, best_count = "plain", 0
    for name, make in _HEADERS.items():
        header = make(sample)
        count = 0
        opens = False
        for i in range(len(sample)):
            if header(i) is not None:
                count += 1
                opens = opens or i == first
        weak = name in ("meet", "zoom_qa_panel")
        if count == 0 or (weak and count < 2 and not opens):
            continue
        if count > best_count:
            best, best_count = name, count
    return best


def _plain(lines: list[str]) -> list[ChatMessage]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            current = None
            continue
        if current is None:
            current = _Draft(i + 1, None, None, False, [])
            drafts.append(current)
        current.lines.append(line.rstrip())
    split: list[_Draft] = []
    for d in drafts:
        # A list of questions pasted line by line: each is one.
        if len(d.lines) > 1 and all("?" in line for line in d.lines):
            split.extend(_Draft(d.line + k, None, None, False, [line.strip()])
                         for k, line in enumerate(d.lines))
        else:
            split.append(d)
    return _finish(split)


def clean_text(text: str) -> str:
    """Text as pasted, with line ends unified and NUL and BOM characters taken out."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


class ChatError(ValueError):
    """Text that cannot be read as a chat; the message is one line for the moderator."""


def check_text(text: str) -> str:
    """``text`` cleaned (``clean_text``), or ChatError when it is empty, too long or not
    text (binary data pasted or read as text)."""
    if len(text) > MAX_CHAT_CHARS:
        raise ChatError(f"The text is too long to read as a chat ({len(text):,} characters, "
                        f"at most {MAX_CHAT_CHARS:,}): paste or save a shorter part")
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise ChatError("There is no text to read (the clipboard or file is empty)")
    sample = cleaned[:20000]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n")
    if controls > len(sample) * 0.01 or text.count("\x00") > len(text) * 0.1:
        raise ChatError("This is not text (binary data or an image): copy the chat's text")
    return cleaned


def parse_chat(text: str, *, day: date, tz: tzinfo) -> ChatParse:
    """The messages of ``text`` in the first layout recognised (see the module), each with
    the question rule's verdict; clock times are read on ``day`` in ``tz``."""
    lines = clean_text(text).split("\n")
    fmt = _recognise(lines)
    anchor = _Anchor(day, tz)
    if fmt == "plain":
        return ChatParse("plain", tuple(_plain(lines)), ())
    if fmt == "zoom_chat":
        messages, unreadable = _headed(lines, _zoom_header(lines), anchor, indent=True)
        # The older form puts the text on the header line and names no recipient.
        if not any(_ZOOM_TO.match(m.group(2)) or _ZOOM_TO_1.match(m.group(2))
                   for line in lines[:_SAMPLE_LINES] if (m := _ZOOM.match(line))):
            fmt = "zoom_chat_old"
    elif fmt == "zoom_qa_panel":
        messages, unreadable = _headed(lines, _qa_header(lines), anchor, skip=_QA_UI)
    else:
        messages, unreadable = _headed(lines, _HEADERS[fmt](lines), anchor)
    return ChatParse(fmt, tuple(messages), tuple(unreadable))


def with_verdict(message: ChatMessage, question: bool) -> ChatMessage:
    """``message`` with the moderator's choice in place of the rule's."""
    return replace(message, question=question)
