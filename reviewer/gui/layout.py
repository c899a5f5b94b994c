"""The review window's parts and their layout.

The grid of segments fills the window (:class:`~reviewer.gui.widgets.segment_grid.SegmentGrid`,
edited in place); under it, the current segment's findings with the accept preview, beside the
termbase hits. The batch views (all findings, term renderings, scores, dashboard) are a dock on
the right, shown at once on a wide screen and with View ▸ Batch Views (F6) on a small one.

The window, its splitters, its docks and the grid's columns are remembered in the settings, one
layout for bilingual files (a Source column) and one for English-only text, switched when a
review opens (:func:`switch_mode`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLabel, QProgressBar, QPushButton, QSplitter, QTabWidget

from reviewer.gui.i18n import tr
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.widgets.dashboard import Dashboard
from reviewer.gui.widgets.findings_panel import FindingsPanel
from reviewer.gui.widgets.renderings_panel import RenderingsPanel
from reviewer.gui.widgets.scores_panel import ScoresPanel
from reviewer.gui.widgets.segment_grid import SegmentGrid
from reviewer.gui.widgets.segment_panel import SegmentPanel
from reviewer.gui.widgets.term_panel import TermPanel

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow

#: the default window: at most this, and never more than the screen has room for
DEFAULT_SIZE = (1400, 860)
#: from this screen width on, the batch views dock is shown beside the grid at first
WIDE = 1600
MODES = ("bilingual", "english")


def build(w: MainWindow) -> None:
    """Make ``w``'s widgets and lay them out (the signals are connected by the window)."""
    w.segment_model = SegmentTableModel()
    w.segments = SegmentGrid()
    w.segments.setModel(w.segment_model)
    w.segments.set_compact(str(w.settings.value("layout/compactRows", "true")).lower() == "true")
    w.panel = SegmentPanel()
    w.term_panel = TermPanel()
    w.findings_panel = FindingsPanel()
    w.renderings_panel = RenderingsPanel()
    w.scores_panel = ScoresPanel()
    w.dashboard = Dashboard()
    w.lower_tabs = QTabWidget()
    w.lower_tabs.addTab(w.findings_panel, tr("Findings"))
    w.lower_tabs.addTab(w.renderings_panel, tr("Term renderings"))
    w.lower_tabs.addTab(w.scores_panel, tr("Scores"))
    w.lower_tabs.addTab(w.dashboard, tr("Dashboard"))

    bottom = QSplitter(Qt.Orientation.Horizontal)
    bottom.addWidget(w.panel)
    bottom.addWidget(w.term_panel)
    bottom.setStretchFactor(0, 3)
    bottom.setStretchFactor(1, 2)
    main = QSplitter(Qt.Orientation.Vertical)
    main.addWidget(w.segments)
    main.addWidget(bottom)
    main.setStretchFactor(0, 1)
    main.setStretchFactor(1, 0)
    main.setCollapsible(0, False)
    w.setCentralWidget(main)
    w.splitters = {"main": main, "bottom": bottom}

    w.review_dock = QDockWidget(tr("Batch views"), w)
    w.review_dock.setObjectName("batchViews")  # the key of its place in saveState
    w.review_dock.setWidget(w.lower_tabs)
    w.review_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w.review_dock)

    w.status_label = QLabel()
    w.progress = QProgressBar()
    w.progress.setMinimumWidth(300)
    w.progress.setMaximumWidth(420)
    w.progress.setTextVisible(True)
    w.cancel_button = QPushButton(tr("Cancel"))
    w.cancel_button.setToolTip(tr("Stop opening the files"))
    w.statusBar().addWidget(w.status_label, 1)
    w.statusBar().addPermanentWidget(w.progress)
    w.statusBar().addPermanentWidget(w.cancel_button)
    # the status bar is as high with the progress bar and Cancel as without: were it to grow
    # when they show, every panel would be laid out again
    w.statusBar().setMinimumHeight(w.statusBar().sizeHint().height())
    w.progress.hide()
    w.cancel_button.hide()
    default_layout(w)


def default_layout(w: MainWindow, size: tuple[int, int] | None = None) -> None:
    """The first layout: the window fits the screen (or is ``size``), the grid takes most of
    it, the batch views are beside it only on a wide screen."""
    screen = QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    width, height = DEFAULT_SIZE
    if size is not None:
        width, height = size
    elif room is not None and room.width() > 0:
        width, height = min(width, room.width()), min(height, room.height())
    w.resize(width, height)
    w.review_dock.setVisible(width >= WIDE if size is not None else (room is None or room.width() >= WIDE))
    w.resizeDocks([w.review_dock], [width * 2 // 5], Qt.Orientation.Horizontal)
    w.splitters["main"].setSizes([height - 165, 165])
    w.splitters["bottom"].setSizes([width * 3 // 5, width * 2 // 5])


def mode_of(w: MainWindow) -> str:
    """``bilingual`` when the open segments have a Chinese source, else ``english``."""
    return "bilingual" if w.segment_model.has_sources() else "english"


def restore(w: MainWindow, mode: str | None = None) -> None:
    """Put the window back as the user left it: its geometry, and for ``mode`` (default: the
    last one used) its docks, splitters and grid columns."""
    geometry = w.settings.value("layout/geometry")
    if geometry is not None:
        w.restoreGeometry(geometry)
    mode = mode or str(w.settings.value("layout/mode", "english"))
    w.layout_mode = mode if mode in MODES else "english"
    state = w.settings.value(f"layout/{w.layout_mode}/docks")
    if state is not None:
        w.restoreState(state)
    for name, splitter in w.splitters.items():
        sizes = w.settings.value(f"layout/{w.layout_mode}/{name}")
        if sizes is not None:
            splitter.restoreState(sizes)
    header = w.settings.value(f"layout/{w.layout_mode}/columns")
    if header is not None:
        w.segments.horizontalHeader().restoreState(header)
    tab = w.settings.value("layout/tab")
    if tab is not None and str(tab).isdigit():
        w.lower_tabs.setCurrentIndex(int(tab))
    mt = w.settings.value(f"layout/{w.layout_mode}/mt")
    if mt is not None:
        w.segments.set_mt_visible(str(mt).lower() == "true")


def save(w: MainWindow) -> None:
    """Remember the window, and for the current mode its docks, splitters and grid columns."""
    w.settings.setValue("layout/geometry", w.saveGeometry())
    w.settings.setValue("layout/mode", w.layout_mode)
    w.settings.setValue(f"layout/{w.layout_mode}/docks", w.saveState())
    for name, splitter in w.splitters.items():
        w.settings.setValue(f"layout/{w.layout_mode}/{name}", splitter.saveState())
    w.settings.setValue(f"layout/{w.layout_mode}/columns", w.segments.horizontalHeader().saveState())
    w.settings.setValue(f"layout/{w.layout_mode}/mt", w.segments.mt_visible())
    w.settings.setValue("layout/tab", w.lower_tabs.currentIndex())


def switch_mode(w: MainWindow) -> None:
    """After a review opened: keep the layout of the mode left, and take the one of the mode of
    the new review (bilingual or English-only) if the user has one."""
    mode = mode_of(w)
    if mode == w.layout_mode:
        return
    save(w)
    w.layout_mode = mode
    if w.settings.value(f"layout/{mode}/docks") is not None:
        restore(w, mode)
    w.settings.setValue("layout/mode", mode)
