"""Projects: one SQLite file that holds a whole review and never loses work.

A project holds its documents (each with its original bytes, path and SHA-256, and its
segments as read or as regrouped), the post-edits, the segment states and comments,
the decisions on findings with their notes, the false-positive rules, the accepted
suggestions, the settings, and the paths of the termbases it uses.

Every change is written at once, in its own transaction, in WAL mode with
``synchronous=FULL``: when the process is killed, the machine loses power or the disk
fills up, every change that returned is on disk. While the reviewer types, the text
of the segment is also kept as a *draft* (:meth:`Project.save_draft`) a moment after
each keystroke; a draft left by a crash is put back the next time the project opens,
and :meth:`Project.load_into` says so.

The connection holds an exclusive lock for as long as the project is open, so a second
window or process gets a clear "in use" error instead of interleaving writes. A
read-only or locked file raises :class:`~reviewer.core.errors.OutputError`; the GUI
then offers Save As.

Schema versions: :data:`SCHEMA_VERSION` is written in the ``meta`` table; an older
project is upgraded by the functions in :data:`MIGRATIONS` when it opens, and a project
from a newer version of reviewer is refused. The JSON autosave files of earlier
versions (:meth:`reviewer.core.review.Review.save`) are imported by
:meth:`Project.import_review_json`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reviewer import __version__
from reviewer.core.checks import Severity
from reviewer.core.document import Document, InlineCode, Segment
from reviewer.core.errors import InputError, OutputError
from reviewer.core.review import AppliedCorrection, Decision, ManualError, Review, _finding_from_json, _finding_json

#: The schema this version of reviewer writes (1: the first; 2: findings fixed by hand and
#: manual errors, for the MQM scorecard).
SCHEMA_VERSION = 2

#: Suffix of project files.
PROJECT_SUFFIX = ".reviewer"

#: Segment states, after XLIFF 2.0 (``initial`` is not used: every segment has an MT).
STATES = ("translated", "reviewed", "final")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    key TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    source_path TEXT,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original BLOB,
    info TEXT NOT NULL
);
CREATE TABLE segments (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (document, id)
);
CREATE TABLE corrections (document TEXT NOT NULL, segment TEXT NOT NULL, text TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (document, segment));
CREATE TABLE drafts (document TEXT NOT NULL, segment TEXT NOT NULL, text TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (document, segment));
CREATE TABLE segment_states (document TEXT NOT NULL, segment TEXT NOT NULL, state TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', PRIMARY KEY (document, segment));
CREATE TABLE decisions (finding TEXT PRIMARY KEY, decision TEXT NOT NULL);
CREATE TABLE notes (finding TEXT PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE false_positives (rule TEXT PRIMARY KEY);
CREATE TABLE applied (position INTEGER PRIMARY KEY, finding TEXT NOT NULL, replaced TEXT NOT NULL, replacement TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE termbases (position INTEGER PRIMARY KEY, path TEXT NOT NULL);
CREATE TABLE fixed (finding TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE manual_errors (position INTEGER PRIMARY KEY, data TEXT NOT NULL);
"""

