"""Helpers every feature of the web app uses (database, engine, playable scenarios, live calls,
labels...);
no blueprint of its own, and never an import of a feature package."""
