"""Flattened text dumps of a Markdown copy, made the way the crawler makes them: render the copy
to HTML (tests.html_render), flatten the article to text lines, then glue and cut the table with
tests.dumps from tests.md_table's reading of the copy. Test-only; shares no code with the compiler.
"""

from __future__ import annotations

import re

from lxml import html

from tests import dumps, html_render, md_table

CHROME = ["Loading...", "    • Build", "    • Admin", "    Search...", "    Administration", ""]
TABLE = "\x00TABLE"
_SPACE = re.compile(r"\s+")


def _text(el: html.HtmlElement) -> str:
    for hidden in el.xpath(".//*[@aria-hidden='true'] | .//button"):
        hidden.drop_tree()
    return _SPACE.sub(" ", el.text_content()).strip()


class Flattener:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.after_table = False

    def add(self, *texts: str, indent: str = "    ") -> None:
        self.lines += [indent + t for t in texts] + [""]

    def walk(self, el: html.HtmlElement) -> None:
        for child in el:
            self.element(child)

    def element(self, el: html.HtmlElement) -> None:
        tag = el.tag
        note = tag == "p" and len(el) and el[0].tag == "sup" and not (el.text or "").strip()
        if self.after_table and note:
            return  # footnotes are written by tests.dumps
        self.after_table = False
        if tag == "table":
            self.lines += [TABLE]
            self.after_table = True
        elif tag in ("h2", "h3", "h4", "p"):
            self.add(_text(el))
        elif tag == "ul":
            self.lines += ["    • " + _text(li) for li in el] + [""]
        elif tag == "pre":
            code = el.find("code")
            self.add(*(code.text_content() if code is not None else "").splitlines())
        elif el.get("role") == "list":
            for n, step in enumerate(el, 1):
                self.add(f"{n}. {n}")
                self.add(_text(step.xpath(".//*[@data-component-part='step-title']")[0]), indent="      ")
                for p in step.xpath(".//*[@data-component-part='step-content']/*"):
                    self.add(_text(p), indent="      ")
        elif tag == "details":
            self.add(_text(el.find("summary")))
            self.walk(el.find("div"))
        elif tag in ("div", "header"):
            self.walk(el)


def _one(root: html.HtmlElement, path: str) -> html.HtmlElement:
    found = root.xpath(path)
    assert isinstance(found, list) and isinstance(found[0], html.HtmlElement), path
    return found[0]


def _all(root: html.HtmlElement, path: str) -> list[html.HtmlElement]:
    found = root.xpath(path)
    assert isinstance(found, list)
    return [el for el in found if isinstance(el, html.HtmlElement)]


def page(markdown: str) -> dumps.Page:
    """The flattened page around the table: chrome, title, summary, TOC, then the article."""
    root = html.document_fromstring(html_render.render(markdown))
    article = _one(root, "//article")
    header = _one(article, "./header")
    flat = Flattener()
    title, summary = _text(_one(header, "./h1")), _text(_one(header, "./p"))
    flat.lines += [*CHROME, "    " + title, "", "    " + summary, ""]
    flat.add("Was this page helpful?")
    flat.lines += ["    • " + _text(a) for a in _all(root, "//nav[@aria-label='On this page']//a")] + [""]
    article.remove(header)
    flat.walk(article)
    lines = flat.lines
    while lines and not lines[-1]:
        lines.pop()
    at = lines.index(TABLE)
    return dumps.Page(before=lines[:at], after=lines[at + 1 :])


def dump(markdown: str, cut: tuple[int, int] | None = None) -> str:
    """A crawler-like dump of a Markdown copy, its table cut after `cut=(row, cells)`."""
    columns, rows, notes = md_table.read(markdown)
    return dumps.dump(columns, rows, notes, cut=cut, page=page(markdown))
