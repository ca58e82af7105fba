"""The logged-in student and the message signs of ``forside.aspx`` (Lectio §2.1, §7)."""

from __future__ import annotations

from dataclasses import dataclass
import re

from bs4 import BeautifulSoup, Tag

from .html import attribute, elevid_in, text_of, with_attribute

_CONTEXT_STUDENT = re.compile(r"^S(\d+)$")
# "Eleven Freja Hansen, 2b - Forside" (the page name after the last " - ").
_HEADER = re.compile(r"^\s*Eleven\s+(?P<name>.+?)(?:,\s*(?P<class>[^,]+?))?\s+-\s+[^-]+$")
_UNREAD = re.compile(r"\d+")
# Lectio glues a short marker to some students' names: "Eleven Ida Holm(k), 1g3 - Skema".
_NAME_MARKER = re.compile(r"\s*\(\w{1,3}\)$")


@dataclass(frozen=True, slots=True)
class Identity:
    """The student the session belongs to."""

    elevid: str
    name: str
    class_name: str | None
    school_name: str | None

    @property
    def first_name(self) -> str:
        """Every name but the last."""
        return self.name.rsplit(" ", 1)[0] if " " in self.name else self.name

    @property
    def last_name(self) -> str:
        """The last name (Danish names: the family name comes last)."""
        return self.name.rsplit(" ", 1)[1] if " " in self.name else ""


def _elevid(document: BeautifulSoup) -> str | None:
    meta = document.find("meta", attrs={"name": "msapplication-starturl"})
    if isinstance(meta, Tag) and (found := elevid_in(attribute(meta, "content"))):
        return found
    for tag in with_attribute(document, "data-lectiocontextcard"):
        if "MainTitle" in attribute(tag, "id"):
            match = _CONTEXT_STUDENT.match(attribute(tag, "data-lectiocontextcard"))
            if match:
                return match[1]
    for link in document.find_all("a", href=True):
        if found := elevid_in(attribute(link, "href")):
            return found
    return None


def _header_text(document: BeautifulSoup) -> str:
    header = document.find(id=re.compile("MainTitle$"))
    if isinstance(header, Tag) and text_of(header):
        return text_of(header)
    title = document.find("title")
    return text_of(title) if isinstance(title, Tag) else ""


def parse_identity(document: BeautifulSoup) -> Identity | None:
    """The student of a logged-in page, None when the page shows no student."""
    elevid = _elevid(document)
    if elevid is None:
        return None
    header = _header_text(document)
    # The <title> carries more " - " parts: keep the first "Eleven Name, class - Page" part.
    head = " - ".join(header.split(" - ")[:2])
    match = _HEADER.match(head)
    name = _NAME_MARKER.sub("", match["name"].strip()) if match else ""
    class_name = match["class"].strip() if match and match["class"] else None
    school = document.find(class_="ls-master-header-institution-name")
    return Identity(
        elevid=elevid,
        name=name,
        class_name=class_name,
        school_name=text_of(school) if isinstance(school, Tag) else None,
    )


def parse_unread_count(document: BeautifulSoup) -> int | None:
    """The unread-message counter of the front page."""
    island = document.find(id=re.compile("kommIsland_pa$"))
    if not isinstance(island, Tag):
        return None
    counter = island.find(class_="dashboardLinkHeaderInfoText")
    match = _UNREAD.search(text_of(counter) if isinstance(counter, Tag) else "")
    return int(match[0]) if match else None


@dataclass(frozen=True, slots=True)
class MessageSigns:
    """What the front page shows of the messages: when it changes, the list changed."""

    unread: int | None
    latest: str


def parse_message_signs(document: BeautifulSoup) -> MessageSigns:
    """The unread counter and the latest subjects' preview (empty when the page has none)."""
    preview = document.find(id=re.compile("BeskederInfo$"))
    return MessageSigns(
        unread=parse_unread_count(document),
        latest=text_of(preview) if isinstance(preview, Tag) else "",
    )
