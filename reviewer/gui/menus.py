"""The review window's menus and their actions, and the keyboard-shortcut sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from reviewer.gui.actions import add_edit_menu, make_action
from reviewer.gui.i18n import tr
from reviewer.gui.widgets.shortcuts_dialog import ShortcutsDialog, apply_shortcuts

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow


def build_menus(w: MainWindow) -> None:
    """Fill ``w``'s menu bar: File, Edit, Review, Termbase, View, Help. Sets ``w.open_action``,
    ``w.export_action``, ``w.recent_menu`` and ``w.invisibles_action``."""
    session, decisions, exports, checking, termbase = w.session, w.decisions, w.exports, w.checking, w.termbase_actions
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    w.open_action = make_action(w, "&Open…", QKeySequence.StandardKey.Open, session.open_dialog)
    file_menu.addAction(w.open_action)
    file_menu.addAction(make_action(w, "&New Project from Files…", "Ctrl+N", session.new_project_dialog))
    file_menu.addAction(make_action(w, "Open &Folder…", "Ctrl+Shift+O", session.open_folder_dialog))
    file_menu.addAction(make_action(w, "Open MT with Chinese &Source…", None, session.open_with_source_dialog))
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(session.fill_recent)
    w.export_action = make_action(w, "&Export Review Workbook…", "Ctrl+E", exports.export_dialog)
    file_menu.addAction(w.export_action)
    file_menu.addAction(make_action(w, "&Import Review Workbook…", "Ctrl+I", exports.import_review_dialog))
    file_menu.addAction(make_action(w, "Export Findings as CS&V…", None, exports.export_csv_dialog))
    file_menu.addAction(make_action(w, "Save Project &As…", None, session.save_project_as_dialog))
    file_menu.addAction(make_action(w, "&Save Corrected As…", "Ctrl+Shift+S", exports.save_corrected_dialog))
    file_menu.addAction(make_action(w, "Export &Corrected Text…", "Ctrl+Shift+E", exports.export_text_dialog))
    file_menu.addSeparator()
    file_menu.addAction(make_action(w, "Reviewer &Name…", None, exports.ask_reviewer_name))
    file_menu.addSeparator()
    file_menu.addAction(make_action(w, "&Quit", QKeySequence.StandardKey.Quit, w.close))

    edit_menu = add_edit_menu(w, w.undo_stack)
    edit_menu.addSeparator()
    edit_menu.addAction(make_action(w, "Se&ttings…", "Ctrl+,", checking.settings_dialog))
    edit_menu.addSeparator()
    edit_menu.addAction(make_action(w, "&Find and Replace…", "Ctrl+F", w.find_dialog))
    edit_menu.addSeparator()
    edit_menu.addAction(make_action(w, "&Merge with Next Segment", "Ctrl+M", decisions.merge_current))
    edit_menu.addAction(make_action(w, "&Split Segment at Cursor", "Ctrl+Shift+Return", decisions.split_current))
    edit_menu.addAction(make_action(w, "Move Last Source Sentence to &Next Segment", "Ctrl+Alt+Down", lambda: decisions.move_source_current(True)))
    edit_menu.addAction(make_action(w, "Pull First Source Sentence from Ne&xt Segment", "Ctrl+Alt+Up", lambda: decisions.move_source_current(False)))

    review_menu = bar.addMenu(tr("&Review"))
    review_menu.addAction(make_action(w, "&Confirm Segment and Go to Next", ["Ctrl+Return", "Ctrl+Enter", "Ctrl+R"], lambda: decisions.mark_current("reviewed", advance=True)))
    review_menu.addAction(make_action(w, "&Accept Suggestion", ["Alt+Return", "Alt+Enter"], decisions.accept_current))
    review_menu.addAction(make_action(w, "&Dismiss as False Positive", "Ctrl+D", decisions.dismiss_current))
    review_menu.addAction(make_action(w, "Dismiss with &Note…", "Ctrl+Shift+D", decisions.dismiss_current_with_note))
    review_menu.addAction(make_action(w, "Mark Finding Fi&xed by Hand", "Ctrl+Shift+X", decisions.fix_current))
    review_menu.addAction(make_action(w, "Re&open Finding", "Ctrl+Shift+Backspace", decisions.reopen_current))
    review_menu.addAction(make_action(w, "Add &Error on Selection…", "Ctrl+Shift+M", decisions.add_error_dialog))
    review_menu.addAction(make_action(w, "Accept All of This Chec&k", "Ctrl+Alt+Return", lambda: decisions.accept_all_like_current("check")))
    review_menu.addAction(make_action(w, "Accept All of This Conce&pt", None, lambda: decisions.accept_all_like_current("concept")))
    review_menu.addAction(make_action(w, "Dismiss All of This &Check", None, lambda: decisions.dismiss_all_like_current("check")))
    review_menu.addAction(make_action(w, "Dismiss All of This C&oncept", None, lambda: decisions.dismiss_all_like_current("concept")))
    review_menu.addSeparator()
    review_menu.addAction(make_action(w, "E&xport False Positives…", None, decisions.export_false_positives_dialog))
    review_menu.addAction(make_action(w, "&Import False Positives…", None, decisions.import_false_positives_dialog))
    review_menu.addSeparator()
    review_menu.addAction(make_action(w, "Mark &Final", "Ctrl+Shift+R", lambda: decisions.mark_current("final")))
    review_menu.addAction(make_action(w, "Mark &Translated (Not Reviewed)", None, lambda: decisions.mark_current("translated")))
    review_menu.addAction(make_action(w, "Segment &Comment…", "Ctrl+K", decisions.comment_current_dialog))
    review_menu.addAction(make_action(w, "Next &Unreviewed Segment", "Ctrl+U", w.goto_unreviewed))
    review_menu.addAction(make_action(w, "Ne&xt Segment", "Alt+Down", lambda: w.goto_segment(+1)))
    review_menu.addAction(make_action(w, "Previous Se&gment", "Alt+Up", lambda: w.goto_segment(-1)))
    review_menu.addAction(make_action(w, "Copy MT to &Target", "Ctrl+Insert", decisions.copy_mt_current))
    review_menu.addSeparator()
    review_menu.addAction(make_action(w, "&Next Finding", "F8", lambda: w.goto_finding(+1)))
    review_menu.addAction(make_action(w, "&Previous Finding", "Shift+F8", lambda: w.goto_finding(-1)))
    review_menu.addSeparator()
    review_menu.addAction(make_action(w, "&Check Again", "F5", checking.recheck))
    review_menu.addAction(make_action(w, "C&hecks…", None, checking.checks_dialog))

    termbase_menu = bar.addMenu(tr("&Termbase"))
    termbase_menu.addAction(make_action(w, "&Edit Termbase…", "Ctrl+Shift+T", termbase.open_termbase_editor))
    termbase_menu.addAction(make_action(w, "&Add Flagged Rendering to Termbase…", "Ctrl+T", termbase.add_rendering_from_finding))
    termbase_menu.addAction(make_action(w, "Add &Project Termbase…", None, termbase.add_termbase_dialog))
    termbase_menu.addSeparator()
    termbase_menu.addAction(make_action(w, "&Candidate Terms…", None, termbase.candidates_dialog))

    view_menu = bar.addMenu(tr("&View"))
    w.mt_action = make_action(w, "Show the &MT Column", "Ctrl+Alt+M", lambda: w.segments.set_mt_visible(w.mt_action.isChecked()))
    w.mt_action.setCheckable(True)
    w.mt_action.setChecked(w.segments.mt_visible())
    view_menu.addAction(w.mt_action)
    w.diff_action = make_action(w, "Show &Changes from the MT", "Ctrl+Alt+D", lambda: w.segments.set_diff_visible(w.diff_action.isChecked()))
    w.diff_action.setCheckable(True)
    view_menu.addAction(w.diff_action)
    w.whole_action = make_action(w, "Show &Whole Segments", "Ctrl+Alt+W", lambda: w.set_whole_segments(w.whole_action.isChecked()))
    w.whole_action.setCheckable(True)
    w.whole_action.setChecked(not w.segments.compact())
    view_menu.addAction(w.whole_action)
    w.invisibles_action = make_action(w, "Show &Invisibles", "Ctrl+Shift+I", w.toggle_invisibles)
    w.invisibles_action.setCheckable(True)
    view_menu.addAction(w.invisibles_action)
    view_menu.addSeparator()
    batch = w.review_dock.toggleViewAction()
    batch.setText(tr("&Batch Views (Findings, Renderings, Scores)"))
    batch.setObjectName("Batch Views")
    batch.setShortcut("F6")
    batch.setProperty("defaultShortcuts", ["F6"])
    view_menu.addAction(batch)
    view_menu.addAction(make_action(w, "Edit the Segment's &Text", "F2", w.edit_current_segment))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(make_action(w, "&Keyboard Shortcuts…", "F1", lambda: shortcuts_dialog(w)))
    help_menu.addAction(make_action(w, "&About reviewer", None, w.about))
    apply_shortcuts(w, w.settings)


def shortcuts_dialog(w: MainWindow) -> ShortcutsDialog:
    """Help ▸ Keyboard Shortcuts: every command with its shortcut, rebindable (kept in the settings)."""
    dialog = ShortcutsDialog(w, w.settings)
    dialog.open()
    return dialog
