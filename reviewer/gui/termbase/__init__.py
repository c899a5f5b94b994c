"""The termbase editor window, in parts.

- :mod:`.editor`: the window shell (search list, menus, the undoable edits);
- :mod:`.concept_pane`: the form and the English terms table of the concept shown;
- :mod:`.commands`: the undo command every edit goes through;
- :mod:`.files`: saving, and importing a glossary (the merge rules are in
  :func:`reviewer.core.termbase.edit.import_concepts`).

The rules of an edit live in :mod:`reviewer.core.termbase.edit`; these modules ask,
show and undo. ``from reviewer.gui.termbase_editor import TermbaseEditor`` still works.
"""
