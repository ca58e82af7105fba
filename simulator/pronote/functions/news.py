"""``PageActualites`` (list and detail) and ``SaisieActualites`` (onglet 8).

See Pronote protocol §6.8.
"""

from __future__ import annotations

from simulator.pronote.errors import EXPIRED_OBJECT, PronoteError
from simulator.pronote.fixtures.models import News
from simulator.pronote.functions.homework import attachment_json
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import date_v, datetime_v, element, elements, entity_id, html_v


def _questions(news: News) -> Json:
    questions: list[Json] = [
        {
            "N": entity_id(44, f"{news.id}-texte"),
            "L": news.title,
            "genreReponse": 0,
            "texte": html_v(news.html),
            "listePiecesJointes": elements(attachment_json(a) for a in news.attachments),
        }
    ]
    for index, question in enumerate(news.questions):
        questions.append(
            {
                "N": entity_id(44, f"{news.id}-{index}"),
                "L": question,
                "genreReponse": 1,
                "texte": html_v(f"<p>{question}</p>"),
                "listeChoix": elements([{"L": "Oui", "G": 1}, {"L": "Non", "G": 2}]),
                "listePiecesJointes": elements([]),
            }
        )
    return elements(questions)


def news_json(call: Call, news: News, *, with_body: bool = True) -> Json:
    category = element({"N": entity_id(0, news.category), "L": news.category})
    item: Json = {
        "N": news.id,
        "L": news.title,
        "auteur": news.author,
        "lue": news.read,
        "estInformation": not news.survey,
        "estSondage": news.survey,
        "reponseAnonyme": news.anonymous,
        "estModele": False,
        "estModelePartage": False,
        "dateCreation": datetime_v(news.created),
        "dateDebut": date_v(news.start),
        "dateFin": date_v(news.end),
        "nature": category,
        "categorie": category,
        "public": element({"N": call.account.resource_id, "G": 4}),
    }
    if with_body:
        item["listeQuestions"] = _questions(news)
    return item


def _find(call: Call, news_id: object) -> News:
    found = next((n for n in call.account.news if n.id == news_id), None)
    if found is None:
        raise PronoteError(EXPIRED_OBJECT)
    return found


def page_actualites(call: Call) -> Json:
    """The list (``modesAffActus``) or one item's details (``actualite``)."""
    wanted = call.data.get("actualite")
    if isinstance(wanted, dict):
        return {"detailsActualite": news_json(call, _find(call, wanted.get("N")))}
    categories = sorted({n.category for n in call.account.news})
    return {
        "listeCategories": elements(
            {"N": entity_id(0, c), "L": c, "estDefaut": i == 0} for i, c in enumerate(categories)
        ),
        "listeModesAff": [
            {"G": 0, "listeActualites": elements(news_json(call, n) for n in call.account.news)}
        ],
    }


def saisie_actualites(call: Call) -> Json:
    """Apply ``listeActualites[i].lue``."""
    items = call.data.get("listeActualites")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and "lue" in item:
            _find(call, item.get("N")).read = bool(item["lue"])
    return {}
