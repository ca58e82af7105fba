"""``ParametresUtilisateur``, ``PageInfosPerso`` and the keep-alive.

See Pronote protocol §5 (``ParametresUtilisateur``), §6.11 (``PageInfosPerso``) and §6.10
(keep-alive).
"""

from __future__ import annotations

import hashlib

from simulator.pronote.fixtures.models import Account, Period, PersonalInfo, Student
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import element, elements, entity_id

TAB_TREE: list[Json] = [
    {"G": 7},
    {"G": 8},
    {"G": 10},
    {"G": 13},
    {"G": 16},
    {"G": 19},
    {"G": 49},
    {"G": 88, "Onglet": [{"G": 89}]},
    {"G": 131},
    {"G": 198},
    {"G": 201},
]
ALLOWED_TABS = frozenset({7, 8, 10, 13, 16, 19, 49, 88, 89, 131, 198, 201})
PERIOD_TABS = (198, 201, 19, 13)


def period_ref(period: Period) -> Json:
    return {"N": period.id, "L": period.label, "G": period.kind}


def student_resource(call: Call, student: Student) -> Json:
    """A pupil's ``ressource`` (also used as a child entry of ``listeRessources``)."""
    world = call.world
    current = world.year.current_trimester(world.today)
    periods = [period_ref(p) for p in world.year.periods]
    groups = sorted({s.group for s in student.subjects.values() if s.group})
    return {
        "N": student.id,
        "G": 4,
        "L": student.name,
        "P": 1,
        "Etablissement": element({"N": world.school.id, "L": world.school.name}),
        "classeDEleve": {"N": student.class_id, "L": student.class_name},
        "avecPhoto": False,
        "listeOngletsPourPeriodes": elements(
            {
                "G": tab,
                "listePeriodes": elements(periods),
                "periodeParDefaut": element(period_ref(current)),
            }
            for tab in PERIOD_TABS
        ),
        "listeGroupes": elements({"N": entity_id(2, name), "L": name, "G": 2} for name in groups),
    }


def parametres_utilisateur(call: Call) -> Json:
    """The logged-in user, their tabs and (for parents) their children."""
    account = call.account
    students = [call.world.students[sid] for sid in account.student_ids]
    if account.is_parent:
        resource: Json = {
            "N": account.resource_id,
            "G": 5,
            "L": account.label,
            "P": 1,
            "listeRessources": [student_resource(call, s) for s in students],
        }
    else:
        resource = student_resource(call, students[0])
    return {
        "ressource": resource,
        "listeOnglets": TAB_TREE,
        "autorisations": {
            "AvecDiscussion": True,
            "AvecDiscussionProfesseurs": True,
            "tailleMaxDocJointEtablissement": 4_194_304,
            "cours": {"domaineConsultationEDT": {"_T": 8, "V": "[1..62]"}},
        },
        "listeInformationsEtablissements": elements(
            [{"N": call.world.school.id, "L": call.world.school.name}]
        ),
    }


def _informations(info: PersonalInfo) -> Json:
    lines = info.address
    return {
        "adresse1": lines[0],
        "adresse2": lines[1],
        "adresse3": lines[2],
        "adresse4": lines[3],
        "codePostal": info.postal_code,
        "ville": info.city,
        "province": "",
        "pays": "FRANCE",
        "eMail": info.email,
        "indicatifTel": "33",
        "telephonePortable": info.phone,
        "numeroINE": info.ine,
    }


def _ical(account: Account, owner: str) -> Json:
    digest = hashlib.sha256(f"{account.username}-{owner}".encode()).hexdigest()
    return {"liste": elements([{"paramICal": digest[:24], "paramSuppl": digest[24:32]}])}


def page_infos_perso(call: Call) -> Json:
    """Personal details (of the chosen child for ``Signature.ressource``) and security mode."""
    account = call.account
    wants_child = isinstance(call.signature.get("ressource"), dict) or not account.is_parent
    if wants_child:
        student = call.student()
        info, owner = student.info, student.id
    else:
        info, owner = account.info, account.resource_id
    security = call.sim.security(account.username)
    return {
        "Informations": _informations(info),
        "securisation": {
            "mode": security.mode,
            "avecCodePIN": security.twofa_mode == "pin",
            "nbSourcesConnues": len(security.devices),
        },
        "iCal": _ical(account, owner),
    }


def navigation(call: Call) -> Json:
    """Keep-alive: any call refreshes the idle timer; nothing to return."""
    return {}
