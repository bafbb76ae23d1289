"""The SQLite store: connection, migrations, history, export and CJK search."""
