"""Light and dark themes: Qt's Fusion style, a palette, and a short style sheet."""

from __future__ import annotations

from desktop.qt import QApplication, QColor, QPalette

THEMES = ("light", "dark")

_COLORS = {
    "light": {"window": "#f6f7f9", "base": "#ffffff", "alt": "#eef1f5", "text": "#1d2430",
              "muted": "#5b6675", "accent": "#2f6fde", "sidebar": "#1f2a3a", "sidebar_text": "#d9e1ec",
              "user": "#e7f0ff", "assistant": "#ffffff", "border": "#d5dbe3", "warn": "#a15c00"},
    "dark": {"window": "#1b1f26", "base": "#232933", "alt": "#2a313c", "text": "#e6eaf0",
             "muted": "#9aa5b4", "accent": "#5b95f5", "sidebar": "#12161c", "sidebar_text": "#c9d3e0",
             "user": "#24364f", "assistant": "#232933", "border": "#394252", "warn": "#f0a84a"},
}

STYLE = """
QListWidget#sidebar {{ background: {sidebar}; color: {sidebar_text}; border: none;
    font-size: 14px; padding-top: 8px; outline: 0; }}
QListWidget#sidebar::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 6px; }}
QListWidget#sidebar::item:selected {{ background: {accent}; color: white; }}
QFrame#message[role="user"] {{ background: {user}; border: 1px solid {border}; border-radius: 8px; }}
QFrame#message[role="assistant"] {{ background: {assistant}; border: 1px solid {border}; border-radius: 8px; }}
QLabel#muted, QLabel#meta {{ color: {muted}; }}
QLabel#warning {{ color: {warn}; }}
QLabel#pageTitle {{ font-size: 18px; font-weight: 600; }}
QToolButton#link {{ border: none; color: {accent}; padding: 0 4px; }}
QToolButton#link:hover {{ text-decoration: underline; }}
QFrame#banner {{ background: {alt}; border: 1px solid {border}; border-radius: 6px; }}
"""


def colors(theme: str) -> dict[str, str]:
    return _COLORS.get(theme, _COLORS["light"])


def apply_theme(app: QApplication, theme: str) -> None:
    c = colors(theme)
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"], QPalette.ColorRole.AlternateBase: c["alt"],
        QPalette.ColorRole.Text: c["text"], QPalette.ColorRole.Button: c["alt"],
        QPalette.ColorRole.ButtonText: c["text"], QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: c["base"],
        QPalette.ColorRole.ToolTipText: c["text"], QPalette.ColorRole.PlaceholderText: c["muted"],
        QPalette.ColorRole.Link: c["accent"],
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c["muted"]))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c["muted"]))
    app.setPalette(palette)
    app.setStyleSheet(STYLE.format(**c))
