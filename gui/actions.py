"""The main window's actions as one table, and the menus and toolbar built from it.

Each :class:`ActionSpec` says what an action shows (text, shortcut, icon,
tip), what it calls (a slot named by its dotted path on the window, with
fixed arguments) and when it is enabled (always, only while an analysis
runs, or only while none does). :data:`MENUS` and :data:`TOOLBAR` place the
actions by key; :func:`build_actions` and :func:`build_menus` turn the table
into Qt objects, so adding a command is one row here and one method on the
window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

SK = QKeySequence.StandardKey
Shortcut: TypeAlias = str | QKeySequence.StandardKey | tuple[str, ...] | None
#: "always"; "busy": only while an analysis runs; "idle": only while none does.
EnabledWhen: TypeAlias = Literal["always", "busy", "idle"]
#: Translation context of the texts below (the window's, as before the table).
CONTEXT = "MainWindow"


def _tr(text: str) -> str:
    return text  # marks a text for translation; translated when the action is built


@dataclass(frozen=True)
class ActionSpec:
    """One command of the window: what it shows, what it calls, when it is enabled."""

    key: str
    text: str
    slot: str  # dotted path on the window: "commands.open_files", "find_bar.open"
    shortcut: Shortcut = None
    tip: str = ""
    icon: str = ""  # a freedesktop theme icon name
    args: tuple[object, ...] = ()  # passed to the slot instead of Qt's "checked"
    checkable: bool = False
    group: str = ""  # checkable actions of one group exclude each other
    enabled_when: EnabledWhen = "always"
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole


@dataclass(frozen=True)
class Submenu:
    """A submenu: its items, or (``fill``) a window slot that refills it when shown."""

    title: str
    items: tuple[MenuItem, ...] = ()
    fill: str = ""  # dotted path of a slot taking the QMenu


#: A table key, "-" (a separator), a dotted window path to an action ("panel.rename_action").
MenuItem: TypeAlias = "str | Submenu"

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", _tr("&Open…"), "commands.open_files", SK.Open, _tr("Open article files"),
               "document-open"),
    ActionSpec("open_folder", _tr("Open &Folder…"), "commands.open_folder", "Ctrl+Shift+O",
               _tr("Open every article in a folder"), "folder-open"),
    ActionSpec("paste", _tr("&Paste Text…"), "commands.paste_text", "Ctrl+Shift+V",
               _tr("Paste the text of an article"), "edit-paste"),
    ActionSpec("samples", _tr("Open &Sample Articles"), "commands.open_samples", None,
               _tr("Open the bundled fictional sample articles")),
    ActionSpec("open_session", _tr("Open &Session…"), "sessions.open_dialog", "Ctrl+Alt+O",
               _tr("Open a saved .framelens session"), enabled_when="idle"),
    ActionSpec("save", _tr("&Save Session"), "sessions.save", SK.Save,
               _tr("Save the comparison as a session"), "document-save"),
    ActionSpec("save_as", _tr("Save Session &As…"), "sessions.save_as", SK.SaveAs,
               _tr("Save the comparison under a new name"), "document-save-as"),
    ActionSpec("embed", _tr("&Embed Article Text in Sessions"), "sessions.set_embed", None,
               _tr("Sessions carry each file's text, so they open where the files are missing"),
               checkable=True),
    ActionSpec("lexicon", _tr("Add &Lexicon…"), "commands.add_lexicon", None,
               _tr("Add your own loaded-terms lexicon (TSV, LIWC .dic, MPQA .tff)"),
               enabled_when="idle"),
    ActionSpec("print", _tr("&Print…"), "commands.report", SK.Print,
               _tr("Print the comparison report"), "document-print", args=("print_report",)),
    ActionSpec("preview", _tr("Print Pre&view…"), "commands.report", "Ctrl+Shift+P",
               _tr("Preview the printed report"), "document-print-preview",
               args=("preview_report",)),
    ActionSpec("export_pdf", _tr("Export &PDF…"), "commands.report", "Ctrl+E",
               _tr("Export the report as PDF"), args=("export_pdf",)),
    ActionSpec("export_html", _tr("Export &HTML…"), "commands.report", None,
               _tr("Export the report as a web page"), args=("export_html",)),
    ActionSpec("export_data", _tr("Export &Data…"), "commands.report", None,
               _tr("Export the tables as CSV, Excel or JSON"), args=("export_data",)),
    ActionSpec("quit", _tr("&Quit"), "close", "Ctrl+Q", _tr("Quit FrameLens"),
               "application-exit", role=QAction.MenuRole.QuitRole),
    ActionSpec("find", _tr("&Find…"), "find_bar.open", SK.Find, _tr("Find text in the articles"),
               "edit-find"),
    ActionSpec("find_next", _tr("Find &Next"), "find_bar.search", SK.FindNext, args=(False,)),
    ActionSpec("find_prev", _tr("Find Pre&vious"), "find_bar.search", SK.FindPrevious,
               args=(True,)),
    ActionSpec("zoom_in", _tr("Zoom &In"), "zoom_by", ("Ctrl+=", "Ctrl++"), _tr("Larger text"),
               "zoom-in", args=(1,)),
    ActionSpec("zoom_out", _tr("Zoom &Out"), "zoom_by", SK.ZoomOut, _tr("Smaller text"),
               "zoom-out", args=(-1,)),
    ActionSpec("zoom_reset", _tr("&Reset Zoom"), "set_zoom", "Ctrl+0", _tr("Default text size"),
               "zoom-original", args=(0,)),
    ActionSpec("sync", _tr("Scroll Columns &Together"), "set_sync_scroll", None,
               _tr("Scroll all outlet columns together"), checkable=True),
    ActionSpec("panel", _tr("Show &Articles Panel"), "panel.setVisible", "Ctrl+B",
               checkable=True),
    ActionSpec("cancel", _tr("&Cancel Analysis"), "cancel_analysis", "Esc",
               _tr("Stop loading and analysing"), enabled_when="busy"),
    ActionSpec("tab_side", _tr("&Side by Side"), "tabs.setCurrentIndex", "Ctrl+1", args=(0,)),
    ActionSpec("tab_aligned", _tr("A&ligned Statements"), "tabs.setCurrentIndex", "Ctrl+2",
               args=(1,)),
    ActionSpec("tab_dashboard", _tr("&Dashboard"), "tabs.setCurrentIndex", "Ctrl+3", args=(2,)),
    ActionSpec("tab_concordance", _tr("&Concordance"), "tabs.setCurrentIndex", "Ctrl+4",
               args=(3,)),
    ActionSpec("focus", _tr("Switch &Focus"), "cycle_focus", "F6",
               _tr("Move the keyboard focus between the articles panel and the columns")),
    ActionSpec("methodology", _tr("&Methodology"), "commands.show_help", SK.HelpContents,
               _tr("What the scores mean and how they are computed"), "help-contents",
               args=("show_methodology",)),
    ActionSpec("about", _tr("&About FrameLens"), "commands.show_help", args=("show_about",),
               role=QAction.MenuRole.AboutRole),
    ActionSpec("log", _tr("Show &Log Folder"), "commands.show_log_folder"),
    ActionSpec("theme_system", _tr("Follow &System"), "set_theme", args=("system",),
               checkable=True, group="theme"),
    ActionSpec("theme_light", _tr("&Light"), "set_theme", args=("light",), checkable=True,
               group="theme"),
    ActionSpec("theme_dark", _tr("&Dark"), "set_theme", args=("dark",), checkable=True,
               group="theme"),
)  # fmt: skip

MENUS: tuple[Submenu, ...] = (
    Submenu(_tr("&File"), (
        "open", "open_folder", "paste", Submenu(_tr("Open &Recent"), fill="sessions.fill_recent"),
        "samples", "-", "open_session", "save", "save_as", "embed", "-", "lexicon", "-",
        "print", "preview", Submenu(_tr("&Export"), ("export_pdf", "export_html", "export_data")),
        "-", "quit",
    )),
    Submenu(_tr("&Edit"), ("find", "find_next", "find_prev")),
    Submenu(_tr("&View"), (
        "zoom_in", "zoom_out", "zoom_reset", "-",
        "tab_side", "tab_aligned", "tab_dashboard", "tab_concordance", "-",
        "sync", "panel", "focus",
        Submenu(_tr("&Theme"), ("theme_system", "theme_light", "theme_dark")),
    )),
    Submenu(_tr("&Articles"), (
        "panel.rename_action", "panel.merge_action", "panel.move_action", "panel.remove_action",
        "-", "cancel",
    )),
    Submenu(_tr("&Help"), ("methodology", "log", "-", "about")),
)  # fmt: skip

TOOLBAR: tuple[str, ...] = (
    "open", "open_folder", "paste", "-", "save", "-", "print", "export_pdf", "-",
    "find", "zoom_out", "zoom_in", "-", "sync",
)  # fmt: skip


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def resolve(window: object, path: str) -> object:
    """The object at the dotted ``path`` on ``window`` ("find_bar.open")."""
    target = window
    for name in path.split("."):
        target = getattr(target, name)
    return target


def _key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    if shortcut is None:
        return []
    if isinstance(shortcut, tuple):
        return [QKeySequence(s) for s in shortcut]
    return [QKeySequence(shortcut)]


def _connect(action: QAction, slot: Callable[..., object], args: Sequence[object]) -> None:
    if args:
        action.triggered.connect(lambda _checked=False: slot(*args))
    else:
        action.triggered.connect(slot)


def build_actions(window: QMainWindow, specs: Sequence[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """A QAction per spec, added to ``window`` (so shortcuts work without the menu bar)."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(translate(spec.text), window)
        if spec.icon:
            action.setIcon(QIcon.fromTheme(spec.icon))
        keys = _key_sequences(spec.shortcut)
        if len(keys) > 1:
            action.setShortcuts(keys)
        elif keys:
            action.setShortcut(keys[0])
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
            action.setToolTip(translate(spec.tip))
        action.setCheckable(spec.checkable)
        action.setMenuRole(spec.role)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
        slot = resolve(window, spec.slot)
        assert callable(slot), spec.slot
        _connect(action, slot, spec.args)
        window.addAction(action)
        actions[spec.key] = action
    return actions


