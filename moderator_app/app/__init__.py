"""The application layer: what every surface (console, command line, network) does with an
open show, and the one presenter of its live state. Pure Python: no Qt, no widgets."""
