"""The one module that imports the Qt binding; the rest of desktop/ imports from here.

Keeps the binding choice in one place (qutebrowser's habit) and makes it obvious which
parts of Qt the app relies on.
"""

from PySide6.QtCore import (  # noqa: F401
    QAbstractListModel, QAbstractTableModel, QByteArray, QCoreApplication, QDate, QElapsedTimer,
    QEvent, QItemSelectionModel, QLocale, QMimeData, QModelIndex, QObject, QPoint, QSettings,
    QSize, QSortFilterProxyModel, Qt, QThread, QTimer, QTranslator, QUrl, Signal, Slot,
)
from PySide6.QtGui import (  # noqa: F401
    QAction, QClipboard, QCloseEvent, QColor, QDesktopServices, QDragEnterEvent, QDropEvent,
    QFont, QFontDatabase, QGuiApplication, QIcon, QImage, QImageReader, QKeySequence, QPalette, QPixmap, QShortcut,
    QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument,
)
from PySide6.QtWidgets import (  # noqa: F401
    QAbstractItemView, QApplication, QButtonGroup, QCheckBox, QComboBox, QDateEdit, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QMainWindow, QMenu, QMessageBox, QPlainTextEdit, QProgressBar,
    QProgressDialog, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpinBox, QSplitter,
    QStackedWidget, QStatusBar, QStyle, QTableView, QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QTextEdit,
    QToolButton, QVBoxLayout, QWidget,
)

# Insights: charts (PySide6-Addons, the same version as Essentials) and the PDF report.
from PySide6.QtCharts import (  # noqa: F401,E402
    QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries, QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF  # noqa: F401,E402
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: F401,E402
