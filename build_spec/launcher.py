"""Entry point of the bundled application (PyInstaller runs this as __main__)."""

import multiprocessing

from moderator_app.cli import main

# Spreadsheets are parsed in a spawned child (moderator_app/io/safe_read.py); in the
# bundle that child is this executable again, which must hand over to it here.
multiprocessing.freeze_support()
raise SystemExit(main())
