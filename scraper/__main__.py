"""`python -m scraper` runs the `retention` command line."""

from scraper.cli import run

run()