def set_busy(
    actions: dict[str, QAction], busy: bool, specs: Sequence[ActionSpec] = ACTIONS
) -> None:
    """Enable the actions that fit an analysis running (``busy``) or not."""
    for spec in specs:
        if spec.enabled_when != "always":
            actions[spec.key].setEnabled(busy == (spec.enabled_when == "busy"))


def _fill(
    menu: QMenu, items: Sequence[MenuItem], window: object, actions: dict[str, QAction]
) -> None:
    for item in items:
        if isinstance(item, Submenu):
            sub = menu.addMenu(translate(item.title))
            _fill(sub, item.items, window, actions)
            if item.fill:
                filler = resolve(window, item.fill)
                assert callable(filler), item.fill
                sub.aboutToShow.connect(lambda s=sub, f=filler: f(s))
        elif item == "-":
            menu.addSeparator()
        elif "." in item:
            found = resolve(window, item)
            assert isinstance(found, QAction), item
            menu.addAction(found)
        else:
            menu.addAction(actions[item])


def build_menus(
    window: QMainWindow,
    actions: dict[str, QAction],
    menus: Sequence[Submenu] = MENUS,
    toolbar: Sequence[str] = TOOLBAR,
) -> QToolBar:
    """Fill the window's menu bar from ``menus``; add the main toolbar; return it."""
    bar = window.menuBar()
    for top in menus:
        _fill(bar.addMenu(translate(top.title)), top.items, window, actions)
    tools = window.addToolBar(translate("Main"))
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for key in toolbar:
        if key == "-":
            tools.addSeparator()
        else:
            tools.addAction(actions[key])
    return tools


__all__ = [
    "ACTIONS",
    "MENUS",
    "TOOLBAR",
    "ActionSpec",
    "Submenu",
    "build_actions",
    "build_menus",
    "set_busy",
]
