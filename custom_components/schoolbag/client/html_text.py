"""Turn the small HTML fragments schools send (EcoleDirecte, Pronote) into plain text."""

from __future__ import annotations

from html.parser import HTMLParser
import re

_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title"})
_CELL_TAGS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u200b]+")
_NEWLINE = "\n"
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class _TextExtractor(HTMLParser):
    """Collect text, turning block boundaries and ``<br>`` into newlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append(_NEWLINE)
        elif tag == "li":
            self.parts.append(_NEWLINE + "- ")
        elif tag in _CELL_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append(_NEWLINE)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS or tag == "li":
            self.parts.append(_NEWLINE)

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Source newlines are formatting, not content: only tags make lines.
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_title(html: str) -> str:
    """The text of a page's <title>, to name an unexpected page in an error ("" if none)."""
    match = _TITLE.search(html)
    return " ".join(match[1].split()) if match else ""


def html_to_text(html: str) -> str:
    """Return the text of an HTML fragment.

    Paragraphs, list items and ``<br>`` become line breaks, list items get a
    ``- `` bullet, entities are decoded, runs of spaces collapse to one and
    blank lines are dropped.
    """
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split(_NEWLINE))
    return _NEWLINE.join(line for line in lines if line and line != "-")
