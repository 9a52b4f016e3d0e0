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
from functools import lru_cache

from moderator_app.core.question_text import fold

__all__ = ["CHAT_FORMATS", "MAX_CHAT_CHARS", "MIN_QUESTION_CHARS", "REASONS", "ChatError",
           "ChatMessage", "ChatParse", "check_text", "clean_text", "looks_like_question",
           "parse_chat"]

MAX_CHAT_CHARS = 2_000_000  # about 20,000 messages: longer text is refused by the caller
MIN_QUESTION_CHARS = 12
_GREETING_CHARS = 60  # longer than any greeting alone ("Bonjour à toutes et à tous !")
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
_PLUS_ONE = re.compile(r"^\s*(?:\+\s*\d+|same\s+question|same\s+here|m[eê]me\s+question"
                       r"|pareil|moi\s+aussi|me\s+too|misma\s+pregunta|yo\s+tambi[eé]n)\b"
                       r"[\s!.]*", re.IGNORECASE)
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


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    # Chat words repeat (the same greetings, the same openings): each is folded once.
    return fold(word).replace("’", "'")


def looks_like_question(text: str) -> tuple[bool, str]:
    """(is it a question?, reason code); see the module's docstring for the rule."""
    body = text.strip()
    if not body:
        return False, "no_question"
    head = body[:80].lower()
    if head[0] in "+smpy":  # the openings of "+1" and "same question" (cheap to rule out)
        plus = _PLUS_ONE.match(head)
        if plus is not None and len(body) - plus.end() < MIN_QUESTION_CHARS:
            return False, "plus_one"
    size = len(body)
    words: list[str] | None = None
    if size <= _GREETING_CHARS:
        words = [_folded(w) for w in _WORD.findall(head)]
        if words and all(w in _GREETINGS for w in words):
            return False, "greeting"  # "Bonjour à tous !", "Thanks!", even "Hello?"
    if size < MIN_QUESTION_CHARS:
        return False, "too_short"
    if "?" in body or "¿" in body or "？" in body:
        return True, "question_mark"
    if _PREFIX.match(head):
        return True, "prefix"
    if head.startswith("où "):  # "ou" (or) folds the same: kept apart
        return True, "interrogative"
    # Only the opening counts: the first word after any greeting.
    if words is None:
        words = [_folded(w) for w in _WORD.findall(head)]
    i = 0
    while i < len(words) and words[i] in _GREETINGS:
        i += 1
    if i < len(words):
        first = words[i]
        if first in _INTERROGATIVE or _INVERSION.match(first) or (
                first == "y" and words[i + 1:i + 2] == ["a-t-il"]):
            return True, "interrogative"
    if i > 0:
        return False, "greeting"
    return False, "no_question"


# -- parsing --------------------------------------------------------------------------------------
# Header lines, matched over the whole text at once (MULTILINE; spaces never span a line).
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp]\.? ?[Mm]\.?)?"
_DATE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
_NAME = r"[^\s?][^?\n]{0,79}?"  # a display name: short, one line, never a question
_ZOOM = re.compile(r"^(\d{1,2}:\d{2}:\d{2})[ \t]+(?:From|De|Von|Da)[ \t]+(?:([^:\n]+?)[ \t]{2,}"
                   r"(?:to|à|a|an|para)[ \t]{2,}([^\n]+?)[ \t]*:[ \t]*(.*)|(.+))$", re.M)
_ZOOM_TO = re.compile(r"^([^:]+?)\s{2,}(?:to|à|a|an|para)\s{2,}(.+?)\s*:\s*(.*)$")
_ZOOM_TO_1 = re.compile(r"^([^:]+?)\s+(?:to|à|an|para)\s+(.+?)\s*:\s*(.*)$")
_ZOOM_OLD = re.compile(r"^(.+?)\s*:\s*(.*)$")
_QA = re.compile(rf"^[ \t]*({_NAME})[ \t]+({_CLOCK})[ \t]*$", re.M)
_TEAMS = re.compile(rf"^[ \t]*(?:\[(?:({_DATE}),?[ \t]+)?({_CLOCK})\][ \t]*(\S.*?)"
                    rf"|({_NAME}),[ \t]+(?:({_DATE})[ \t]+)?({_CLOCK}))[ \t]*$", re.M)
_MEET = re.compile(rf"^[ \t]*({_NAME})[ \t]*\n[ \t]*({_CLOCK})[ \t]*$", re.M)
_TIME_ONLY = re.compile(rf"^({_CLOCK})$")
_PUBLIC = {"everyone", "tout le monde", "todos", "everyone (in waiting room)", "alle",
           "tutti", "all panelists", "tous les panelistes", "all panelists and attendees",
           "tous les panelistes et participants"}
