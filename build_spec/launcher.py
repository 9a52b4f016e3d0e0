"""Entry point of the bundled application (PyInstaller runs this as __main__)."""

from moderator_app.cli import main

raise SystemExit(main())
