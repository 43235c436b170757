"""frontlines: news reports of armed conflict in, ACLED-style events with evidence out."""

__version__ = "0.1.0"
