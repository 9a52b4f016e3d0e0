"""The show file: one SQLite database holding the show, its run sheet and its journal.

SQLite as an application file format: every change is one committed transaction (WAL,
synchronous=FULL), so a crash or a kill loses nothing that the screen has shown.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from moderator_app.core.actions import Action
from moderator_app.core.refusal import Refusal
from moderator_app.core.runsheet import RunSheetError, Segment, Show

APPLICATION_ID = 0x4D4F4431  # "MOD1": tells our files from any other SQLite database
SQLITE_MAGIC = b"SQLite format 3\x00"
FILE_SUFFIX = ".show"


# What kind of trouble a ShowFileError reports, for those that react to it (the console's
# banner, the session's retry): a full disk, a file/folder/disk that cannot be written, a
# lock held elsewhere, a damaged file, or a failing disk.
FULL = "full"
READONLY = "readonly"
LOCKED = "locked"
DAMAGED = "damaged"
IO_ERROR = "io"


class ShowFileError(Refusal):
    """A show file that cannot be used; the message names the file and the problem (a
    template and its values, so the console's banner says it in its language).

    ``kind`` is one of the constants above when the cause is known, else None.
    """

    def __init__(self, template: str, *values: object, kind: str | None = None) -> None:
        super().__init__(template, *values)
        self.kind = kind


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


def _shares(db: sqlite3.Connection) -> None:
    # The network links' secret token per role (app/sharing.py): kept with the show so
    # links printed or shown as QR codes stay valid across restarts until regenerated.
    run_script(
        db,
        """
        CREATE TABLE shares (
            role TEXT PRIMARY KEY,
            token TEXT NOT NULL,
            created_us INTEGER
        );
        """,
    )


def _remote(db: sqlite3.Connection) -> None:
    # The remote links (app/remote_keys.py): per link a random broker channel and an
    # AES-256 key, kept with the show so links sent to speakers stay valid across restarts
    # until revoked; and the show's topic root and last broker URL (never a password).
    run_script(
        db,
        """
        CREATE TABLE remote_links (
            id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL,
            key TEXT NOT NULL,
            created_us INTEGER
        );
        CREATE TABLE remote_settings (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


# Migration N brings a file from user_version N-1 to N. Add new ones at the end.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _schema_v1, _questions, _shares, _remote,
]
SCHEMA_VERSION = len(MIGRATIONS)


class ShowFile:
    """An open show file. Use ``create`` or ``open``; close it when done."""

    def __init__(self, path: Path, db: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.db = db
        self.readonly = readonly
        # Opened for writing, but the file, its folder or its disk refuses writes (SQLite
        # then opens read-only without saying so); why, or None when writes can be tried.
        self.unwritable: ShowFileError | None = None

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, show: Show) -> ShowFile:
        """Make a new show file; refuses to overwrite anything already at ``path``."""
        target = Path(path)
        if target.exists():
            raise ShowFileError("{0}: a file already exists there; it was left untouched", target)
        if not target.parent.exists():
            raise ShowFileError("{0}: the folder {1} does not exist", target, target.parent)
        tmp = target.with_name(f".{target.name}.creating")
        tmp.unlink(missing_ok=True)
        try:
            db = _connect(tmp, "create")
            _configure(db)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _migrate(db, 0)
            file = cls(tmp, db, readonly=False)
            file.save_show(show)
            db.close()
            os.replace(tmp, target)  # the file appears whole or not at all
        except sqlite3.Error as exc:
            tmp.unlink(missing_ok=True)
            raise ShowFileError("{0}: cannot create the show file ({1})", target, exc) from None
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ShowFileError(
                "{0}: cannot create the show file ({1})", target, exc.strerror
            ) from None
        return cls.open(target)

    @classmethod
    def open(cls, path: str | os.PathLike, *, readonly: bool = False) -> ShowFile:
        """Open a show file; ``readonly`` for a follower or a command that only reads.

        A writing open of a file that cannot be written (read-only file, folder or disk)
        still opens it, for reading, with ``unwritable`` saying why: what only reads works,
        and a write fails with a clear error until ``reopen`` finds the file writable.
        """
        target = Path(path)
        _check_header(target)
        db, app_id, version, unwritable = _open_connection(target, readonly=readonly)
        if app_id != APPLICATION_ID:
            db.close()
            raise ShowFileError("{0}: this SQLite database is not a moderator show file", target)
        if version > SCHEMA_VERSION:
            db.close()
            raise ShowFileError(
                "{0}: made by a newer version of the console (schema {1}, this one reads up "
                "to {2}); it was left untouched",
                target,
                version,
                SCHEMA_VERSION,
            )
        if not readonly and unwritable is None:
            try:
                _configure(db)  # only now: a foreign file must not be switched to WAL
            except sqlite3.DatabaseError as exc:  # damage past the header shows up here
                db.close()
                raise _failed(target, exc) from None
            except UnicodeDecodeError:  # a damaged schema's text: SQLite hands it back raw
                db.close()
                raise ShowFileError("{0}: the file is damaged (unreadable text)", target) from None
        if version < SCHEMA_VERSION:
            if readonly or unwritable is not None:
                db.close()
                raise ShowFileError(
                    "{0}: made by an older version of the console, needs upgrading and was "
                    "opened read-only; open it once where it can be written"
                    if readonly
                    else "{0}: made by an older version of the console, needs upgrading and "
                    "cannot be written; open it once where it can be written",
                    target,
                    kind=READONLY,
                )
            _backup_before_migration(db, target, version)
            try:
                _migrate(db, version)
            except sqlite3.Error as exc:
                db.close()
                raise ShowFileError(
                    "{0}: upgrade failed ({1}); a backup was kept", target, exc
                ) from None
        file = cls(target, db, readonly)
        file.unwritable = unwritable
        return file

    def reopen(self) -> bool:
        """Open a fresh connection for writing (the file may have been made writable since).

        SQLite keeps a connection it opened read-only read-only for good, so fixing the
        file's permissions or remounting its disk only helps a new connection. Returns
        whether the file can be written now; raises ShowFileError if it cannot be opened.
        """
        _check_header(self.path)
        db, app_id, _version, unwritable = _open_connection(self.path, readonly=self.readonly)
        if app_id != APPLICATION_ID:
            db.close()
            raise ShowFileError(
                "{0}: this SQLite database is not a moderator show file", self.path
            )
        if unwritable is None and not self.readonly:
            try:
                _configure(db)
            except sqlite3.DatabaseError as exc:
                db.close()
                raise _error(self.path, exc) from None
        old, self.db, self.unwritable = self.db, db, unwritable
        try:
            old.close()
        except sqlite3.Error:
            pass  # the old connection's last checkpoint can fail on a sick disk: harmless
        return unwritable is None

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
                raise ShowFileError("{0}: the show record is missing", self.path)
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
            raise ShowFileError(
                "{0}: the show record is damaged ({1!r})", self.path, exc
            ) from None

    def save_show(
        self,
        show: Show,
        *,
        journal: Iterable[Action] = (),
        guard: Callable[[], None] | None = None,
    ) -> list[Action]:
        """Replace the show header and run sheet, journaling ``journal`` in the same commit.

        ``guard`` runs inside the write transaction, before anything is written: it raises
        to write nothing (another writer changed the run sheet since it was read)."""
        self._writable()
        with self._transaction():
            if guard is not None:
                guard()
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
            raise ShowFileError(
                "{0}: the journal is damaged ({1})", self.path, _describe(exc)
            ) from None
        except UnicodeDecodeError:
            raise ShowFileError(
                "{0}: the journal is damaged (unreadable text)", self.path
            ) from None
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
            raise ShowFileError("{0}: journal entry {1} is damaged", self.path, seq)
        return Action(kind, at, data, seq)

    def data_version(self) -> int:
        """Changes when another connection commits; cheap enough to poll often."""
        try:
            return self.db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _failed(self.path, exc) from None

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
            raise ShowFileError("{0}: cannot save a copy ({1})", target, exc) from None

    # -- helpers ---------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.readonly:
            raise ShowFileError("{0}: opened read-only", self.path)
        if self.unwritable is not None:  # known since it was opened: no need to try
            raise _write_failure(self.path, self.unwritable.kind, str(self.unwritable))

    def _transaction(self) -> _Transaction:
        return _Transaction(self)


class _Transaction:
    def __init__(self, file: ShowFile) -> None:
        self.file = file

    def __enter__(self) -> None:
        try:
            self.file.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _error(self.file.path, exc, write=True) from None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> bool:
        db = self.file.db
        if exc_type is None:
            try:
                db.execute("COMMIT")
            except sqlite3.Error as err:
                _rollback(db)
                raise _error(self.file.path, err, write=True) from None
            return False
        _rollback(db)
        if isinstance(exc, sqlite3.Error):
            raise _error(self.file.path, exc, write=True) from None
        return False


def _rollback(db: sqlite3.Connection) -> None:
    """Undo a failed transaction, if SQLite has not already done so itself.

    On a full disk or an I/O error SQLite rolls the whole transaction back on its own; an
    unconditional ROLLBACK would then raise "no transaction is active" and hide the real
    error from the caller (who must learn that nothing was saved).
    """
    if not db.in_transaction:
        return
    try:
        db.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # the transaction is gone either way; the original error is what matters


def _open_connection(
    path: Path, *, readonly: bool
) -> tuple[sqlite3.Connection, int, int, ShowFileError | None]:
    """A connection, the file's application id and schema version, and why it cannot be
    written (None if it can, or was not asked to be).

    Tries, in order: read-write (unless ``readonly``), read-only, then immutable. A WAL
    file needs its -shm beside it even to be read: in a folder that cannot be written,
    only ``immutable=1`` reads it (nobody can write it there either).
    """
    modes = ["ro", "immutable"] if readonly else ["rw", "ro", "immutable"]
    first: sqlite3.Error | None = None
    for mode in modes:
        db: sqlite3.Connection | None = None
        try:
            db = _connect(path, mode)
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            first = first or exc
            if _kind(path, exc) in (READONLY, FULL) or _code(exc) == sqlite3.SQLITE_CANTOPEN:
                continue  # the folder or disk refuses the -wal/-shm: try reading only
            raise _failed(path, exc, path, _kind(path, exc)) from None
        except UnicodeDecodeError:  # a damaged header can claim another text encoding
            if db is not None:
                db.close()
            raise ShowFileError(
                "{0}: the file is damaged (unreadable text)", path
            ) from None
        unwritable = None
        if not readonly and (mode != "rw" or not _can_write(path)):
            kind = (_kind(path, first) if first is not None else None) or READONLY
            if kind not in (FULL, READONLY):
                kind = READONLY
            unwritable = _unusable(path, kind, kind)
        return db, app_id, version, unwritable
    assert first is not None
    raise _failed(path, first, path, _kind(path, first)) from None


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """``create`` a new file, or open one ``rw``, ``ro`` or ``immutable``; only ``create``
    makes a file: a show moved away while open must not come back as an empty database."""
    if mode == "create":
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=2.0)
    query = {"rw": "mode=rw", "ro": "mode=ro"}.get(mode, "mode=ro&immutable=1")
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?{query}",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        timeout=2.0,
    )


