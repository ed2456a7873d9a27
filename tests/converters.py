"""Regenerate tests/converted/: what real converters make of the page (`make converters`).

Each English Markdown copy in tests/corpus/ is rendered to HTML (tests/html_render.py, like the
live site with its chrome), then fed to the tools people scrape pages with, in the settings they
use. The outputs are kept in tests/converted/<copy>/<converter>.<suffix> so that the tests read
them without the converters installed; the suffix is the form the tool gives (`.md`, `.html`,
`.txt`). Same converters, same bytes: the versions are pinned in pyproject.toml's converters extra.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests import html_render

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
OUT = HERE / "converted"


def _html2text(width: int, inline_links: bool = True) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import html2text

        converter = html2text.HTML2Text()
        converter.body_width = width
        converter.inline_links = inline_links
        return str(converter.handle(page))

    return convert


def _markdownify(style: str) -> Callable[[str], str]:
    def convert(page: str) -> str:
        from markdownify import markdownify

        return str(markdownify(page, heading_style=style))  # typed Any when the extra is not installed

    return convert


def _pandoc(to: str, *args: str) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import pypandoc

        return str(pypandoc.convert_text(page, to, format="html", extra_args=list(args)))

    return convert


def _trafilatura(fmt: str) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import trafilatura

        return trafilatura.extract(page, output_format=fmt, include_tables=True) or ""

    return convert


def _readability(page: str) -> str:
    from readability import Document

    return str(Document(page).summary())


def _get_text(page: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "html.parser").get_text()


def _inscriptis(page: str) -> str:
    import inscriptis

    return str(inscriptis.get_text(page))


def _dump(*argv: str) -> Callable[[str], str]:
    """A text browser's dump (w3m, lynx): system programs, not Python packages (apt-get install
    w3m lynx); without them `make converters` keeps their outputs as they are."""

    def convert(page: str) -> str:
        with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8") as handle:
            handle.write(page)
            handle.flush()
            done = subprocess.run([*argv, handle.name], capture_output=True, check=True, env={"LANG": "C.UTF-8"})
            return done.stdout.decode("utf-8")

    return convert


def _html_text(page: str) -> str:
    import html_text

    return str(html_text.extract_text(page))


# name -> (convert, suffix): the ones above the line keep the table, the ones below flatten it
CONVERTERS: dict[str, tuple[Callable[[str], str], str]] = {
    "html2text": (_html2text(78), ".md"),  # the default: lines wrapped at 78 columns
    "html2text-nowrap": (_html2text(0), ".md"),
    "markdownify-atx": (_markdownify("ATX"), ".md"),
    "markdownify-setext": (_markdownify("UNDERLINED"), ".md"),
    "pandoc-gfm": (_pandoc("gfm"), ".md"),  # pandoc -f html -t gfm: lines wrapped at 72 columns
    "pandoc-gfm-nowrap": (_pandoc("gfm", "--wrap=none"), ".md"),
    "html2text-reference-links": (_html2text(78, inline_links=False), ".md"),  # `[Web search][18]`
    "html2text-narrow": (_html2text(40), ".md"),  # wrapped at 40: a long heading runs on into the next line
    "html2text-reference-links-narrow": (_html2text(40, inline_links=False), ".md"),  # `   [16]:` / a URL over lines
    "pandoc-markdown": (_pandoc("markdown"), ".md"),  # pandoc's own tables: simple or multiline
    "pandoc-commonmark": (_pandoc("commonmark"), ".md"),  # no pipe tables: the table as raw HTML
    "trafilatura-markdown": (_trafilatura("markdown"), ".md"),
    "readability": (_readability, ".html"),
    "pandoc-html5": (_pandoc("html5"), ".html"),  # no <article>, <main> or <nav>; steps without their title's class
    "pandoc-html5-standalone": (_pandoc("html5", "--standalone"), ".html"),  # a title block repeating <title>
    "trafilatura-html": (_trafilatura("html"), ".html"),  # inline code as a one-line <pre>
    # ---- the table is flattened into lines
    "pandoc-plain": (_pandoc("plain"), ".txt"),
    "trafilatura-text": (_trafilatura("txt"), ".txt"),
    "get-text": (_get_text, ".txt"),
    "inscriptis": (_inscriptis, ".txt"),
    "html-text": (_html_text, ".txt"),
    "w3m": (_dump("w3m", "-dump", "-T", "text/html", "-cols", "120", "-O", "UTF-8"), ".txt"),
    "lynx": (_dump("lynx", "-dump", "-nolist", "-width=120", "-display_charset=UTF-8"), ".txt"),
}
KEEPS_TABLE = (
    "html2text",
    "html2text-nowrap",
    "markdownify-atx",
    "markdownify-setext",
    "pandoc-gfm",
    "pandoc-gfm-nowrap",
    "html2text-reference-links",
    "html2text-narrow",
    "html2text-reference-links-narrow",
    "pandoc-markdown",
    "pandoc-commonmark",
    "trafilatura-markdown",
    "readability",
    "pandoc-html5",
    "pandoc-html5-standalone",
    "trafilatura-html",
)


def copies() -> list[Path]:
    """Every English Markdown copy of the page in the corpus."""
    return sorted(CORPUS.glob("en-*.md"))


def output(copy: str, converter: str) -> Path:
    return OUT / copy / (converter + CONVERTERS[converter][1])


def main() -> None:
    for path in copies():
        page = html_render.render(path.read_text(encoding="utf-8"))
        for name, (convert, _) in CONVERTERS.items():
            if name in ("w3m", "lynx") and shutil.which(name) is None:
                print(f"{name} is not installed: its outputs are kept as they are", file=sys.stderr)
                continue
            target = output(path.stem, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = convert(page)
            target.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
            print(target.relative_to(HERE.parent), file=sys.stderr)


if __name__ == "__main__":
    main()
