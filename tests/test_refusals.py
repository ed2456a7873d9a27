"""Pages the compiler cannot fully read are refused: exit 2, one located line each, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, CliRun

TEXT = BUNDLED.read_text(encoding="utf-8")


def replace(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return mutate


def drop_tail(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(lines[:278]) + "\n"  # everything after "• Trust Center"


CASES: list[tuple[str, Callable[[str], str], str, str]] = [
    (
        "missing status cell",
        replace("Messages API/v1/messagesYesYes", "Messages API/v1/messagesYes"),
        ":245:",
        "status",
    ),
    (
        "missing endpoint cell",
        replace("Token counting/v1/messages/count_tokensYesYes", "Token countingYesYes"),
        ":246:",
        "missing",
    ),
    ("unknown status word", replace("Citations/v1/messagesYesYes", "Citations/v1/messagesMaybeYes"), ":290:", "status"),
    (
        "mark without footnote",
        replace(
            "Web fetch/v1/messages (with web_fetch tool)Yes1 2No", "Web fetch/v1/messages (with web_fetch tool)Yes1 4No"
        ),
        ":282:",
        "footnote mark 4",
    ),
    (
        "mark without footnote in the tail",
        replace("    Yes1\n    Yes1\n", "    Yes7\n    Yes1\n"),
        ":279:",
        "footnote mark 7",
    ),
    (
        "footnote never cited",
        replace(
            "Structured outputs/v1/messagesYes (qualified)Yes3", "Structured outputs/v1/messagesYes (qualified)Yes"
        ),
        ":253:",
        "never cited",
    ),
    ("cut row without its tail", drop_tail, ":247:", "cut"),
    ("fragment left over", lambda t: t + "\n    Yes2\n", ":309:", "left over"),
    ("duplicate feature", replace("Citations/v1/messages", "Effort/v1/messages"), ":", "used 2 times"),
    (
        "no table",
        replace("FeatureEndpointZDR eligibleHIPAA eligibleDetails", "Feature list"),
        ":1:1",
        "no table with the page's columns",
    ),
    ("bad endpoint cell", replace("Files API/v1/filesNoNo", "Files API/v1/files (withNoNo"), ":306:", "status"),
]


@pytest.mark.parametrize(("name", "mutate", "where", "message"), CASES, ids=[c[0] for c in CASES])
def test_refused_with_a_located_message(
    cli: CliRun, tmp_path: Path, name: str, mutate: Callable[[str], str], where: str, message: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(mutate(TEXT), encoding="utf-8")
    dist = tmp_path / "dist"
    run = cli("build", str(page), "--dist", str(dist))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    assert where in run.err and message in run.err, run.err
    assert all(line.startswith("retention: error: ") for line in run.err.splitlines())
    assert not dist.exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"API and data retention\n\x00\n", "NUL"),
        (b"just some words\n", "no table with the page's columns"),
    ],
)
def test_unreadable_inputs(cli: CliRun, tmp_path: Path, raw: bytes, message: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(raw)
    run = cli("compile", str(page))
    assert run.code == 2 and message in run.err and "Traceback" not in run.err
    assert run.out == ""


def test_oversized_input_is_refused_before_parsing(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(TEXT, encoding="utf-8")
    run = cli("compile", str(page), "--max-bytes", "1000")
    assert run.code == 2 and "over the 1000-byte cap" in run.err


def test_every_problem_is_reported(cli: CliRun, tmp_path: Path) -> None:
    text = TEXT.replace(
        "Structured outputs/v1/messagesYes (qualified)Yes3", "Structured outputs/v1/messagesYes (qualified)Yes"
    )
    text = text.replace("Citations/v1/messages", "Effort/v1/messages")
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2
    assert len(run.err.splitlines()) >= 3, run.err  # two duplicate ids and one uncited footnote


def test_every_bad_row_is_reported(cli: CliRun, tmp_path: Path) -> None:
    text = TEXT.replace("Citations/v1/messagesYesYes", "Citations/v1/messagesMaybeYes")
    text = text.replace("Effort/v1/messages (with effort)YesYes", "Effort/v1/messages (with effort)YesPerhaps")
    text = text.replace("Token counting/v1/messages/count_tokensYesYes", "Token countingYesYes")
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2
    assert [line.split(f"{page}:")[1].split(":")[0] for line in run.err.splitlines()] == ["246", "290", "292"]
