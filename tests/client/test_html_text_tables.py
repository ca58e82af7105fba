"""HTML tables and inline self-closing tags to plain text."""

from __future__ import annotations

from custom_components.schoolbag.client.html_text import html_to_text


def test_table_cells_are_separated_and_rows_are_lines() -> None:
    """Cells of a row never run together; each row is a line of its own."""
    html = (
        "<table><tr><th>Jour</th><th>Salle</th></tr>"
        "<tr><td>Lundi</td><td>B12</td></tr><tr><td>Mardi</td><td>C3</td></tr></table>"
    )
    assert html_to_text(html) == "Jour Salle\nLundi B12\nMardi C3"


def test_inline_self_closing_tags_add_nothing() -> None:
    """``<img/>`` or ``<wbr/>`` inside a sentence neither break the line nor add text."""
    assert html_to_text('Voir <img src="x.png" alt="schéma"/>le schéma') == "Voir le schéma"
    assert html_to_text("anti<wbr/>constitutionnellement") == "anticonstitutionnellement"


def test_self_closing_block_tags_break_the_line() -> None:
    """``<hr/>`` and ``<br/>`` written as XHTML still separate lines."""
    assert html_to_text("Partie 1<hr/>Partie 2<br/>fin") == "Partie 1\nPartie 2\nfin"


def test_unclosed_skipped_tag_hides_only_its_content() -> None:
    """A stray ``</style>`` never makes the skipped depth negative and hide later text."""
    assert html_to_text("</style>Avant<style>p{}</style>Après") == "AvantAprès"