def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Schema 2 keeps findings fixed by hand and manual errors (the MQM scorecard)."""
    conn.execute("CREATE TABLE fixed (finding TEXT PRIMARY KEY, data TEXT NOT NULL)")
    conn.execute("CREATE TABLE manual_errors (position INTEGER PRIMARY KEY, data TEXT NOT NULL)")


#: ``MIGRATIONS[n]`` upgrades a project from schema ``n`` to ``n + 1`` inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _code_json(c: InlineCode) -> list[Any]:
    return [c.offset, c.kind, c.tag, c.id, c.xml]


def _segment_json(s: Segment) -> str:
    return json.dumps(
        {
            "paragraph": s.paragraph, "target": s.target, "source": s.source, "start": s.start, "end": s.end,
            "unit": s.unit, "state": s.state, "notes": list(s.notes),
            "codes": [_code_json(c) for c in s.codes], "source_codes": [_code_json(c) for c in s.source_codes],
        },
        ensure_ascii=False,
    )


def _segment_from(seg_id: str, data: str) -> Segment:
    d = json.loads(data)
    return Segment(
        seg_id, int(d["paragraph"]), d["target"], d.get("source"), int(d.get("start", 0)), int(d.get("end", 0)),
        d.get("unit", ""), d.get("state", ""), tuple(d.get("notes", ())),
        tuple(InlineCode(*c) for c in d.get("codes", ())), tuple(InlineCode(*c) for c in d.get("source_codes", ())),
    )


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; call :meth:`close` at the end.

    Raises (from every writing method):
        OutputError: the file cannot be written (read-only, locked, disk full); the
            change is not recorded and the message says why.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    # -- opening ---------------------------------------------------------------

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            # opened in a worker thread, then used on the GUI thread only: never two at once
            conn = sqlite3.connect(str(path), timeout=0.2, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("BEGIN IMMEDIATE")  # takes the exclusive lock now: a second user fails here
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise _output_error(path, exc) from None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise InputError(path, f"this is not a reviewer project ({_one_line(exc)})") from None
        return conn

    @classmethod
    def create(cls, path: str | Path, documents: Sequence[Document], termbase_paths: Sequence[Path] = ()) -> Project:
        """Create a new project at ``path`` holding ``documents``.

        Raises:
            OutputError: ``path`` exists already, or cannot be written.
        """
        p = Path(path)
        if p.exists():
            raise OutputError(p, "a file of that name exists already; choose another name or delete it first")
        conn = cls._connect(p)
        project = cls(p, conn)
        with project._transaction():
            for statement in _SCHEMA.split(";"):  # executescript would commit the transaction
                if statement.strip():
                    conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("schema_version", str(SCHEMA_VERSION)), ("created", _now()), ("created_by", f"reviewer {__version__}"), ("project_id", uuid.uuid4().hex)],
            )
            for position, doc in enumerate(documents):
                project._insert_document(position, doc)
            conn.executemany("INSERT INTO termbases VALUES (?, ?)", list(enumerate(str(t) for t in termbase_paths)))
        return project

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open an existing project, upgrading an older schema.

        Raises:
            InputError: not a project, or written by a newer reviewer.
            OutputError: locked by another window or process, or read-only.
        """
        p = Path(path)
        if not p.is_file():
            raise InputError(p, "no such project file")
        _check_is_project(p)  # before anything is written to the file (WAL mode, a lock)
        conn = cls._connect(p)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            conn.close()
            raise InputError(p, "this is not a reviewer project") from None
        version = int(row[0]) if row and str(row[0]).isdigit() else 0
        if version > SCHEMA_VERSION:
            conn.close()
            raise InputError(p, f"the project was written by a newer reviewer (schema {version}; this version reads up to {SCHEMA_VERSION}); update reviewer")
        if version < 1:
            conn.close()
            raise InputError(p, "this is not a reviewer project")
        project = cls(p, conn)
        while version < SCHEMA_VERSION:
            with project._transaction():
                MIGRATIONS[version](conn)
                version += 1
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
        return project

    @property
    def project_id(self) -> str:
        """The project's own id (a UUID, made once), written into its review workbooks so that
        an edited workbook is imported only into the project it came from."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'project_id'").fetchone()
        if row is not None:
            return str(row[0])
        new = uuid.uuid4().hex  # a project made before ids existed gets one now
        with self._transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta VALUES ('project_id', ?)", (new,))
        return new

    def close(self) -> None:
        """Close the file (everything is saved already)."""
        try:
            self._conn.close()
        except sqlite3.Error:
            pass

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise _output_error(self.path, exc) from None

    # -- documents -------------------------------------------------------------

    def _insert_document(self, position: int, doc: Document) -> None:
        try:
            original: bytes | None = doc.path.read_bytes()
        except OSError:
            original = None
        info = {
            "metadata": doc.metadata, "encoding": doc.encoding, "source_lang": doc.source_lang,
            "target_lang": doc.target_lang, "warnings": doc.warnings,
        }
        cur = self._conn.execute(
            "INSERT INTO documents (position, key, path, source_path, format, sha256, original, info) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (position, Review.doc_key(doc), str(doc.path), str(doc.source_path) if doc.source_path else None, doc.format,
             _sha256(original or b""), original, json.dumps(info, ensure_ascii=False)),
        )
        self._write_segments(int(cur.lastrowid or 0), doc)

    def _write_segments(self, doc_id: int, doc: Document) -> None:
        self._conn.execute("DELETE FROM segments WHERE document = ?", (doc_id,))
        self._conn.executemany(
            "INSERT INTO segments VALUES (?, ?, ?, ?)", [(doc_id, i, s.id, _segment_json(s)) for i, s in enumerate(doc.segments)]
        )

    def documents(self) -> list[Document]:
        """The project's documents with their segments (as last regrouped), in order.

        Raises:
            InputError: the project file is damaged.
        """
        try:
            return self._documents()
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
            raise InputError(self.path, f"the project is damaged ({_one_line(exc)}); open a copy saved earlier") from None

    def _documents(self) -> list[Document]:
        docs = []
        for doc_id, path, source_path, fmt, info in self._conn.execute(
            "SELECT id, path, source_path, format, info FROM documents ORDER BY position"
        ).fetchall():
            meta = json.loads(info)
            segments = [_segment_from(sid, data) for sid, data in self._conn.execute(
                "SELECT id, data FROM segments WHERE document = ? ORDER BY position", (doc_id,)
            )]
            docs.append(Document(
                path=Path(path), segments=segments, metadata=meta.get("metadata", {}), encoding=meta.get("encoding", "utf-8"),
                format=fmt, source_lang=meta.get("source_lang", "zh-CN"), target_lang=meta.get("target_lang", "en"),
                warnings=list(meta.get("warnings", [])), source_path=Path(source_path) if source_path else None,
            ))
        return docs

    def original(self, doc_key: str) -> tuple[bytes | None, str]:
        """``(original bytes, their SHA-256)`` of a document as it was added to the project."""
        row = self._conn.execute("SELECT original, sha256 FROM documents WHERE key = ?", (doc_key,)).fetchone()
        if row is None:
            raise KeyError(doc_key)
        return row[0], row[1]

    def termbase_paths(self) -> list[Path]:
        """The termbases the project uses, highest priority first."""
        return [Path(p) for (p,) in self._conn.execute("SELECT path FROM termbases ORDER BY position")]

    def set_termbase_paths(self, paths: Sequence[Path]) -> None:
        """Replace the project's termbase list."""
        with self._transaction() as c:
            c.execute("DELETE FROM termbases")
            c.executemany("INSERT INTO termbases VALUES (?, ?)", list(enumerate(str(p) for p in paths)))

    # -- the review ------------------------------------------------------------

    def load_into(self, review: Review) -> list[str]:
        """Put the saved work into ``review`` (made from :meth:`documents`).

        Returns:
            Notes for the user: drafts recovered after a crash, and their segments.
        """
        c = self._conn
        review.corrected = {(d, s): t for d, s, t in c.execute("SELECT document, segment, text FROM corrections")}
        review.decisions = {k: Decision(v) for k, v in c.execute("SELECT finding, decision FROM decisions")}
        review.notes = dict(c.execute("SELECT finding, note FROM notes").fetchall())
        review.false_positives = {r for (r,) in c.execute("SELECT rule FROM false_positives")}
        review.applied = [
            AppliedCorrection(_finding_from_json(json.loads(f)), replaced, replacement, at)
            for f, replaced, replacement, at in c.execute("SELECT finding, replaced, replacement, at FROM applied ORDER BY position")
        ]
        review.fixed = {k: _finding_from_json(json.loads(data)) for k, data in c.execute("SELECT finding, data FROM fixed")}
        review.manual_errors = [ManualError(**json.loads(data)) for (data,) in c.execute("SELECT data FROM manual_errors ORDER BY position")]
        review.states = {(d, s): st for d, s, st, _ in c.execute("SELECT document, segment, state, comment FROM segment_states") if st != "translated"}
        review.comments = {(d, s): cm for d, s, _, cm in c.execute("SELECT document, segment, state, comment FROM segment_states") if cm}
        checks = self.setting("checks", "unset")
        if checks != "unset":  # the project's own choice of checks overrides the application's
            review.checks = [str(x) for x in checks] if isinstance(checks, list) else None
        severities = self.setting("severities")
        if isinstance(severities, dict):
            review.severities = {str(k): Severity(v) for k, v in severities.items() if v in {x.value for x in Severity}}
        notes: list[str] = []
        drafts = c.execute("SELECT document, segment, text FROM drafts").fetchall()
        recovered = []
        for d, s, text in drafts:
            try:
                if review.target(d, s) != text:
                    review.set_target(d, s, text)
                    recovered.append(s)
            except KeyError:
                continue
        if recovered:
            self._persist_corrections(review, [(d, s) for d, s, _ in drafts])
            notes.append(f"Recovered text typed just before reviewer stopped, in segment(s) {', '.join(recovered)}")
        return notes

    def _persist_corrections(self, review: Review, keys: Sequence[tuple[str, str]]) -> None:
        with self._transaction() as c:
            for d, s in keys:
                text = review.corrected.get((d, s))
                if text is None:
                    c.execute("DELETE FROM corrections WHERE document = ? AND segment = ?", (d, s))
                else:
                    c.execute("INSERT OR REPLACE INTO corrections VALUES (?, ?, ?, ?)", (d, s, text, _now()))
                c.execute("DELETE FROM drafts WHERE document = ? AND segment = ?", (d, s))

    def save_draft(self, doc_key: str, segment: str, text: str) -> None:
        """Keep what is being typed in a segment (replaced by the edit once it is made)."""
        with self._transaction() as c:
            c.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?, ?, ?)", (doc_key, segment, text, _now()))

    def record(self, review: Review, doc_key: str | None = None, segment: str | None = None) -> None:
        """Write one change of ``review`` in one transaction: the segment's post-edit, state and
        comment (when given), and the decisions, notes, false-positive rules and accepted
        suggestions (always; they are small)."""
        c = self._conn
        with self._transaction():
            if doc_key is not None and segment is not None:
                text = review.corrected.get((doc_key, segment))
                if text is None:
                    c.execute("DELETE FROM corrections WHERE document = ? AND segment = ?", (doc_key, segment))
                else:
                    c.execute("INSERT OR REPLACE INTO corrections VALUES (?, ?, ?, ?)", (doc_key, segment, text, _now()))
                c.execute("DELETE FROM drafts WHERE document = ? AND segment = ?", (doc_key, segment))
                self._write_state(review, doc_key, segment)
            self._write_review_tables(review)

    def _write_state(self, review: Review, doc_key: str, segment: str) -> None:
        state = review.states.get((doc_key, segment), "translated")
        comment = review.comments.get((doc_key, segment), "")
        if state == "translated" and not comment:
            self._conn.execute("DELETE FROM segment_states WHERE document = ? AND segment = ?", (doc_key, segment))
        else:
            self._conn.execute("INSERT OR REPLACE INTO segment_states VALUES (?, ?, ?, ?)", (doc_key, segment, state, comment))

    def _write_review_tables(self, review: Review) -> None:
        c = self._conn
        c.execute("DELETE FROM decisions")
        c.executemany("INSERT INTO decisions VALUES (?, ?)", [(k, v.value) for k, v in review.decisions.items()])
        c.execute("DELETE FROM notes")
        c.executemany("INSERT INTO notes VALUES (?, ?)", list(review.notes.items()))
        c.execute("DELETE FROM false_positives")
        c.executemany("INSERT INTO false_positives VALUES (?)", [(r,) for r in sorted(review.false_positives)])
        c.execute("DELETE FROM fixed")
        c.executemany("INSERT INTO fixed VALUES (?, ?)", [(k, json.dumps(_finding_json(f), ensure_ascii=False)) for k, f in review.fixed.items()])
        c.execute("DELETE FROM manual_errors")
        c.executemany("INSERT INTO manual_errors VALUES (?, ?)", [(i, json.dumps(dataclasses.asdict(e), ensure_ascii=False)) for i, e in enumerate(review.manual_errors)])
        c.execute("DELETE FROM applied")
        c.executemany(
            "INSERT INTO applied VALUES (?, ?, ?, ?, ?)",
            [(i, json.dumps(_finding_json(a.finding), ensure_ascii=False), a.replaced, a.replacement, a.at) for i, a in enumerate(review.applied)],
        )

    def record_segmentation(self, review: Review, doc_key: str) -> None:
        """Write a document's regrouped segments and all its post-edits, states and comments."""
        doc = review.document(doc_key)
        c = self._conn
        with self._transaction():
            row = c.execute("SELECT id FROM documents WHERE key = ?", (doc_key,)).fetchone()
            if row is None:
                raise KeyError(doc_key)
            self._write_segments(int(row[0]), doc)
            c.execute("DELETE FROM corrections WHERE document = ?", (doc_key,))
            c.executemany(
                "INSERT INTO corrections VALUES (?, ?, ?, ?)",
                [(d, s, t, _now()) for (d, s), t in review.corrected.items() if d == doc_key],
            )
            c.execute("DELETE FROM segment_states WHERE document = ?", (doc_key,))
            for seg in doc.segments:
                self._write_state(review, doc_key, seg.id)
            self._write_review_tables(review)

    def record_all(self, review: Review) -> None:
        """Write the whole review state (after an import or a restore)."""
        c = self._conn
        with self._transaction():
            c.execute("DELETE FROM corrections")
            c.executemany("INSERT INTO corrections VALUES (?, ?, ?, ?)", [(d, s, t, _now()) for (d, s), t in review.corrected.items()])
            c.execute("DELETE FROM segment_states")
            for d, s in set(review.states) | set(review.comments):
                self._write_state(review, d, s)
            self._write_review_tables(review)

    # -- settings --------------------------------------------------------------

    def query(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        """The rows of one read-only ``SELECT`` on the project's database (for inspection and
        tests: the window holds the file's only connection).

        Raises:
            ValueError: ``sql`` is not a single SELECT statement.
        """
        if not sql.lstrip().upper().startswith("SELECT") or ";" in sql.rstrip().rstrip(";"):
            raise ValueError("only a single SELECT statement can be run on a project")
        return list(self._conn.execute(sql, params).fetchall())

    def setting(self, key: str, default: Any = None) -> Any:
        """A project setting (JSON value), or ``default``."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a project setting (any JSON value)."""
        with self._transaction() as c:
            c.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False)))

    # -- copies and imports ----------------------------------------------------

    def save_as(self, path: str | Path) -> Project:
        """Copy the project to ``path`` (a consistent snapshot) and return the copy, open.
        This project is closed.

        Raises:
            OutputError: ``path`` exists or cannot be written.
        """
        p = Path(path)
        if p.exists():
            raise OutputError(p, "a file of that name exists already; choose another name or delete it first")
        try:
            target = sqlite3.connect(str(p))
            with target:
                self._conn.backup(target)
            target.close()
        except sqlite3.Error as exc:
            raise _output_error(p, exc) from None
        self.close()
        return Project.open(p)

    def import_review_json(self, review: Review, path: Path) -> list[str]:
        """Take over a JSON autosave of an earlier reviewer (see :meth:`Review.restore`) and
        record it in the project.

        Returns:
            The warnings of :meth:`Review.restore`.
        """
        warnings = review.restore(path)
        self.record_all(review)
        for doc in review.documents:
            if doc.segments != self.document_segments(review.doc_key(doc)):
                self.record_segmentation(review, review.doc_key(doc))
        return warnings

    def document_segments(self, doc_key: str) -> list[Segment]:
        """The stored segments of one document."""
        row = self._conn.execute("SELECT id FROM documents WHERE key = ?", (doc_key,)).fetchone()
        if row is None:
            raise KeyError(doc_key)
        return [_segment_from(sid, data) for sid, data in self._conn.execute("SELECT id, data FROM segments WHERE document = ? ORDER BY position", (row[0],))]


