"""A small test-only renderer: a Markdown/MDX copy of the page -> an HTML page like the live site.

Independent of the compiler's code on purpose (naive regexes, one construct a line), so that the
HTML front end is checked against a rendering it did not produce. The article sits among site
chrome (header menus, sidebar, "On this page" nav, feedback widget, footer); callouts, steps and
accordions use Mintlify-like markup; headings carry hidden anchor links.
"""

from __future__ import annotations

import re
from html import escape, unescape

_INLINE = re.compile(
    r"`([^`]+)`"
    r"|\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)"
    r"|\*\*(.+?)\*\*"
    r"|<Eligible(?: status=\"(\w+)\")?>(.*?)</Eligible>"
    r"|<sup>(\d+)</sup>"
)
_TITLE = re.compile(r"""title=\{?(["'])(.*)\1\}?""")
_BREAKS = re.compile(r"[-*] |\||</?(Note|Warning|Tip|Info|Steps|Step|section|Accordion|AccordionGroup)\b")
_CALLOUTS = {"Note", "Warning", "Tip", "Info"}

CHROME_TOP = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Claude Docs</title>
<script>window.__config = {{"theme": "dark"}};</script><style>.x{{color:red}}</style></head>
<body><header><nav class="top"><a href="/docs">Build</a> <a href="/admin">Admin</a> <a href="/models">Models &amp; pricing</a></nav>
<button>Search...</button></header>
<aside id="sidebar"><nav><ul><li><a href="/ws">Workspaces</a></li><li><a href="/dr">Data residency</a></li></ul></nav></aside>
<main><div class="breadcrumbs">Administration</div>
<article id="content">
"""
CHROME_BOTTOM = """</article>
<div class="feedback">Was this page helpful? <button>Yes</button><button>No</button></div>
<nav aria-label="On this page"><ul>{toc}</ul></nav>
</main>
<footer><p>Solutions</p><ul><li><a href="/a">AI agents</a></li></ul><p>© 2026 Anthropic PBC</p></footer>
</body></html>
"""


def inline(text: str) -> str:
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(escape(text[pos : m.start()], quote=False))
        if m.group(1) is not None:
            out.append(f"<code>{escape(m.group(1))}</code>")
        elif m.group(2) is not None:
            out.append(f'<a href="{escape(m.group(3))}">{inline(m.group(2))}</a>')
        elif m.group(4) is not None:
            out.append(f"<strong>{inline(m.group(4))}</strong>")
        elif m.group(6) is not None:
            out.append(f'<span class="eligible eligible-{m.group(5) or "yes"}">{escape(m.group(6))}</span>')
        else:
            out.append(f"<sup>{m.group(7)}</sup>")
        pos = m.end()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split(" | ")]


def _title(line: str) -> str:
    match = _TITLE.search(line)
    return unescape(match.group(2)) if match else ""


class Renderer:
    def __init__(self, text: str) -> None:
        lines = text.splitlines()
        if lines and lines[0] == "---":
            lines = lines[lines.index("---", 1) + 1 :]
        self.lines = lines
        self.out: list[str] = []
        self.toc: list[str] = []
        self.title = ""

    def render(self) -> str:
        i = 0
        while i < len(self.lines):
            i = self.block(i)
        toc = "".join(f'<li><a href="#h">{escape(t)}</a></li>' for t in self.toc)
        return CHROME_TOP.format(title=escape(self.title)) + "\n".join(self.out) + CHROME_BOTTOM.format(toc=toc)

    def block(self, i: int) -> int:
        line = self.lines[i].strip()
        tag = re.match(r"</?(Note|Warning|Tip|Info|Steps|Step|section|Accordion|AccordionGroup)\b", line)
        if not line:
            return i + 1
        if line == "---":
            self.out.append("<hr>")
        elif line.startswith("#"):
            self.heading(line)
        elif line.startswith("```"):
            return self.code(i)
        elif line.startswith("| "):
            return self.table(i)
        elif line.startswith(("- ", "* ")):
            return self.list(i)
        elif tag:
            self.tag(tag.group(1), line)
        else:
            return self.paragraph(i)
        return i + 1

    def heading(self, line: str) -> None:
        hashes, text = line.split(" ", 1)
        level = len(hashes)
        if level == 1:
            self.title = text
            self.out.append(f"<header><h1>{inline(text)}</h1>")
            return
        if level <= 3:
            self.toc.append(text)
        anchor = '<a href="#x" class="anchor" aria-hidden="true"><svg viewBox="0 0 1 1"></svg></a>'
        self.out.append(f"<h{level} id='h'>{anchor}{inline(text)}</h{level}>")

    def paragraph(self, i: int) -> int:
        start = i
        i += 1
        while i < len(self.lines) and self.lines[i].strip() and not _BREAKS.match(self.lines[i].strip()):
            i += 1
        body = "\n".join(inline(x) for x in self.lines[start:i])
        closing = "</header>" if self.out and self.out[-1].startswith("<header>") else ""
        self.out.append(f"<p>{body}</p>{closing}")
        return i

    def list(self, i: int) -> int:
        self.out.append("<ul>")
        while i < len(self.lines) and self.lines[i].strip().startswith(("- ", "* ")):
            self.out.append(f"  <li>{inline(self.lines[i].strip()[2:])}</li>")
            i += 1
        self.out.append("</ul>")
        return i

    def code(self, i: int) -> int:
        language = self.lines[i].strip()[3:]
        end = self.lines.index("```", i + 1)
        body = escape("\n".join(self.lines[i + 1 : end]), quote=False)
        self.out.append(
            f'<pre class="code-block"><button>Copy</button><code class="language-{language}">{body}</code></pre>'
        )
        return end + 1

    def table(self, i: int) -> int:
        head = "".join(f"<th>{inline(c)}</th>" for c in _cells(self.lines[i]))
        self.out.append(f'<div class="table-wrapper"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>')
        i += 2
        while i < len(self.lines) and self.lines[i].startswith("|"):
            row = "".join(f"<td>{inline(c)}</td>" for c in _cells(self.lines[i]))
            self.out.append(f"<tr>{row}</tr>")
            i += 1
        self.out.append("</tbody>\n</table></div>")
        return i

    def tag(self, name: str, line: str) -> None:
        closing = line.startswith("</")
        if name in _CALLOUTS:
            kind = name.lower()
            opening = f'<div class="callout" data-callout-type="{kind}"><div class="icon" aria-hidden="true">i</div><div class="callout-content">'
            self.out.append("</div></div>" if closing else opening)
        elif name == "Steps":
            self.out.append("</div>" if closing else '<div role="list" class="steps">')
            self.step = 0
        elif name == "Step":
            if closing:
                self.out.append("</div></div></div>")
                return
            self.step += 1
            self.out.append(
                f'<div role="listitem" class="step"><div data-component-part="step-number">{self.step}</div>'
                f'<div><p data-component-part="step-title">{inline(_title(line))}</p><div data-component-part="step-content">'
            )
        elif name in ("section", "Accordion"):
            self.out.append(
                "</div></details>" if closing else f"<details><summary>{inline(_title(line))}</summary><div>"
            )
        elif name == "AccordionGroup":
            self.out.append("</div>" if closing else '<div class="accordion-group">')


def render(text: str) -> str:
    """The HTML page of a Markdown/MDX copy."""
    return Renderer(text).render()
