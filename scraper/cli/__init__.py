"""The command line: takes options, calls one function per command, maps the result to an exit code.

Each command lives in its own module and is registered here; heavy modules (pydantic, lxml) are
imported inside the commands that need them, so that `retention --help` stays fast. Exit codes
are chosen only here and in the commands.
"""

from __future__ import annotations

import io
import sys

import click

from scraper.cli import build, check, diff, drift, pages, preflight, render, verify
from scraper.errors import Exit, RetentionError, report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="retention")
def cli() -> None:
    """Compile Anthropic's "API and data retention" page into data.

    The page says which Claude API features are allowed under zero data retention (ZDR) and
    HIPAA readiness. retention reads it (flattened text dump, HTML or Markdown), checks it, and
    publishes one canonical JSON dataset in dist/.

    Exit codes: 0 ok, 1 changes found, 2 bad input or usage, 3 could not fetch,
    4 refused to publish, 5 could not write, 130 interrupted, 70 internal error.
    """


for _command in (
    pages.compile_cmd,
    pages.validate_cmd,
    build.build_cmd,
    check.check_cmd,
    diff.diff_cmd,
    drift.drift_cmd,
    render.render_cmd,
    preflight.preflight_cmd,
    verify.verify_cmd,
):
    cli.add_command(_command)


def _tolerant_streams() -> None:
    """A terminal whose encoding cannot show a character gets an escape, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _what_was_published() -> str:
    """The truth about dist/ after an interrupt: a new version was swapped in, or nothing was."""
    published = sys.modules.get("scraper.publish.atomic")
    done = getattr(published, "PUBLISHED", [])
    if done:
        return f"{done[-1]} was published before the interrupt (the new version is in place)"
    return "nothing was published"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map errors to the contract's exit codes (a bug keeps its traceback: 70)."""
    _tolerant_streams()
    try:
        code = cli.main(args=argv, prog_name="retention", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return Exit.BAD_INPUT
    except click.Abort:
        click.echo(f"retention: interrupted; {_what_was_published()}", err=True)
        return Exit.INTERRUPTED
    except RetentionError as exc:
        return report(exc)
    except Exception:
        import traceback  # only on the path of a bug: keeps start-up lean

        traceback.print_exc()
        return Exit.BUG
    return int(code or 0)


def run() -> None:
    sys.exit(main())
