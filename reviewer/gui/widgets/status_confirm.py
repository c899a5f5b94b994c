"""Asking before a rendering the termbase rejects becomes acceptable.

Making a deprecated, superseded or forbidden rendering preferred or admitted changes what
every review with the termbase flags, so the termbase editor and "add to termbase from a
finding" ask first. The question names the concept, and No is the default: one Enter
never makes a known MT error acceptable.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer.core.termbase import Concept, Status
from reviewer.core.text import term_key
from reviewer.gui.i18n import N_, tr

#: Status names, marked for translation.
STATUS_NAMES = {
    Status.PREFERRED: N_("preferred"),
    Status.ADMITTED: N_("admitted"),
    Status.DEPRECATED: N_("deprecated"),
    Status.SUPERSEDED: N_("superseded"),
    Status.FORBIDDEN: N_("forbidden"),
}


def held_status(concept: Concept, text: str) -> Status | None:
    """The status ``concept`` gives an English rendering equal to ``text`` (compared as a term
    key), or ``None`` when it has none; a non-acceptable one wins over an acceptable one."""
    key = term_key(text)
    found = [t.status for t in concept.en if term_key(t.text) == key]
    return next((s for s in found if not s.acceptable), found[0] if found else None)


def needs_confirmation(old: Status | None, new: Status) -> bool:
    """True when ``new`` makes a rendering acceptable that is held as non-acceptable now."""
    return old is not None and not old.acceptable and new.acceptable


def status_question(concept: Concept, text: str, old: Status, new: Status) -> str:
    """The question: the rendering, the concept (Chinese term, preferred rendering) and both statuses."""
    preferred = concept.preferred_text
    if new is Status.PREFERRED:
        ask = (
            tr("Make “{term}” the preferred rendering of {source} (instead of “{preferred}”, which becomes admitted)?")
            if preferred
            else tr("Make “{term}” the preferred rendering of {source}?")
        )
    else:
        ask = (
            tr("Make “{term}” an admitted rendering of {source} (preferred “{preferred}”)?")
            if preferred
            else tr("Make “{term}” an admitted rendering of {source}?")
        )
    now = tr("It is now {old}: texts that use it will no longer be flagged.")
    source = concept.source_term or concept.id
    return f"{ask.format(term=text, source=source, preferred=preferred)} {now.format(old=tr(STATUS_NAMES[old]))}"


def confirm_status(parent: QWidget | None, concept: Concept, text: str, old: Status | None, new: Status) -> bool:
    """True when the change from ``old`` to ``new`` may go ahead: it does not make a
    non-acceptable rendering acceptable, or the user said Yes (No is the default button)."""
    if old is None or not needs_confirmation(old, new):
        return True
    answer = QMessageBox.question(
        parent,
        tr("Change term status"),
        status_question(concept, text, old, new),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