# Lines of Zoom's Q&A panel that are its buttons and labels, not anyone's words.
_QA_UI = {"answer live", "type answer", "dismiss", "reply", "comment", "live answered",
          "answered", "repondre en direct", "saisir la reponse", "ignorer", "repondre",
          "commenter", "repondu en direct", "repondu", "upvote", "vote"}


def _clock(value: str) -> time | None:
    if len(value) == 8 and value[2] == ":" == value[5] and value.isascii():
        try:  # HH:MM:SS, Zoom's: the common case
            return time(int(value[:2]), int(value[3:5]), int(value[6:]))
        except ValueError:
            return None
    return _clock_text(value)


@lru_cache(maxsize=4096)  # "10:05 AM": a minute's clock heads many messages
def _clock_text(value: str) -> time | None:
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
        self.back: datetime | None = None  # twelve hours before the last time read

    def __call__(self, moment: time | None) -> datetime | None:
        if moment is None:
            return None
        at = datetime.combine(self.day, moment, self.tz)
        if self.back is not None and at < self.back:
            self.day += _DAY
            at = datetime.combine(self.day, moment, self.tz)
        self.back = at - _HALF_DAY
        return at


_DAY = timedelta(days=1)
_HALF_DAY = timedelta(hours=12)


@lru_cache(maxsize=1024)
def _private(recipient: str) -> bool:
    # To Me (privately), (Direct Message), or to one person by name: all but the room.
    name = recipient.rstrip(" :").lower()
    return name not in _PUBLIC and fold(name) not in _PUBLIC


@lru_cache(maxsize=8192)  # a chat's askers write many messages each
def _name_of(value: str) -> tuple[str | None, bool]:
    """A sender as written, with Zoom's "(Direct Message)"/"(privately)" marks taken off."""
    name = value.strip()
    private = False
    if not name.endswith(")"):
        return (name or None), False
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


_FIELDS = ("asker", "at", "text", "private", "line", "question", "reason")
_new = object.__new__


def _message(*values: object) -> ChatMessage:
    # A frozen dataclass's __init__ sets each field through object.__setattr__: a third of
    # the parse of 5,000 messages. Filled in one step instead (the fields in order).
    m = _new(ChatMessage)
    m.__dict__.update(zip(_FIELDS, values, strict=True))
    return m


# A header read: (asker, time, private, text on the header line), or None when the match
# is no header after all (an impossible clock, a time where a name should be).
_Header = tuple[str | None, time | None, bool, str] | None


def _zoom_header(m: re.Match) -> _Header:
    clock, sender, recipient, opening, rest = m.groups()
    if rest is None:  # Zoom's own spacing: two spaces around the names
        asker, private = _name_of(sender)
        return asker, _clock(clock), private or _private(recipient), opening
    to = _ZOOM_TO.match(rest) or _ZOOM_TO_1.match(rest)
    if to is not None:
        asker, private = _name_of(to.group(1))
        return asker, _clock(m.group(1)), private or _private(to.group(2)), to.group(3)
    old = _ZOOM_OLD.match(rest)
    if old is None:
        return None
    asker, private = _name_of(old.group(1))
    return asker, _clock(m.group(1)), private, old.group(2)


_ANONYMOUS = {"anonymous attendee", "participant anonyme", "anonyme", "anonymous",
              "participante anonimo"}


def _qa_header(m: re.Match) -> _Header:
    moment = _clock(m.group(2))
    if moment is None:
        return None
    asker, private = _name_of(m.group(1))
    if asker is not None and "anon" in asker.lower() and fold(asker) in _ANONYMOUS:
        asker = None
    return asker, moment, private, ""


def _teams_header(m: re.Match) -> _Header:
    name, clock = (m.group(3), m.group(2)) if m.group(2) else (m.group(4), m.group(6))
    moment = _clock(clock)
    if moment is None:
        return None
    asker, private = _name_of(name)
    return asker, moment, private, ""


def _meet_header(m: re.Match) -> _Header:
    moment = _clock(m.group(2))
    if moment is None or _TIME_ONLY.match(m.group(1).strip()):
        return None
    asker, private = _name_of(m.group(1))
    return asker, moment, private, ""


_LAYOUTS: dict[str, tuple[re.Pattern, Callable[[re.Match], _Header]]] = {
    "zoom_chat": (_ZOOM, _zoom_header), "teams": (_TEAMS, _teams_header),
    "meet": (_MEET, _meet_header), "zoom_qa_panel": (_QA, _qa_header),
}