def _can_write(path: Path) -> bool:
    """Whether the file and its folder (where SQLite makes the -wal and -shm) take writes.

    SQLite opens a file it may not write read-only without a word, so ask the system;
    os.access also sees a read-only mount, even for root.
    """
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _configure(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def _check_header(path: Path) -> None:
    if not path.exists():
        raise ShowFileError("{0}: no such show file", path)
    if path.is_dir():
        raise ShowFileError("{0}: is a folder, not a show file", path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ShowFileError("{0}: cannot be read ({1})", path, exc.strerror) from None
    if head != SQLITE_MAGIC:
        raise ShowFileError("{0}: not a show file (it is not an SQLite database)", path)


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # the primary result code


# A disk with less than this free is taken as full when SQLite only says "disk I/O error"
# (a write refused for lack of space can surface as an I/O error, e.g. from a checkpoint).
NEARLY_FULL_BYTES = 64 * 1024


def _kind(path: Path | None, exc: sqlite3.Error) -> str | None:
    """What went wrong, from SQLite's result code, and from the disk when SQLite is vague."""
    code = _code(exc)
    text = str(exc).lower()
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return LOCKED
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
        return DAMAGED
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return FULL
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return READONLY
    if path is None:
        return IO_ERROR if code == sqlite3.SQLITE_IOERR else None
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) or "disk i/o" in text:
        folder = path.parent
        try:
            if shutil.disk_usage(folder).free < NEARLY_FULL_BYTES:
                return FULL
        except OSError:
            pass
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            return READONLY
        return IO_ERROR if code == sqlite3.SQLITE_IOERR else None
    return None


def _describe_kind(kind: str | None) -> str:
    return {
        FULL: "the disk is full; free some space on it",
        READONLY: "the file cannot be written (read-only file, folder or disk); make it "
        "writable",
        LOCKED: "the file is locked by another program; close it there and try again",
        IO_ERROR: "the disk reported an error while writing (disk I/O error); check the disk "
        "or copy the show elsewhere",
    }.get(kind or "", "")


def _describe(exc: sqlite3.Error, path: Path | None = None) -> str:
    """One line: what happened and what to do."""
    text = " ".join(str(exc).split())  # a damaged schema is quoted with its line breaks
    kind = _kind(path, exc)
    if kind == DAMAGED or "not a database" in text or "disk image" in text:
        return "the file is damaged (SQLite reports: " + text + ")"
    if kind == IO_ERROR and path is None:
        return text
    return _describe_kind(kind) or text


def _error(path: Path, exc: sqlite3.Error, *, write: bool = False) -> ShowFileError:
    """The ShowFileError for ``exc``; a failed write says that nothing of it was saved."""
    kind = _kind(path, exc)
    if not write:
        return _failed(path, exc, path, kind)
    return _write_failure(path, kind, " ".join(str(exc).split()))


def _failed(
    path: Path, exc: sqlite3.Error, probe: Path | None = None, kind: str | None = None
) -> ShowFileError:
    """``path: _describe(exc, probe)`` as a refusal of whole sentences, of ``kind``."""
    text = " ".join(str(exc).split())
    found = _kind(probe, exc)
    if found == DAMAGED or "not a database" in text or "disk image" in text:
        return ShowFileError(
            "{0}: the file is damaged (SQLite reports: {1})", path, text, kind=kind
        )
    if found == IO_ERROR and probe is None:
        return ShowFileError("{0}: {1}", path, text, kind=kind)
    if found in (FULL, READONLY, LOCKED, IO_ERROR):
        return _unusable(path, found, kind)
    return ShowFileError("{0}: {1}", path, text, kind=kind)


def _unusable(path: Path, found: str, kind: str | None) -> ShowFileError:
    """``path: _describe_kind(found)`` as one whole sentence."""
    if found == FULL:
        return ShowFileError("{0}: the disk is full; free some space on it", path, kind=kind)
    if found == READONLY:
        return ShowFileError(
            "{0}: the file cannot be written (read-only file, folder or disk); make it "
            "writable",
            path,
            kind=kind,
        )
    if found == LOCKED:
        return ShowFileError(
            "{0}: the file is locked by another program; close it there and try again",
            path,
            kind=kind,
        )
    return ShowFileError(
        "{0}: the disk reported an error while writing (disk I/O error); check the disk or "
        "copy the show elsewhere",
        path,
        kind=kind,
    )


def _write_failure(path: Path, kind: str | None, detail: str) -> ShowFileError:
    """A write that failed, in one whole sentence: what happened, that nothing of it was
    saved, what to do."""
    if kind == FULL:
        return ShowFileError(
            "{0}: the disk is full -- the change was NOT saved; free some space and try again",
            path,
            kind=kind,
        )
    if kind == READONLY:
        return ShowFileError(
            "{0}: the file cannot be written (read-only file, folder or disk) -- the change "
            "was NOT saved; make it writable and try again",
            path,
            kind=kind,
        )
    if kind == LOCKED:
        return ShowFileError(
            "{0}: the file is locked by another program -- the change was NOT saved; close "
            "it there and try again",
            path,
            kind=kind,
        )
    if kind == IO_ERROR:
        return ShowFileError(
            "{0}: the disk reported an error while writing (disk I/O error) -- the change "
            "was NOT saved; check the disk, or copy the show elsewhere",
            path,
            kind=kind,
        )
    return ShowFileError(
        "{0}: {1} -- the change was NOT saved; try again", path, detail, kind=kind
    )


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
