"""Files: the show file (SQLite), spreadsheet readers and writers, exports."""
