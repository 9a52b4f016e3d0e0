"""Source profiles: which export a table comes from, where its header is, which column is what.

Each profile knows the header names of one tool (Zoom Q&A and registration reports,
Google Forms, Microsoft Forms, Slido-like exports) in English and French; the generic
profile finds the question column by its content. Detection is automatic and every
choice (profile, sheet, header row, column mapping) can be overridden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime, time

from moderator_app.core.question_text import fold
from moderator_app.io.tables import RawTable

# "chat" is a text file read as a chat (see io.chat_source), not a table's layout.
PROFILES = ("zoom_qa", "zoom_registration", "google_forms", "microsoft_forms", "slido", "generic",
            "chat")
HEADER_SCAN_ROWS = 200

# Header names per role, folded (lower case, no accents, spaces collapsed).
EXACT: dict[str, set[str]] = {
    "text": {"question", "questions", "question text", "texte de la question", "your question",
             "votre question", "question content", "content", "contenu", "message", "texte",
             "text", "question/comment", "questions/commentaires"},
    "asker": {"asker name", "asker", "name", "nom", "full name", "nom complet", "author",
              "auteur", "user name (original name)", "user name", "nom d'utilisateur",
              "nom d'utilisateur (nom d'origine)", "participant", "asked by", "posee par",
              "nom du demandeur", "display name", "your name", "votre nom", "nom et prenom",
              "prenom et nom", "author name", "nom de l'auteur", "respondent"},
    "first_name": {"first name", "prenom"},
    "last_name": {"last name", "nom de famille"},
    "email": {"asker email", "email", "e-mail", "email address", "adresse e-mail",
              "adresse email", "courriel", "adresse courriel", "mail", "e-mail du demandeur",
              "author email", "your email", "votre adresse e-mail", "e-mail de l'auteur"},
    "organisation": {"organisation", "organization", "organisme", "company", "entreprise",
                     "societe", "institution", "structure", "organisation/city",
                     "organisation / ville", "organization/city", "your organisation",
                     "votre organisation", "employeur", "affiliation", "city/organisation"},
    # A city stands in for the organisation only when there is no organisation column.
    "city": {"ville", "city", "lieu", "votre ville", "your city", "localite", "commune"},
    "submitted_at": {"timestamp", "horodateur", "completion time", "heure de fin", "date",
                     "time", "question time", "created at", "created", "submitted at",
                     "date de soumission", "heure", "asked at", "registration time",
                     "heure d'inscription", "date d'inscription", "date/heure", "date et heure",
                     "heure de la question", "submitted", "date time", "datetime", "recu le",
                     "received", "date de reception"},
    "votes": {"votes", "vote", "likes", "like", "upvotes", "j'aime", "nombre de votes",
              "score", "# votes", "nb votes"},
    "answered": {"answered", "repondu", "answer(s)", "answers", "answer", "reponse(s)",
                 "reponses", "reponse", "status", "statut", "is answered", "answered?"},
}
# Other names of each tool's columns: they help find the header row but carry no role.
KNOWN_OTHER = {
    "#", "id", "start time", "heure de debut", "attended", "a participe", "join time",
    "leave time", "approval status", "statut d'approbation", "time in session (minutes)",
    "country/region name", "pays/region", "labels", "label", "highlighted", "archived",
    "is anonymous", "event", "room", "topic", "webinar id", "last modified time", "phone",
    "job title", "source name", "is guest", "registrant", "ville/region",
}
SECTION_MARKERS = {"host details", "panelist details", "attendee details", "other attended",
                   "details de l'hote", "details des panelistes", "details des participants",
                   "question and answer report", "webinar details"}
ANONYMOUS = {"anonymous", "anonymous attendee", "anonyme", "participant anonyme",
             "utilisateur anonyme", "anonymous user", "anonyme participant"}
_WORDS = re.compile(r"[a-z0-9']+")


@dataclass
class ColumnMapping:
    """Column index of each field (None when the table does not have it)."""

    text: int | None = None
    asker: int | None = None
    first_name: int | None = None
    last_name: int | None = None
    email: int | None = None
    organisation: int | None = None
    submitted_at: int | None = None
    votes: int | None = None
    answered: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def used(self) -> set[int]:
        return {v for v in self.as_dict().values() if v is not None}


@dataclass
class SourcePlan:
    """Where the questions are and how to read them; the import dialog edits this."""

    profile: str
    table_index: int
    header_row: int  # 0-based index into the table's rows
    headers: list[str]
    mapping: ColumnMapping
    dayfirst_hint: bool = False
    end_row: int | None = None  # first row after the question table (a section marker)
    chat_format: str | None = None  # the chat layout read (core.chat.CHAT_FORMATS) for "chat"


def role_of(header: str) -> str | None:
    name = fold(header)
    for role, names in EXACT.items():
        if name in names:
            return role
    words = set(_WORDS.findall(name))
    if "question" in words or "questions" in words:
        return "text"
    if "mail" in name:
        return "email"
    if words & {"ville", "city"}:
        return "city"
    if words & {"organisation", "organization", "organisme", "entreprise", "company",
                "institution", "structure"}:
        return "organisation"
    if words & {"name", "nom"} and not words & {"first", "last", "prenom", "famille"}:
        return "asker"
    if words & {"votes", "likes", "upvotes"}:
        return "votes"
    return None


def _row_score(row: list[object]) -> tuple[float, set[str]]:
    score = 0.0
    roles: set[str] = set()
    for cell in row:
        if not isinstance(cell, str) or not cell.strip() or len(cell) > 200:
            continue
        name = fold(cell)
        if any(name in names for names in EXACT.values()):
            score += 2
            roles.add(role_of(cell) or "")
        elif name in KNOWN_OTHER:
            score += 1
        else:
            role = role_of(cell)
            if role:
                score += 1
                roles.add(role)
    if "text" in roles:
        score += 3
    return score, roles - {""}


def find_header(table: RawTable) -> tuple[int, float]:
    """(row index, score) of the likeliest header row, or (-1, 0) when none scores.

    The Attendee section of a Zoom registration report wins over the Host and Panelist
    sections above it because it carries the custom question column.
    """
    best, best_score = -1, 0.0
    for i, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        if sum(1 for c in row if not (isinstance(c, str) and not c.strip())) < 2:
            continue  # a title line, however question-like its words
        score, roles = _row_score(row)
        if len(roles) < 2 and score < 4:
            continue
        if score > best_score:
            best, best_score = i, score
    return best, best_score


def _first_cells(table: RawTable, upto: int) -> str:
    parts = []
    for row in table.rows[:upto]:
        parts.extend(fold(c) for c in row[:2] if isinstance(c, str) and c.strip())
    return " | ".join(parts)


def detect_profile(table: RawTable, header_row: int) -> str:
    headers = [fold(c) if isinstance(c, str) else "" for c in table.rows[header_row]]
    names = set(headers)
    above = _first_cells(table, header_row)
    first = next((h for h in headers if h), "")
    if "asker name" in names or "asker email" in names or "question and answer report" in above \
            or "rapport de questions" in above:
        return "zoom_qa"
    if "attendee details" in above or "details des participants" in above or names & {
        "registration time", "approval status", "user name (original name)",
        "heure d'inscription", "statut d'approbation"}:
        return "zoom_registration"
    if first in ("timestamp", "horodateur"):
        return "google_forms"
    if {"id", "completion time"} <= names or {"id", "heure de fin"} <= names:
        return "microsoft_forms"
    if names & {"likes", "upvotes", "votes", "highlighted", "labels", "j'aime"} and any(
            role_of(h) == "text" for h in headers if h):
        return "slido"
    return "generic"


_NOTHING = object()


def _data_end(table: RawTable, header_row: int) -> int | None:
    rows = table.rows
    for i in range(header_row + 1, len(rows)):
        # A marker row holds one filled cell; question rows fill their first cells, so
        # the scan of each row stops at its second filled cell (this runs on every row).
        only: object = _NOTHING
        for cell in rows[i]:
            if isinstance(cell, str) and not cell.strip():
                continue
            if only is not _NOTHING:
                break
            only = cell
        else:
            if isinstance(only, str) and fold(only) in SECTION_MARKERS:
                return i
    return None


def text_column_by_content(
    table: RawTable, header_row: int, exclude: set[int], end: int | None = None
) -> int | None:
    """The column of long, varied free text: where people write questions."""
    rows = table.rows[header_row + 1 : (end if end is not None else len(table.rows))][:500]
    width = max((len(r) for r in rows), default=0)
    best, best_score = None, 0.0
    for col in range(width):
        if col in exclude:
            continue
        texts = [r[col] for r in rows if col < len(r) and isinstance(r[col], str)
                 and r[col].strip() and r[col].strip() != "--"]
        if not texts:
            continue
        avg_len = sum(len(t) for t in texts) / len(texts)
        avg_words = sum(len(t.split()) for t in texts) / len(texts)
        if avg_len < 15 or avg_words < 3 or all("@" in t for t in texts):
            continue
        distinct = len(set(texts)) / len(texts)
        score = avg_len * distinct * (len(texts) / len(rows))
        if score > best_score:
            best, best_score = col, score
    return best


def build_plan(tables: list[RawTable], profile: str | None = None,
               sheet: int | None = None) -> SourcePlan | None:
    """The best plan over every table (or the chosen one); None when none holds questions."""
    candidates = range(len(tables)) if sheet is None else [sheet]
    best: tuple[float, SourcePlan] | None = None
    for ti in candidates:
        table = tables[ti]
        row, score = find_header(table)
        if row < 0:
            row = _first_wide_row(table)
            if row < 0:
                continue
        plan = plan_for(table, ti, row, profile)
        if plan.mapping.text is None:
            continue
        if best is None or score > best[0]:
            best = (score, plan)
    return best[1] if best else None


def _first_wide_row(table: RawTable) -> int:
    for i, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        if sum(1 for c in row if not (isinstance(c, str) and not c.strip())) >= 2:
            return i
    return -1


def plan_for(table: RawTable, table_index: int, header_row: int,
             profile: str | None = None) -> SourcePlan:
    """Map the columns of ``table`` under the header at ``header_row`` for ``profile``."""
    chosen = profile or detect_profile(table, header_row)
    headers = ["" if c is None else str(c) if not isinstance(c, str) else c
               for c in table.rows[header_row]]
    folded = [fold(h) for h in headers]
    mapping = ColumnMapping()
    roles = [role_of(h) if h.strip() else None for h in headers]
    exact = [next((r for r, names in EXACT.items() if f in names), None) for f in folded]
    # Exact names first, then looser ones; the first column of a role wins.
    city: int | None = None
    for pool in (exact, roles):
        for col, role in enumerate(pool):
            if role == "city":
                city = col if city is None else city
            elif role and getattr(mapping, role) is None:
                setattr(mapping, role, col)
    if mapping.organisation is None:
        mapping.organisation = city
    end = _data_end(table, header_row)
    hint = False
    if chosen == "zoom_qa":
        mapping.asker = _find(folded, "asker name", mapping.asker)
        mapping.email = _find(folded, "asker email", mapping.email)
    elif chosen == "zoom_registration":
        standard = {"first name", "last name", "email", "registration time", "user name",
                    "user name (original name)", "attended", "join time", "leave time"}
        qcols = [c for c, f in enumerate(folded) if roles[c] == "text" and f not in standard]
        mapping.text = qcols[0] if qcols else text_column_by_content(
            table, header_row, {c for c, f in enumerate(folded) if f in standard | KNOWN_OTHER
                                or roles[c] not in (None, "text")}, end)
        mapping.submitted_at = _find(folded, "registration time", mapping.submitted_at)
        mapping.submitted_at = _find(folded, "heure d'inscription", mapping.submitted_at)
        if mapping.first_name is not None and mapping.asker is not None and \
                folded[mapping.asker].startswith("user name"):
            mapping.asker = None  # first + last name read better than a Zoom display name
    elif chosen == "google_forms":
        mapping.submitted_at = 0
        hint = folded[0] == "horodateur"
    elif chosen == "microsoft_forms":
        mapping.submitted_at = _find(folded, "completion time", mapping.submitted_at)
        mapping.submitted_at = _find(folded, "heure de fin", mapping.submitted_at)
    if chosen == "generic" or mapping.text is None:
        taken = mapping.used() - ({mapping.text} if mapping.text is not None else set())
        by_content = text_column_by_content(table, header_row, taken, end)
        if by_content is not None:
            mapping.text = by_content
    if mapping.text is not None and mapping.asker == mapping.text:
        mapping.asker = None
    return SourcePlan(chosen, table_index, header_row, headers, mapping, hint, end)


def _find(folded: list[str], name: str, default: int | None) -> int | None:
    return folded.index(name) if name in folded else default


def is_anonymous(name: str | None, email: str | None) -> bool:
    # Every anonymous marker contains "anon": a cheap test before folding.
    return any(v and "anon" in v.lower() and fold(v) in ANONYMOUS for v in (name, email))


# More votes than any webinar has attendees: a damaged or hostile cell, not a count (and
# far below SQLite's 64-bit integers, which a 1e300 cell would overflow).
MAX_VOTES = 10_000_000


def parse_votes(cell: object) -> int | None:
    """A vote count from 0 to ``MAX_VOTES``; None for an empty cell or one that is not a
    count (text, infinite, NaN, negative or absurd: ``bad_votes`` tells those apart)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        number = cell
    else:
        text = str(cell).strip().replace("\u202f", "").replace(" ", "")
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return None
    # NaN fails both comparisons; infinities and huge counts fail the second.
    if not 0 <= number <= MAX_VOTES:
        return None
    return int(number)


