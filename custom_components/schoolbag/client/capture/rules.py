"""What is secret in the four platforms' exchanges: header names, fields, keys, pages.

Names are compared in lower case. ``SECRET_*`` values become ``REDACTED-<n>``;
``PERSON_*`` are people's names and ids, replaced by placeholders of the same shape.
"""

from __future__ import annotations

import re

# Headers whose whole value is secret, sent or received.
SECRET_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-token",
        "2fa-token",
        "x-gtk",
        "x-csrf-token",
        "x-xsrf-token",
    }
)
# Headers made of cookies: each value goes, names stay.
COOKIE_HEADERS = frozenset({"cookie", "set-cookie"})

# Form fields and JSON keys whose value is secret wherever they appear.
SECRET_FIELDS = frozenset(
    {
        # credentials and double authentication (PIN, EcoleDirecte QCM)
        "password",
        "motdepasse",
        "mdp",
        "pin",
        "codepin",
        "code_pin",
        "choix",
        "reponse",
        "question",
        "propositions",
        "cn",
        "cv",
        "fa",
        # tokens
        "token",
        "access_token",
        "refresh_token",
        "jeton",
        "jetonconnexionapplimobile",
        "jetonconnexionapplimobilerenouvelle",
        "authorization",
        "gtk",
        "x-token",
        "2fa-token",
        "uuid",
        "identifiantnav",
        "identifiantnavigateur",
        # Pronote keys, order numbers, challenge and session
        "cle",
        "challenge",
        "alea",
        "no",
        "session",
        "h",
        "mr",
        "er",
        "modulusrsa",
        "exposantrsa",
        "publickey",
        # single sign-on and ASP.NET session state
        "samlresponse",
        "samlrequest",
        "relaystate",
        "execution",
        "lt",
        "ticket",
        "code",
        "state",
        "nonce",
        "__viewstate",
        "__viewstatex",
        "__viewstategenerator",
        "__eventvalidation",
        "__requestdigest",
        "__lastfocus",
        "autologinkey",
        "autologinkeyv2",
    }
)
# Form fields named after what they carry (Lectio's "m$Content$password", ENT forms).
SECRET_FIELD_PATTERN = re.compile(
    r"pass|pwd|username|user|login|identifiant|email|token|viewstate|eventvalidation|secret",
    re.IGNORECASE,
)

# Keys of a person's name (EcoleDirecte, ScoDoc) and of a person's identifiers.
PERSON_NAME_KEYS = frozenset(
    {
        "prenom",
        "nom",
        "nomfamille",
        "nom_usuel",
        "nom_disp",
        "nomprenom",
        "prenom_nom",
        "sort_key",
        "particule",
        "firstname",
        "lastname",
        "fullname",
        "name",
        "l",
        "email",
        "emailperso",
        "email_perso",
        "emailinstitutionnel",
        "tel",
        "telephone",
        "portable",
        "identifiant",
        "login",
        "username",
        "user_name",
        "civilite_str",
    }
)
PERSON_ID_KEYS = frozenset(
    {"id", "idlogin", "uid", "n", "etudid", "code_nip", "code_ine", "nip", "ine", "dept_id"}
)
# A JSON object is a person when it has one of these keys.
PERSON_MARKERS = frozenset(
    {
        "prenom",
        "nomfamille",
        "firstname",
        "lastname",
        "civilite",
        "code_nip",
        "etudid",
        "datenaissance",
        "date_naissance",
        "idlogin",
        "typecompte",
        "sexe",
    }
)
# Keys whose objects are people in Pronote's answers (the user and the students).
PRONOTE_PERSON_KEYS = frozenset({"ressource", "listeressources", "eleve", "membre"})

# Lectio: the student's name in the page header ("Eleven Firstname Lastname, 1g3 - ...")
# and the ids of students in links.
LECTIO_HEADER = re.compile(r"(?:Eleven|Elev|Eleven:)\s+([^,<\n]{2,80}?)(?:\(\w+\))?\s*,")
PERSON_ID_PARAMS = frozenset({"elevid", "studentid", "laererid", "etudid", "nip", "ine"})
