"""Parse Pronote-only data: ``DernieresEvaluations``, ``PageMenus``, ``PageActualites``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from ..html_text import html_to_text
from ..models import (
    Acquisition,
    Dish,
    DishKind,
    Food,
    Information,
    Meal,
    MenuDay,
    MenuMeal,
    SkillEvaluation,
)
from ..values import aware
from .dates import local_date, local_datetime
from .stable_ids import IdMaker
from .typed_values import as_dict, as_dicts, flag, integer, label, labels, listed, number, text

_DISH_KINDS = {
    0: DishKind.STARTER,
    1: DishKind.MAIN,
    2: DishKind.SIDE,
    3: DishKind.OTHER,
    4: DishKind.DESSERT,
    5: DishKind.CHEESE,
}
_DINNER = 1


def _acquisition(item: dict[str, Any]) -> Acquisition:
    pillar = as_dict(item.get("pilier"))
    return Acquisition(
        level=text(item.get("L")),
        abbreviation=text(item.get("abbreviation")),
        item=label(item.get("item")) or None,
        domain=label(item.get("domaine")) or None,
        pillar=text(pillar.get("L")) or None,
        pillar_prefix=text(pillar.get("strPrefixes")) or None,
        order=integer(item.get("ordre")) or 0,
    )


def parse_evaluations(data: dict[str, Any], period_id: str | None) -> list[SkillEvaluation]:
    """Skills evaluations, newest first."""
    ids = IdMaker()
    result: list[SkillEvaluation] = []
    for item in listed(data, "listeEvaluations", "evaluations"):
        when = local_date(item.get("date"))
        if when is None:
            continue
        subject, title = label(item.get("matiere")), text(item.get("L"))
        acquisitions = sorted(
            (_acquisition(entry) for entry in as_dicts(item.get("listeNiveauxDAcquisitions"))),
            key=lambda acquisition: acquisition.order,
        )
        coefficient = number(item.get("coefficient"))
        result.append(
            SkillEvaluation(
                id=ids.make(subject, when, title, prefix="e"),
                subject=subject,
                title=title or subject,
                date=when,
                teacher=label(item.get("individu")) or None,
                coefficient=1.0 if coefficient is None else coefficient,
                description=html_to_text(text(item.get("descriptif"))),
                domain=label(item.get("domaine")) or None,
                levels=tuple(labels(as_dicts(item.get("listePaliers")))),
                acquisitions=tuple(acquisitions),
                period_id=period_id,
            )
        )
    result.sort(key=lambda evaluation: (evaluation.date, evaluation.id), reverse=True)
    return result


def _food(item: dict[str, Any]) -> Food | None:
    name = text(item.get("L"))
    if not name:
        return None
    return Food(
        name=name,
        labels=tuple(labels(as_dicts(item.get("listeLabelsAlimentaires")))),
        allergens=tuple(labels(as_dicts(item.get("listeAllergenesAlimentaire")))),
    )


def _meal(item: dict[str, Any]) -> MenuMeal:
    dishes: list[Dish] = []
    for dish in as_dicts(item.get("ListePlats")):
        kind = _DISH_KINDS.get(integer(dish.get("G")) or 0, DishKind.OTHER)
        foods = tuple(
            food for entry in as_dicts(dish.get("ListeAliments")) if (food := _food(entry))
        )
        if foods:
            dishes.append(Dish(kind=kind, foods=foods))
    meal = Meal.DINNER if integer(item.get("G")) == _DINNER else Meal.LUNCH
    return MenuMeal(meal=meal, name=text(item.get("L")), dishes=tuple(dishes))


def week_menus(data: dict[str, Any]) -> list[MenuDay]:
    """Every day's menus in one week's answer."""
    days: dict[date, MenuDay] = {}
    for item in as_dicts(data.get("ListeJours")):
        if (when := local_date(item.get("Date"))) is not None:
            meals = tuple(_meal(entry) for entry in as_dicts(item.get("ListeRepas")))
            days[when] = MenuDay(date=when, meals=meals)
    return list(days.values())


def menus_between(weeks: Iterable[Sequence[MenuDay]], start: date, end: date) -> list[MenuDay]:
    """The days of ``weeks`` from ``start`` to ``end`` inclusive, sorted (a later week wins)."""
    days = {day.date: day for week in weeks for day in week if start <= day.date <= end}
    return [days[when] for when in sorted(days)]


def news_body(item: dict[str, Any]) -> str:
    """The HTML text of an information (its first question), "" when not sent."""
    questions = as_dicts(item.get("listeQuestions"))
    return text(questions[0].get("texte")) if questions else ""


def parse_information(data: dict[str, Any], zone: ZoneInfo) -> list[Information]:
    """Information and surveys of every display mode, newest first, without duplicates."""
    ids = IdMaker()
    seen: set[str] = set()
    result: list[Information] = []
    for mode in listed(data, "listeModesAff", "information"):
        for item in as_dicts(mode.get("listeActualites")):
            number_ = text(item.get("N"))
            if number_ in seen:
                continue
            seen.add(number_)
            created = local_datetime(item.get("dateCreation"))
            title, author = text(item.get("L")), text(item.get("auteur"))
            html = news_body(item)
            result.append(
                Information(
                    id=ids.make(title, author, created, prefix="i"),
                    title=title,
                    author=author,
                    category=label(item.get("nature")) or label(item.get("categorie")) or None,
                    created=aware(created, zone) if created else None,
                    start=local_date(item.get("dateDebut")),
                    end=local_date(item.get("dateFin")),
                    read=flag(item.get("lue")),
                    survey=flag(item.get("estSondage")),
                    text=html_to_text(html),
                    html=html,
                )
            )
    result.sort(key=lambda info: (info.created is not None, info.created), reverse=True)
    return result
