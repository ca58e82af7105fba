"""School life, mailbox, canteen and wallet payloads."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.ecoledirecte.parsers_messages import parse_mailbox
from custom_components.schoolbag.client.ecoledirecte.parsers_money import (
    parse_canteen,
    parse_wallets,
)
from custom_components.schoolbag.client.ecoledirecte.parsers_school_life import (
    parse_school_life,
)
from custom_components.schoolbag.client.ecoledirecte.payloads import module_map
from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.models import Meal

SCHOOL_LIFE: dict[str, Any] = {
    "absencesRetards": [
        {"id": 2, "typeElement": "Absence", "date": "2025-11-19", "libelle": "2 demi-journées",
         "motif": "Maladie", "justifie": True},
        {"id": 1, "typeElement": "Absence", "date": "2025-11-03", "libelle": "",
         "displayDate": "le lundi 3 novembre", "motif": "", "justifie": False},
        {"id": 3, "typeElement": "Retard", "date": "2025-11-20", "libelle": "10 minutes",
         "justifie": "0"},
        {"id": 4, "typeElement": "Inconnu", "date": "2025-11-21"},
        {"id": 5, "typeElement": "Absence", "date": ""},
    ],
    "sanctionsEncouragements": [
        {"id": 7, "typeElement": "Punition", "date": "2025-12-08", "libelle": "RETENUE",
         "motif": "Bavardages", "par": "M. DUPONT", "aFaire": "1 heure",
         "dateDeroulement": "S'est déroulé le mer.<BR>de 13:00 à 14:00"},
        {"id": 8, "typeElement": "Encouragement", "date": "2025-12-09", "libelle": "Félicitations"},
    ],
    "dispenses": None,
    "parametrage": {"justificationEnLigne": True},
}  # fmt: skip


def test_school_life() -> None:
    life = parse_school_life(SCHOOL_LIFE)
    assert [absence.id for absence in life.absences] == ["1", "2"]
    old, sick = life.absences
    assert old.label == "le lundi 3 novembre"
    assert old.justified is False
    assert old.reason is None
    assert sick.reason == "Maladie"
    assert sick.justified is True
    assert sick.date == date(2025, 11, 19)
    (delay,) = life.delays
    assert delay.label == "10 minutes"
    assert delay.justified is False
    (punishment,) = life.punishments
    assert punishment.label == "RETENUE"
    assert punishment.given_by == "M. DUPONT"
    assert punishment.work == "1 heure"
    assert punishment.reason == "Bavardages"


def test_school_life_empty() -> None:
    life = parse_school_life({"absencesRetards": None})
    assert (life.absences, life.delays, life.punishments) == ((), (), ())
    with pytest.raises(ProtocolChangedError):
        parse_school_life("oops")


MESSAGES: dict[str, Any] = {
    "classeurs": [],
    "messages": {
        "received": [
            {"id": 1, "mtype": "received", "read": True, "subject": "Sortie",
             "content": "", "date": "2025-10-02 17:45:10",
             "from": {"name": "M. DURAND Paul", "nom": "DURAND", "prenom": "Paul"}},
            {"id": 2, "read": False, "subject": "Réunion", "date": "2025-10-05 08:00:00",
             "from": {"civilite": "Mme", "prenom": "Anne", "nom": "MARTIN"},
             "files": [{"id": 5, "type": "PIECE_JOINTE"}]},
            {"id": 3, "read": False, "subject": "Sans date"},
        ],
        "sent": None,
    },
    "pagination": {"messagesRecusCount": 42, "messagesRecusNotReadCount": "7"},
}  # fmt: skip


def test_mailbox() -> None:
    mailbox = parse_mailbox(MESSAGES)
    assert mailbox.unread == 7
    assert [message.id for message in mailbox.messages] == ["2", "1"]
    newest, oldest = mailbox.messages
    assert newest.sender == "Mme Anne MARTIN"
    assert newest.read is False
    assert newest.sent == datetime(2025, 10, 5, 8, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert oldest.sender == "M. DURAND Paul"
    assert oldest.subject == "Sortie"


def test_mailbox_counts_unread_without_pagination() -> None:
    mailbox = parse_mailbox({"messages": MESSAGES["messages"], "pagination": None})
    assert mailbox.unread == 1
    assert parse_mailbox({"messages": None}).messages == ()


def test_canteen_from_modules() -> None:
    modules = module_map(
        [
            {"code": "RESERVATIONS", "enable": True,
             "params": {"regime": "Demi-pensionnaire", "repasmidi_1": "1", "repasmidi_2": "0",
                        "repassoir_1": "0", "repasmidi_5": 1}},
            {"code": "CANTINE_BARCODE", "enable": True, "params": {"numeroBadge": "0012345"}},
            {"code": "NOTES", "enable": True},
            {"enable": True},
        ]
    )  # fmt: skip
    canteen = parse_canteen(modules)
    assert canteen is not None
    assert canteen.regime == "Demi-pensionnaire"
    assert canteen.badge == "0012345"
    booked = {(item.weekday, item.meal): item.booked for item in canteen.reservations}
    assert booked == {
        (1, Meal.LUNCH): True,
        (1, Meal.DINNER): False,
        (2, Meal.LUNCH): False,
        (5, Meal.LUNCH): True,
    }


def test_canteen_absent_or_disabled() -> None:
    assert parse_canteen(module_map([{"code": "NOTES", "enable": True}])) is None
    assert parse_canteen(module_map(None)) is None
    disabled = module_map([{"code": "RESERVATIONS", "enable": False, "params": None}])
    assert parse_canteen(disabled) is None
    badge_only = parse_canteen(
        module_map([{"code": "CANTINE_BARCODE", "enable": True, "params": {"numeroBadge": ""}}])
    )
    assert badge_only is not None
    assert badge_only.badge is None
    assert badge_only.reservations == ()


def test_wallets() -> None:
    wallets = parse_wallets(
        {
            "comptes": [
                {"id": 12, "idEleve": 2345, "typeCompte": "portemonnaie",
                 "libelle": "Restauration", "solde": 23.4},
                {"id": 13, "idEleve": 0, "libelle": "", "libelleCompte": "Activités",
                 "solde": "-5,50"},
                {"id": 14, "libelle": "Sans solde", "solde": None},
                {"libelle": "Sans id", "solde": 1},
            ]
        }
    )  # fmt: skip
    assert [(w.id, w.label, w.balance, w.student_id) for w in wallets] == [
        ("12", "Restauration", 23.4, "2345"),
        ("13", "Activités", -5.5, None),
    ]
    assert wallets[0].currency == "EUR"
    assert parse_wallets({"comptes": None}) == []
    assert parse_wallets(None) == []
