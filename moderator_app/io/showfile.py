"""The show file: one SQLite database holding the show, its run sheet and its journal.

SQLite as an application file format: every change is one committed transaction (WAL,
synchronous=FULL), so a crash or a kill loses nothing that the screen has shown.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from moderator_app.core.actions import Action
from moderator_app.core.runsheet import RunSheetError, Segment, Show

APPLICATION_ID = 0x4D4F4431  # "MOD1": tells our files from any other SQLite database
SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_SUFFIX = ".show"


class ShowFileError(Exception):
    """A show file that cannot be used; the message names the file and the problem."""


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one: executescript would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _schema_v1(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE show (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            data TEXT NOT NULL
        );
        CREATE TABLE segments (
            position INTEGER NOT NULL,
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL
        );
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at_us INTEGER NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX journal_type ON journal(type);
        """,
    )


def _questions(db: sqlite3.Connection) -> None:
    # The question queue: one row per question, a column per field (a JSON blob per row
    # cost more to encode than the rest of a 50,000-row import), and the files the
    # moderator linked to be merged when they change on disk. Times are ISO 8601 with
    # their offset, flags 0/1, tags a JSON list. Defaults are those of core's Question
    # (question_store leaves out the columns a whole batch has at their default). The
    # id's uniqueness is a named index rather than the primary key so that a large first
    # import can drop it and build it once after its rows (question_store._write).
    run_script(
        db,
        """
        CREATE TABLE questions (
            id TEXT NOT NULL,
            position REAL NOT NULL,
            state TEXT NOT NULL DEFAULT 'new',
            text TEXT NOT NULL,
            asker TEXT,
            email TEXT,
            organisation TEXT,
            submitted_at TEXT,
            votes INTEGER,
            answered_in_source INTEGER,
            anonymous INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'manual',
            source_file TEXT NOT NULL DEFAULT '',
            starred INTEGER NOT NULL DEFAULT 0,
            segment TEXT,
            speaker TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            taken_at TEXT,
            answered_at TEXT,
            taken_segment TEXT,
            merged_into TEXT
        );
        CREATE UNIQUE INDEX questions_id ON questions(id);
        CREATE TABLE question_sources (
            path TEXT PRIMARY KEY,
            data TEXT NOT NULL DEFAULT '{}'
        );
        """
    )


# Migration N brings a file from user_version N-1 to N. Add new ones at the end.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_schema_v1, _questions]
SCHEMA_VERSION = len(MIGRATIONS)