def _headers(text: str, fmt: str) -> list[tuple[re.Match, tuple]]:
    pattern, read = _LAYOUTS[fmt]
    return [(m, h) for m in pattern.finditer(text) if (h := read(m)) is not None]


def _headed(text: str, found: list[tuple[re.Match, tuple]], anchor: _Anchor,
            indent: bool = False, skip: frozenset[str] | set[str] = frozenset(),
            ) -> tuple[list[ChatMessage], list[str]]:
    """Messages of a layout where a header (asker, time) opens each message and the lines
    after it, up to the next header, are its text."""
    out: list[ChatMessage] = []
    first = found[0][0].start() if found else len(text)
    unreadable = [line for line in text[:first].split("\n") if line.strip()]
    line_no = text.count("\n", 0, first) + 1
    starts = [m.start() for m, _ in found[1:]]
    starts.append(len(text))
    count = text.count
    rule = looks_like_question
    for (m, (asker, moment, private, opening)), end in zip(found, starts, strict=True):
        # What follows the header's own line, up to the next header.
        body = text[m.end() + 1:end].strip("\n")
        if indent and "\t" in body:
            body = body[1:] if body[0] == "\t" else body
            body = body.replace("\n\t", "\n")
        if skip:
            body = "\n".join(line for line in body.split("\n")
                              if len(line) > 30 or fold(line) not in skip)
        if opening:
            body = f"{opening}\n{body}" if body else opening
        body = body.rstrip()
        if body and (not body[0].isspace() or body.strip()):
            question, reason = rule(body)
            out.append(_message(asker, anchor(moment), body, private, line_no, question,
                                reason))
        line_no += count("\n", m.start(), end)
    return out, unreadable


def _recognise(text: str) -> tuple[str, list[tuple[re.Match, tuple]] | None]:
    """The layout whose headers open the most messages in the first lines: Zoom's and
    Teams' headers cannot be mistaken; Meet's and the Q&A panel's are a name and a time,
    so they need two of them, or the first filled line to be one. (With the headers over
    the whole text when the sample was the whole text.)"""
    cut = -1
    for _ in range(_SAMPLE_LINES):
        cut = text.find("\n", cut + 1)
        if cut < 0:
            break
    sample = text if cut < 0 else text[:cut]
    stripped = sample.lstrip()
    if not stripped:
        return "plain", None
    start = len(sample) - len(stripped)
    start = sample.rfind("\n", 0, start) + 1  # the first filled line's start
    best, best_found, best_count = "plain", None, 0
    for name in _LAYOUTS:
        found = _headers(sample, name)
        count = len(found)
        opens = bool(found) and found[0][0].start() == start
        weak = name in ("meet", "zoom_qa_panel")
        if count == 0 or (weak and count < 2 and not opens):
            continue
        if count > best_count:
            best, best_found, best_count = name, found, count
    return best, (best_found if cut < 0 else None)


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


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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
    controls = len(_CONTROLS.findall(sample))
    if controls > len(sample) * 0.01 or text.count("\x00") > len(text) * 0.1:
        raise ChatError("This is not text (binary data or an image): copy the chat's text")
    return cleaned


def parse_chat(text: str, *, day: date, tz: tzinfo) -> ChatParse:
    """The messages of ``text`` in the first layout recognised (see the module), each with
    the question rule's verdict; clock times are read on ``day`` in ``tz``."""
    text = clean_text(text)
    fmt, found = _recognise(text)
    if fmt == "plain":
        return ChatParse("plain", tuple(_plain(text.split("\n"))), ())
    if found is None:
        found = _headers(text, fmt)
    anchor = _Anchor(day, tz)
    if fmt == "zoom_chat":
        messages, unreadable = _headed(text, found, anchor, indent=True)
        # The older form puts the text on the header line and names no recipient.
        if not any(m.group(3) is not None or _ZOOM_TO.match(m.group(5)) or
                   _ZOOM_TO_1.match(m.group(5)) for m, _ in found[:_SAMPLE_LINES]):
            fmt = "zoom_chat_old"
    elif fmt == "zoom_qa_panel":
        messages, unreadable = _headed(text, found, anchor, skip=_QA_UI)
    else:
        messages, unreadable = _headed(text, found, anchor)
    return ChatParse(fmt, tuple(messages), tuple(unreadable))


def with_verdict(message: ChatMessage, question: bool) -> ChatMessage:
    """``message`` with the moderator's choice in place of the rule's."""
    return replace(message, question=question)
