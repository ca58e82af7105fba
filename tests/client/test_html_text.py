"""HTML fragments to plain text."""

from __future__ import annotations

from custom_components.schoolbag.client.html_text import html_to_text


def test_paragraphs_and_breaks() -> None:
    html = "<p>Exercices 3 et 4 p.52</p><p>Lire le chapitre<br>5<br/>et 6</p>"
    assert html_to_text(html) == "Exercices 3 et 4 p.52\nLire le chapitre\n5\net 6"


def test_entities_and_whitespace() -> None:
    html = "<p>  R&eacute;viser&nbsp;le   cours\n sur les   fractions &amp; d&#233;cimaux  </p>"
    assert html_to_text(html) == "Réviser le cours sur les fractions & décimaux"


def test_lists_and_nested_blocks() -> None:
    html = (
        "<div><strong>Pour lundi :</strong><ul><li>Exercice <em>1</em></li>"
        "<li>Exercice 2</li></ul></div><ol><li>Apprendre</li></ol>"
    )
    assert html_to_text(html) == "Pour lundi :\n- Exercice 1\n- Exercice 2\n- Apprendre"


def test_scripts_and_styles_are_dropped() -> None:
    html = "<style>p{color:red}</style><p>Texte</p><script>alert(1)</script>"
    assert html_to_text(html) == "Texte"


def test_plain_text_and_empty() -> None:
    assert html_to_text("") == ""
    assert html_to_text("Juste du texte") == "Juste du texte"
    assert html_to_text("<p></p><br><p> </p>") == ""


def test_broken_html_is_tolerated() -> None:
    assert html_to_text("<p>Non fermé <b>gras") == "Non fermé gras"
    assert html_to_text("a < b et c > d") == "a < b et c > d"
