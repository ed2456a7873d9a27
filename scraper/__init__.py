"""retention: compiles the "API and data retention" page into a checked dataset and its outputs.

Stages, each a folder: frontends/ (Source -> Document), extract/ (Document -> Dataset),
render/ (Dataset -> files and reports), publish/ (Dataset -> dist/), preflight/ (request ->
verdict), cli/ (options -> one call -> exit code). The page's words live in vocabulary.py.
"""
