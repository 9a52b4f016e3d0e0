"""Moderator console for live webinars and panels."""

__version__ = "0.1.0"