# Cells that mean "no votes given" rather than a damaged count.
_NO_VOTES = {"", "-", "--", "n/a", "na", "none", "null", "aucun", "aucune"}


def bad_votes(cell: object) -> bool:
    """A filled votes cell that ``parse_votes`` could not read as a count (worth a warning)."""
    if cell is None or isinstance(cell, bool) or parse_votes(cell) is not None:
        return False
    return str(cell).strip().lower() not in _NO_VOTES


_YES = {"yes", "y", "true", "oui", "vrai", "1", "x", "answered", "repondu", "live answered",
        "done", "fait"}
_NO = {"no", "n", "false", "non", "faux", "0", "", "-", "--", "unanswered", "open",
       "non repondu"}


def parse_answered(cell: object, free_text: bool) -> bool | None:
    """An answered flag; for answer columns (Zoom's Answer(s)) any answer means answered."""
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)):
        return bool(cell)
    text = fold(str(cell))
    if text in _YES:
        return True
    if text in _NO:
        return False
    return True if free_text else None


def header_is_answer_text(header: str) -> bool:
    return fold(header) in {"answer(s)", "answers", "answer", "reponse(s)", "reponses", "reponse"}


def cell_text(cell: object) -> str:
    """A cell as the text to keep: strings untouched, numbers without a spurious ``.0``."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    return "" if cell is None else str(cell)