_SQLITE_HEADER = b"SQLite format 3\x00"


def _one_line(exc: BaseException) -> str:
    """An error's message on one line, whatever bytes SQLite put in it."""
    try:
        text = str(exc)
    except UnicodeDecodeError:  # pragma: no cover - str() of an sqlite3 error decodes lazily
        text = type(exc).__name__
    return " ".join(text.split())[:200]


def _check_is_project(path: Path) -> None:
    """Refuse a file that is not a reviewer project without writing anything to it.

    Raises:
        InputError: not an SQLite file, damaged, or an SQLite file of another program.
    """
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise InputError(path, f"cannot read the project ({exc.strerror or exc})") from None
    if header != _SQLITE_HEADER:
        raise InputError(path, "this is not a reviewer project (not an SQLite file)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error as exc:
        raise InputError(path, f"this is not a reviewer project ({_one_line(exc)})") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            raise InputError(path, "this is not a reviewer project (an SQLite file of another program)")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else 0
        if version > SCHEMA_VERSION:
            raise InputError(path, f"the project was written by a newer reviewer (schema {version}; this version reads up to {SCHEMA_VERSION}); update reviewer")
        if version < 1:
            raise InputError(path, "this is not a reviewer project (no schema version)")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower():
            raise _output_error(path, exc) from None
        raise InputError(path, f"the project is damaged ({_one_line(exc)})") from None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise InputError(path, f"the project is damaged ({_one_line(exc)})") from None
    finally:
        conn.close()


def _output_error(path: Path, exc: sqlite3.Error) -> OutputError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return OutputError(path, "the project is open in another reviewer window or process; close it there, or save a copy with Save As")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return OutputError(path, "the project file cannot be written (read-only, or its folder is); save a copy with Save As")
    if "full" in text:
        return OutputError(path, "the disk is full: the last change was not saved; free some space (it is kept in the window) and try again")
    return OutputError(path, f"cannot write the project ({exc})")
