"""Hotliner's web app: one package per feature (its blueprint, URL prefix and templates/ folder),
the helpers every feature uses in web/shared, and the `hotliner` command line in web/cli."""
