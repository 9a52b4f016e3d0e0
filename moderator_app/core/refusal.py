"""A refusal whose sentence is a template and its values, so that a surface can say it in
the user's language.

``str(exc)`` is the English sentence (``template.format(*values)``): what the command line,
the network and the journal's tests read. The console translates ``exc.template`` (every
template is listed in moderator_app/ui/refusals.py, a test keeps that list complete) and
formats the same values, so a number or a duration reads the same in both languages.
Values are kept apart from ``BaseException.args`` (which holds the English sentence), so a
refusal pickles and copies as any exception does.
"""

from __future__ import annotations


class Refusal(ValueError):
    """A user's request that cannot be done; the message says why (see the module doc)."""

    def __init__(self, template: str, *values: object) -> None:
        # A template without values is a plain sentence: never formatted, so a literal
        # brace in it (or in a dynamic message passed as is) stays as written.
        super().__init__(template.format(*values) if values else template)
        self.template = template
        self.values = values
