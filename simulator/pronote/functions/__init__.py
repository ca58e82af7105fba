"""Registry of the ``appelfonction`` functions the simulator serves."""

from __future__ import annotations

from simulator.pronote import auth, doubleauth, qrcode
from simulator.pronote.functions import (
    evaluations,
    grades,
    homework,
    menus,
    messaging,
    news,
    parametres,
    presence,
    timetable,
)
from simulator.pronote.protocol import Call, Function, Json
from simulator.pronote.session import Phase

LOGIN_PHASES = frozenset({Phase.READY, Phase.IDENTIFIED})
SECURITY_PHASES = frozenset({Phase.SECURING, Phase.AUTHENTICATED})


def _bulletins(call: Call) -> Json:
    call.student()
    return {"Message": "Le bulletin de cette période n'est pas encore publié."}


def _tabs(*tabs: int) -> frozenset[int]:
    return frozenset(tabs)


FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (
        Function("FonctionParametres", auth.fonction_parametres, frozenset({Phase.NEW})),
        Function("Identification", auth.identification, LOGIN_PHASES),
        Function("Authentification", auth.authentification, frozenset({Phase.IDENTIFIED})),
        Function("SecurisationCompteDoubleAuth", doubleauth.securisation, SECURITY_PHASES),
        Function("ParametresUtilisateur", parametres.parametres_utilisateur),
        Function("Navigation", parametres.navigation),
        Function("Presence", parametres.navigation, legacy_only=True),
        Function("PageInfosPerso", parametres.page_infos_perso, tabs=_tabs(49, 16)),
        Function("JetonAppliMobile", qrcode.jeton_appli_mobile, tabs=_tabs(7)),
        Function("PageEmploiDuTemps", timetable.page_emploi_du_temps, tabs=_tabs(16)),
        Function("PageCahierDeTexte", homework.page_cahier_de_texte, tabs=_tabs(88, 89)),
        Function(
            "SaisieTAFFaitEleve",
            homework.saisie_taf_fait_eleve,
            tabs=_tabs(88),
            students_only=True,
        ),
        Function("DernieresNotes", grades.dernieres_notes, tabs=_tabs(198)),
        Function("DernieresEvaluations", evaluations.dernieres_evaluations, tabs=_tabs(201)),
        Function("PagePresence", presence.page_presence, tabs=_tabs(19)),
        Function("PageMenus", menus.page_menus, tabs=_tabs(10)),
        Function("PageActualites", news.page_actualites, tabs=_tabs(8)),
        Function("SaisieActualites", news.saisie_actualites, tabs=_tabs(8)),
        Function("ListeMessagerie", messaging.liste_messagerie, tabs=_tabs(131)),
        Function("ListeMessages", messaging.liste_messages, tabs=_tabs(131)),
        Function("SaisieMessage", messaging.saisie_message, tabs=_tabs(131)),
        Function("PageBulletins", _bulletins, tabs=_tabs(13)),
    )
}
