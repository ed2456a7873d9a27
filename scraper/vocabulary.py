"""The page's words, declared once, as data: every front end and the extractor read them here.

Column titles, status words, the endpoint grammar, qualifier templates, section roles, the
legend and the text dump's markers, for each language the page is published in. Adding a
language is a change to this data (one `Vocabulary` in `LOCALES`) plus a real copy in the tests.
Endpoint paths, code spans and in-page anchors stay English in every copy; English words are
understood in every language's copy too (`fallback`), since copies mix them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from schema import ENDPOINT_PATH as ENDPOINT_PATH  # the endpoint grammar, declared with the contract

ENDPOINT_PREFIX = "/v1/"
ENDPOINT_SEPARATORS = (" / ", ", ", " and ", " or ")
_COLUMN_ROLES = ("feature", "endpoint")
_PHRASE = re.compile("[A-Za-z0-9 ]+")  # a cue that is words only: no pattern syntax in it
_WIDE = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "、": ","})


def fold(text: str) -> str:
    """A word as a reader compares it: case, spacing and full-width punctuation ignored."""
    if not text.isascii():  # full-width punctuation is not ASCII: most words need no translating
        text = text.translate(_WIDE)
    return " ".join(text.split()).lower()


def _template(pattern: str) -> re.Pattern[str]:
    """`Memenuhi syarat {name}` / `{name} eligible` as a regex whose group 1 is the name."""
    before, _, after = pattern.partition("{name}")
    parts = [r"\s*".join(re.escape(w) for w in side.split()) for side in (before, after)]
    return re.compile(rf"{parts[0]}\s*(.+?)\s*{parts[1]}", re.IGNORECASE)


def _name_in(templates: tuple[re.Pattern[str], ...], text: str) -> str | None:
    """The name the first matching template reads out of `text` (group 1); None when none matches."""
    text = text.strip()
    return next((match.group(1) for t in templates if (match := t.fullmatch(text))), None)


@dataclass(frozen=True)
class Vocabulary:
    """The words one language's copy of the page uses. What is derived from them (folded words,
    compiled patterns) is built once per vocabulary (the `cached_property`s), not per cell."""

    locale: str
    language: str  # its name, for messages
    feature_column: str
    endpoint_column: str
    eligible_column: str  # "{name} eligible", "Memenuhi syarat {name}", "{name} 资格"
    details_columns: tuple[str, ...]
    statuses: dict[str, str]  # the word as written -> yes / qualified / no
    scope_heading: str  # "{name} scope": the heading that names an arrangement in full
    covers_heading: str  # a regex; group 1 names the arrangement
    excludes_heading: str
    qualifiers: tuple[tuple[str, str], ...]  # (regex over the bracket's text, requirement kind)
    joiners: tuple[str, ...] = ()  # words between two endpoints: "and", "dan", "或"
    filler: tuple[str, ...] = ()  # words of a qualifier that name no API thing ("with", "alat")
    section_roles: dict[str, str] = field(default_factory=dict)  # heading word -> page field
    cues: dict[str, str] = field(default_factory=dict)  # prose cue -> words (regexes) that mark it
    legend: str = ""  # the sentence before the legend of status words ("uses three values")
    dump_article_marker: str = ""  # the line before a text dump's article
    dump_toc_marker: str = ""
    fallback: Vocabulary | None = None  # words understood too (English, in every copy)

    def chain(self) -> tuple[Vocabulary, ...]:
        """This vocabulary, then the ones it falls back on."""
        return (self, *(self.fallback.chain() if self.fallback else ()))

    @cached_property
    def _statuses(self) -> dict[str, str]:
        """Every status word of the chain, folded; the first vocabulary to know a word wins."""
        found: dict[str, str] = {}
        for words in self.chain():
            for known, status in words.statuses.items():
                found.setdefault(fold(known), status)
        return found

    def status(self, word: str) -> str | None:
        """yes / qualified / no for a status word (case, spacing and full-width brackets as a
        reader ignores them); None for a word no vocabulary in the chain knows."""
        found = self._written.get(word)  # most cells write a word as declared: no folding
        return found if found is not None else self._statuses.get(fold(word))

    @cached_property
    def _written(self) -> dict[str, str]:
        """Every status word of the chain as declared, with the status its folded form has."""
        return {known: self._statuses[fold(known)] for words in self.chain() for known in words.statuses}

    def word(self, status: str) -> str:
        """The word this language writes for a status (`qualified` -> `Yes (qualified)`)."""
        return next(w for w, s in self.statuses.items() if s == status)

    def status_regex(self) -> re.Pattern[str]:
        """Every status word, longest first, so `Yes (qualified)` is not read as `Yes`."""
        words = sorted({w for v in self.chain() for w in v.statuses}, key=len, reverse=True)
        return re.compile("|".join(re.escape(w) for w in words))

    @property
    def eligible_suffix(self) -> str:
        """The text after the name in a suffix language's column title: " eligible"."""
        return self.eligible_column.partition("{name}")[2]

    def arrangement_prefix(self, column: str) -> str | None:
        """`ZDR eligible`, `Memenuhi syarat ZDR`, `ZDR 资格` -> `ZDR`; None for other columns."""
        return _name_in(self._eligible_columns, column)

    def is_column(self, text: str, role: str) -> bool:
        """Whether a header cell is the `feature` or `endpoint` column in any known word."""
        return fold(text) in self._columns[role]

    @cached_property
    def _columns(self) -> dict[str, frozenset[str]]:
        return {role: frozenset(fold(getattr(v, f"{role}_column")) for v in self.chain()) for role in _COLUMN_ROLES}

    def scope_name(self, heading: str) -> str | None:
        """`Zero data retention (ZDR) scope` -> `Zero data retention (ZDR)`; None otherwise."""
        return _name_in(self._scope_headings, heading)

    @cached_property
    def _eligible_columns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_template(v.eligible_column) for v in self.chain())

    @cached_property
    def _scope_headings(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_template(v.scope_heading) for v in self.chain() if v.scope_heading)

    def scope_label(self, label: str) -> tuple[str, str] | None:
        """("covers" | "excludes", the arrangement named) for a "What X covers" label."""
        for kind, pattern in self._scope_labels:
            match = pattern.fullmatch(label.strip())
            if match:
                return kind, match.group(1)
        return None

    @cached_property
    def _scope_labels(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        kinds = (("excludes", "excludes_heading"), ("covers", "covers_heading"))
        return tuple((kind, re.compile(getattr(v, name), re.IGNORECASE)) for v in self.chain() for kind, name in kinds)

    @cached_property
    def all_qualifiers(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Every qualifier template of the chain, compiled: (pattern over the bracket's text, kind)."""
        return tuple((re.compile(pattern), kind) for v in self.chain() for pattern, kind in v.qualifiers)

    @cached_property
    def endpoint_gap(self) -> re.Pattern[str]:
        """What may stand between two endpoints: `/`, `,`, `、` or a joining word of the chain."""
        joiners = "|".join(re.escape(j) for v in self.chain() for j in v.joiners)
        return re.compile(rf"\s*(?:/|,|、|{joiners})?\s*")

    def cue(self, name: str) -> re.Pattern[str] | None:
        """The pattern of a prose cue (`phi_excluded`, `schema_restrictions`, ...) in this
        language or a fallback; None when no vocabulary in the chain declares it."""
        return self._cues.get(name)

    def says(self, name: str, text: str) -> bool:
        """Whether `text` carries the prose cue `name` (its pattern found case-blind anywhere in
        it); KeyError for a cue no vocabulary declares. A cue of plain ASCII words is looked for
        in an ASCII text as a substring of its lowercase: the same answer (case-blind, an ASCII
        letter matches only its other case), without the pattern tried at every place of every
        paragraph (a case-blind pattern gets no fast scan from `re`)."""
        phrase = self._phrases.get(name)
        if phrase is not None and text.isascii():
            return phrase in text.lower()
        return self._cues[name].search(text) is not None

    @cached_property
    def _declared_cues(self) -> dict[str, str]:
        """Each cue's pattern in the chain, the first vocabulary to declare a name winning."""
        found: dict[str, str] = {}
        for words in self.chain():
            for name, pattern in words.cues.items():
                found.setdefault(name, pattern)
        return {name: pattern for name, pattern in found.items() if pattern}

    @cached_property
    def _cues(self) -> dict[str, re.Pattern[str]]:
        """Each cue compiled once."""
        return {name: re.compile(pattern, re.IGNORECASE) for name, pattern in self._declared_cues.items()}

    @cached_property
    def _phrases(self) -> dict[str, str]:
        """The cues that are plain ASCII words (`restriction applies to`), lowercase."""
        return {name: pattern.lower() for name, pattern in self._declared_cues.items() if _PHRASE.fullmatch(pattern)}

    def role(self, title: str) -> str | None:
        """The page field a section heading holds ("Frequently asked questions" -> faq)."""
        folded = fold(title)
        return next((role for word, role in self._roles if word in folded), None)

    @cached_property
    def _roles(self) -> tuple[tuple[str, str], ...]:
        return tuple((fold(word), role) for v in self.chain() for word, role in v.section_roles.items())


ENGLISH = Vocabulary(
    locale="en",
    language="English",
    feature_column="Feature",
    endpoint_column="Endpoint",
    eligible_column="{name} eligible",
    details_columns=("Details", "Data retention details"),
    statuses={"Yes (qualified)": "qualified", "Yes": "yes", "No": "no", "qualified": "qualified"},
    scope_heading="{name} scope",
    covers_heading=r"What (.+?) covers",
    excludes_heading=r"What (.+?) does not cover",
    qualifiers=(
        (r"with (\S+) tool", "tool"),
        (r"with (\S+) toolset(?: or tool)?", "tool"),  # "browser toolset", "computer toolset or tool"
        (r"with (\S+) source", "source"),
        (r"with (\S+) header", "header"),
        (r'with ([A-Za-z0-9_.\-]+):\s*"?([^"]*)"?', "parameter"),
        (r"with ([A-Za-z0-9_.\-]+)", "parameter"),
    ),
    joiners=("and", "or"),
    filler=("with", "tool", "tools", "toolset", "source", "header", "or", "and", "message", "messages"),
    section_roles={
        "limitations": "limitations",
        "question": "faq",
        "related": "related_resources",
        "phi": "phi",
    },
    cues={
        "hipaa_steps": r"\bhipaa\b",  # a heading over the steps names the arrangement
        "phi_excluded": r"not expected to contain phi",  # the sentence naming PHI-free fields
        "phi_locations": r"\bappears? in\b|:",  # what leads the inline list of PHI locations
        "schema_restrictions": r"restriction applies to",  # the sentence over the restricted parts
        "schema_restrictions_lead": r"\bapplies to\b|:",
        "beta_exclusion": r"beta\b",  # the excluded-scope label under which betas not listed fall
    },
    legend="Each eligibility column uses three values",
    dump_article_marker="Was this page helpful?",
    dump_toc_marker="On this page",
)

INDONESIAN = Vocabulary(
    locale="id",
    language="Indonesian",
    feature_column="Fitur",
    endpoint_column="Endpoint",
    eligible_column="Memenuhi syarat {name}",
    details_columns=("Detail", "Detail retensi data"),
    statuses={
        "Ya (berkualifikasi)": "qualified",  # March and April 2026
        "Ya (dengan kualifikasi)": "qualified",  # from June 2026
        "Ya": "yes",
        "Tidak": "no",
    },
    scope_heading="Cakupan {name}",
    covers_heading=r"Apa yang dicakup (.+)",
    excludes_heading=r"Apa yang tidak dicakup (.+)",
    qualifiers=(
        (r"dengan alat (\S+)", "tool"),
        (r"dengan sumber (\S+)", "source"),
        (r"dengan header (\S+)", "header"),
        (r'dengan ([A-Za-z0-9_.\-]+):\s*"?([^"]*)"?', "parameter"),
        (r"dengan ([A-Za-z0-9_.\-]+)", "parameter"),
    ),
    joiners=("dan", "atau"),
    filler=("dengan", "alat", "sumber", "header", "pesan", "atau", "dan"),
    section_roles={
        "batasan": "limitations",
        "pertanyaan": "faq",
        "sumber daya terkait": "related_resources",
        "phi": "phi",
    },
    legend="Setiap kolom kelayakan menggunakan tiga nilai",
    fallback=ENGLISH,
)

CHINESE_SIMPLIFIED = Vocabulary(
    locale="zh-CN",
    language="Chinese (simplified)",
    feature_column="功能",
    endpoint_column="端点",
    eligible_column="{name} 资格",
    details_columns=("详情",),
    statuses={"是（有条件）": "qualified", "是": "yes", "否": "no"},
    scope_heading="",  # no copy seen names an arrangement in a "scope" heading
    covers_heading=r"(.+?)\s*涵盖的范围",
    excludes_heading=r"(.+?)\s*不涵盖的范围",
    qualifiers=(
        (r"带 ?(\S+) ?工具集(?:或工具)?", "tool"),  # （带 `browser` 工具集）
        (r"带 ?(\S+) ?工具", "tool"),
        (r"带 ?(\S+) ?来源", "source"),
        (r"带 ?(\S+) ?(?:标头|请求头)", "header"),
        (r'带 ?([A-Za-z0-9_.\-]+):\s*"?([^"]*)"?', "parameter"),
        (r"带 ?([A-Za-z0-9_.\-]+)", "parameter"),
    ),
    joiners=("和", "或"),
    section_roles={
        "限制": "limitations",
        "常见问题": "faq",
        "相关资源": "related_resources",
        "phi": "phi",
    },
    legend="每个资格列使用三个值",
    fallback=ENGLISH,
)

LOCALES: dict[str, Vocabulary] = {v.locale: v for v in (ENGLISH, INDONESIAN, CHINESE_SIMPLIFIED)}
WHERE = "scraper/vocabulary.py (a Vocabulary in LOCALES)"


def known(locale: str) -> Vocabulary | None:
    """The vocabulary of a locale code as URLs and `lang` write it (`zh-cn`, `en-US`), if any."""
    by_fold = {k.lower(): v for k, v in LOCALES.items()}
    code = locale.strip().replace("_", "-").lower()
    return by_fold.get(code) or by_fold.get(code.split("-")[0])


@cache  # read in the matching loop, once a requirement
def filler() -> frozenset[str]:
    """Every language's qualifier words that name no API thing: left out when two copies'
    qualifiers are compared by the code names they hold."""
    return frozenset(w for v in LOCALES.values() for w in v.filler)


# Unicode superscript digits (`Yes¹ ²`) are footnote marks in every front end, never text.
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


def column_label(column: str) -> str:
    """How a reader names an arrangement from its column in any known language: `ZDR eligible`,
    `Memenuhi syarat ZDR`, `ZDR 资格` -> `ZDR`; the column itself when no language knows it."""
    found = (v.arrangement_prefix(column) for v in LOCALES.values())
    return next((label for label in found if label), column)