class ShowFile:
    """An open show file. Use ``create`` or ``open``; close it when done."""

    def __init__(self, path: Path, db: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.db = db
        self.readonly = readonly

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, show: Show) -> ShowFile:
        """Make a new show file; refuses to overwrite anything already at ``path``."""
        target = Path(path)
        if target.exists():
            raise ShowFileError(f"{target}: a file already exists there; it was left untouched")
        if not target.parent.exists():
            raise ShowFileError(f"{target}: the folder {target.parent} does not exist")
        tmp = target.with_name(f".{target.name}.creating")
        tmp.unlink(missing_ok=True)
        try:
            db = _connect(tmp, readonly=False)
            _configure(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _migrate(db, 0)
            file = cls(tmp, db, readonly=False)
            file.save_show(show)
            db.close()
            os.replace(tmp, target)  # the file appears whole or not at all
        except sqlite3.Error as exc:
            tmp.unlink(missing_ok=True)
            raise ShowFileError(f"{target}: cannot create the show file ({exc})") from None
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ShowFileError(f"{target}: cannot create the show file ({exc.strerror})") from None
        return cls.open(target)

    @classmethod
    def open(cls, path: str | os.PathLike, *, readonly: bool = False) -> ShowFile:
        target = Path(path)
        _check_header(target)
        try:
            db = _connect(target, readonly=readonly)
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ShowFileError(f"{target}: {_describe(exc)}") from None
        except UnicodeDecodeError:  # a damaged header can claim another text encoding
            raise ShowFileError(f"{target}: the file is damaged (unreadable text)") from None
        if app_id != APPLICATION_ID:
            db.close()
            raise ShowFileError(f"{target}: this SQLite database is not a moderator show file")
        if version > SCHEMA_VERSION:
            db.close()
            raise ShowFileError(
                f"{target}: made by a newer version of the console (schema {version}, "
                f"this one reads up to {SCHEMA_VERSION}); it was left untouched"
            )
        if not readonly:
            try:
                _configure(db)  # only now: a foreign file must not be switched to WAL
            except sqlite3.DatabaseError as exc:  # damage past the header shows up here
                db.close()
                raise ShowFileError(f"{target}: {_describe(exc)}") from None
        if version < SCHEMA_VERSION:
            if readonly:
                db.close()
                raise ShowFileError(f"{target}: needs upgrading and was opened read-only")
            _backup_before_migration(db, target, version)
            try:
                _migrate(db, version)
            except sqlite3.Error as exc:
                db.close()
                raise ShowFileError(
                    f"{target}: upgrade failed ({exc}); a backup was kept"
                ) from None
        return cls(target, db, readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ShowFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- show and run sheet ------------------------------------------------------------
    def load_show(self) -> Show:
        try:
            row = self.db.execute("SELECT data FROM show WHERE id = 1").fetchone()
            if row is None:
                raise ShowFileError(f"{self.path}: the show record is missing")
            header = json.loads(row[0])
            segs = [
                json.loads(r[0])
                for r in self.db.execute("SELECT data FROM segments ORDER BY position")
            ]
            return Show.from_dict({**header, "segments": segs})
        except (
            sqlite3.DatabaseError,
            json.JSONDecodeError,
            RunSheetError,
            KeyError,
            TypeError,
            ValueError,
            AttributeError,
        ) as exc:
            # Hand-edited or damaged JSON can fail deep inside from_dict; name the file.
            raise ShowFileError(f"{self.path}: the show record is damaged ({exc!r})") from None

    def save_show(self, show: Show, *, journal: Iterable[Action] = ()) -> list[Action]:
        """Replace the show header and run sheet, journaling ``journal`` in the same commit."""
        self._writable()
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO show (id, data) VALUES (1, ?)",
                (json.dumps(show.header_dict(), ensure_ascii=False),),
            )
            self._write_segments(show.segments)
            return [self._insert(a) for a in journal]

    def _write_segments(self, segments: list[Segment]) -> None:
        self.db.execute("DELETE FROM segments")
        self.db.executemany(
            "INSERT INTO segments (position, id, data) VALUES (?, ?, ?)",
            [
                (i, s.id, json.dumps(s.to_dict(), ensure_ascii=False))
                for i, s in enumerate(segments)
            ],
        )

    # -- journal -------------------------------------------------------------------------
    def append(self, action: Action) -> Action:
        """Commit one action; returns it with its journal sequence number."""
        self._writable()
        with self._transaction():
            return self._insert(action)

    def append_many(
        self,
        actions: Iterable[Action],
        *,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> list[Action]:
        """Commit actions, and ``also``'s writes to a feature's tables, in one transaction."""
        self._writable()
        with self._transaction():
            if also is not None:
                also(self.db)
            return [self._insert(a) for a in actions]

    def append_checked(
        self, since_seq: int, check: Callable[[list[Action]], list[Action]]
    ) -> list[Action]:
        """Commit the actions ``check`` returns, validated against the journal at commit.

        One write transaction: BEGIN IMMEDIATE (waiting for another writer as long as
        ``wait_for_lock`` says), read what others appended after ``since_seq``, hand it to
        ``check`` (which folds it, validates and builds the actions, or raises to write
        nothing), insert, commit.
        Nobody can append between the validation and the commit, so an undo undoes what
        it says it undoes. Returns the entries read, then ours with their numbers.
        """
        self._writable()
        with self._transaction():
            fresh = self.actions(since_seq)
            return fresh + [self._insert(a) for a in check(fresh)]

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for another writer's transaction before giving up
        (``_connect`` sets 2 s, right for the console, which keeps what it cannot write)."""
        self.db.execute(f"PRAGMA busy_timeout = {max(int(seconds * 1000), 0)}")

    def _insert(self, action: Action) -> Action:
        cur = self.db.execute(
            "INSERT INTO journal (at_us, type, payload) VALUES (?, ?, ?)",
            (action.at_us, action.type, json.dumps(action.payload, ensure_ascii=False)),
        )
        return Action(action.type, action.at_us, action.payload, cur.lastrowid)

    def actions(self, since_seq: int = 0, types: tuple[str, ...] = ()) -> list[Action]:
        """Journal entries after ``since_seq``, all of them or only of ``types`` (indexed)."""
        query = "SELECT seq, at_us, type, payload FROM journal WHERE seq > ?"
        params: list[object] = [since_seq]
        if types:
            query += f" AND type IN ({','.join('?' * len(types))})"
            params.extend(types)
        try:
            rows = self.db.execute(query + " ORDER BY seq", params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise ShowFileError(f"{self.path}: the journal is damaged ({_describe(exc)})") from None
        except UnicodeDecodeError:
            raise ShowFileError(f"{self.path}: the journal is damaged (unreadable text)") from None
        return [self._row_action(*row) for row in rows]

    def _row_action(self, seq: object, at: object, kind: object, payload: object) -> Action:
        """One journal row, checked: a damaged row is refused by name, never half-read."""
        try:
            data = json.loads(payload) if isinstance(payload, str) else None
        except ValueError:
            data = None
        if not (
            isinstance(seq, int)
            and isinstance(at, int)
            and isinstance(kind, str)
            and isinstance(data, dict)
        ):
            raise ShowFileError(f"{self.path}: journal entry {seq} is damaged")
        return Action(kind, at, data, seq)

    def data_version(self) -> int:
        """Changes when another connection commits; cheap enough to poll often."""
        try:
            return self.db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ShowFileError(f"{self.path}: {_describe(exc)}") from None

    def backup_to(self, path: str | os.PathLike) -> None:
        """Save a consistent copy ("save as") with SQLite's backup API."""
        target = Path(path)
        tmp = target.with_name(f".{target.name}.saving")
        try:
            dest = sqlite3.connect(tmp)
            with dest:
                self.db.backup(dest)
            dest.close()
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise ShowFileError(f"{target}: cannot save a copy ({exc})") from None

    # -- helpers ---------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.readonly:
            raise ShowFileError(f"{self.path}: opened read-only")

    def _transaction(self) -> _Transaction:
        return _Transaction(self)


class _Transaction:
    def __init__(self, file: ShowFile) -> None:
        self.file = file

    def __enter__(self) -> None:
        try:
            self.file.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise ShowFileError(f"{self.file.path}: {_describe(exc)}") from None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> bool:
        db = self.file.db
        if exc_type is None:
            try:
                db.execute("COMMIT")
            except sqlite3.Error as err:
                db.execute("ROLLBACK")
                raise ShowFileError(f"{self.file.path}: {_describe(err)}") from None
            return False
        if db.in_transaction:
            db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise ShowFileError(f"{self.file.path}: {_describe(exc)}") from None
        return False


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=2.0,
        )
    else:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=2.0)
    return db


def _configure(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ShowFileError(f"{path}: no such show file")
    if path.is_dir():
        raise ShowFileError(f"{path}: is a folder, not a show file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ShowFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if head != SQLITE_MAGIC:
        raise ShowFileError(f"{path}: not a show file (it is not an SQLite database)")


def _describe(exc: sqlite3.Error) -> str:
    text = " ".join(str(exc).split())  # a damaged schema is quoted with its line breaks
    if "locked" in text or "busy" in text:
        return "the file is locked by another program; close it there and try again"
    if "malformed" in text or "not a database" in text or "disk image" in text:
        return "the file is damaged (SQLite reports: " + text + ")"
    if "readonly" in text or "read-only" in text:
        return "the file cannot be written (read-only file, folder or disk)"
    if "disk is full" in text or "full" in text:
        return "the disk is full"
    return text


def _migrate(db: sqlite3.Connection, version: int) -> None:
    for number in range(version + 1, len(MIGRATIONS) + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise


def _backup_before_migration(db: sqlite3.Connection, path: Path, version: int) -> Path:
    backup = path.with_name(f"{path.name}.v{version}.bak")
    dest = sqlite3.connect(backup)
    with dest:
        db.backup(dest)
    dest.close()
    return backup
