"""``PageMenus`` (onglet 10): the canteen week containing ``data.date`` (Pronote protocol §6.7)."""

from __future__ import annotations

from datetime import timedelta

from simulator.pronote.errors import UNAVAILABLE, PronoteError
from simulator.pronote.fixtures.models import Food, Meal
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import date_v, elements, entity_id, parse_typed_date

MEAL_NAMES = {0: "Déjeuner", 1: "Dîner"}


def _food(food: Food) -> Json:
    return {
        "N": food.id,
        "L": food.name,
        "listeLabelsAlimentaires": elements(
            {"N": lid, "L": name, "couleur": colour} for lid, name, colour in food.labels
        ),
        "listeAllergenesAlimentaire": elements(
            {"N": entity_id(0, a), "L": a, "couleur": "#FF0000"} for a in food.allergens
        ),
    }


def meal_json(meal: Meal) -> Json:
    return {
        "N": meal.id,
        "L": MEAL_NAMES[meal.kind],
        "G": meal.kind,
        "ListePlats": elements(
            {"G": kind, "ListeAliments": elements(_food(f) for f in foods)}
            for kind, foods in meal.dishes
        ),
    }


def page_menus(call: Call) -> Json:
    moment = parse_typed_date(call.data.get("date"))
    if moment is None:
        raise PronoteError(UNAVAILABLE)
    monday = moment.date() - timedelta(days=moment.weekday())
    days = sorted({m.day for m in call.world.menus if monday <= m.day < monday + timedelta(days=7)})
    labels: dict[str, Json] = {}
    allergens: dict[str, Json] = {}
    for meal in call.world.menus:
        for _, foods in meal.dishes:
            for food in foods:
                for lid, name, colour in food.labels:
                    labels[lid] = {"N": lid, "L": name, "couleur": colour}
                for allergen in food.allergens:
                    allergens[allergen] = {"N": entity_id(0, allergen), "L": allergen}
    return {
        "AvecRepasMidi": True,
        "AvecRepasSoir": False,
        "DomaineDePresence": {"_T": 8, "V": "[0,1,3,4]"},
        "ListeAllergenes": elements(allergens.values()),
        "Listelabels": elements(labels.values()),
        "ListeJours": elements(
            {
                "Date": date_v(day),
                "ListeRepas": elements(meal_json(m) for m in call.world.menus if m.day == day),
            }
            for day in days
        ),
    }
