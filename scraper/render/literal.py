"""Python literals for the constants module, and the check a rendered module must pass.

Data reaches the module only through `py_literal`, which knows a handful of types and spells
strings with `ascii()`: every data string is an ASCII literal, so no quote, backslash, newline,
template marker or bidi control in the data can end it or hide in it.
"""

from __future__ import annotations

import ast
import re
import sys

from scraper.errors import Exit, RetentionError, fail

WIDTH = 88
FORBIDDEN_CALLS = frozenset(
    {"eval", "exec", "compile", "open", "__import__", "getattr", "setattr", "globals", "locals", "vars", "input"}
)


def py_literal(value: object, indent: int = 0) -> str:
    """The Python literal for None, a bool, an int, a str, or a list/tuple of those (as a tuple).

    `indent` is the indentation of the line the literal sits on: a literal too long for it is
    wrapped over several lines (strings as implicitly joined pieces), so lines stay short.
    """
    inline = _inline(value)
    if len(inline) <= WIDTH - indent or not isinstance(value, str | list | tuple):
        return inline
    pad = " " * indent
    if isinstance(value, str):
        lines = [ascii(piece) for piece in _pieces(str(value), WIDTH - indent - 4)]
    else:
        lines = [py_literal(item, indent + 4) + "," for item in value]
    return "(\n" + "".join(f"{pad}    {line}\n" for line in lines) + f"{pad})"


def _inline(value: object) -> str:
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, str):
        return ascii(str(value))
    if isinstance(value, list | tuple):
        items = [_inline(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    raise TypeError(f"no literal for {type(value).__name__}")


def _pieces(text: str, width: int) -> list[str]:
    """Split `text` after spaces (or anywhere, for a long word) into pieces whose literals fit `width`."""
    pieces: list[str] = []
    current = ""
    for token in re.findall(r"\S*\s*", text):
        for ch in token if len(ascii(token)) > width else [token]:
            if current and len(ascii(current + ch)) > width:
                pieces.append(current)
                current = ""
            current += ch
    return [*pieces, current] if current or not pieces else pieces


def _import_roots(tree: ast.AST) -> list[tuple[str, int]]:
    roots = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots += [(alias.name.split(".")[0], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            roots.append(("." if node.level else (node.module or "").split(".")[0], node.lineno))
    return roots


def _called_names(tree: ast.AST) -> list[tuple[str, int]]:
    return [
        (node.func.id, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    ]


def check_module(text: str, name: str) -> None:
    """Parse and compile `text` (never run it); refuse syntax errors, non-stdlib imports, eval & co."""
    try:
        tree = ast.parse(text, filename=name)
        compile(tree, name, "exec", dont_inherit=True)
    except SyntaxError as err:
        raise fail("generated-module", f"does not compile: {err.msg}", f"{name}:{err.lineno}", Exit.BUG) from None
    problems = [
        fail("generated-module", f"imports {root!r}, not the standard library", f"{name}:{line}", Exit.BUG)
        for root, line in _import_roots(tree)
        if root not in sys.stdlib_module_names
    ] + [
        fail("generated-module", f"calls {func}()", f"{name}:{line}", Exit.BUG)
        for func, line in _called_names(tree)
        if func in FORBIDDEN_CALLS
    ]
    if problems:
        raise RetentionError([p for err in problems for p in err.problems], Exit.BUG)
