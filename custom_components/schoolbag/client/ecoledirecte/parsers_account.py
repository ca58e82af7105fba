"""Parse the ``accounts`` array of a login answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import NotSupportedError, ProtocolChangedError, required
from ..models import Account, AccountKind, Student
from ..values import as_dict, as_dicts, flag, identifier, integer, optional_text, text
from .payloads import module_map

_STUDENT_TYPE = "E"
_FAMILY_TYPE = "1"


@dataclass(frozen=True, slots=True)
class StudentContext:
    """What the client needs to fetch one student's data."""

    student: Student
    modules: Mapping[str, Mapping[str, Any]]
    # idLogin of the account the student belongs to, for token switching.
    login_id: int | None
    # Id of that account (the family id for a parent mailbox).
    owner_id: str
    owner_kind: AccountKind
    school_year: str

    def module_disabled(self, code: str) -> bool:
        """Return True only when the module is listed and switched off."""
        module = self.modules.get(code)
        return module is not None and not flag(module.get("enable"))

    def module_enabled(self, code: str) -> bool:
        """Return True when the module is listed and switched on."""
        module = self.modules.get(code)
        return module is not None and flag(module.get("enable"))


@dataclass(frozen=True, slots=True)
class LoginSession:
    """The parsed login: the neutral account plus per-student contexts."""

    account: Account
    students: Mapping[str, StudentContext]
    main_login_id: int | None
    # idLogin of every supported account, main first (wallets are per account).
    login_ids: tuple[int | None, ...]


@dataclass(frozen=True, slots=True)
class RenewalKey:
    """What a password-less renewal needs; the access token is a secret."""

    uuid: str
    account_type: str
    access_token: str = field(repr=False)


def parse_renewal_key(data: object, uuid: str) -> RenewalKey | None:
    """The main account's ``accessToken``, or None when the login gave none."""
    accounts = as_dicts(as_dict(data).get("accounts"))
    accounts.sort(key=lambda account: not flag(account.get("main")))
    for account in accounts:
        token = text(account.get("accessToken"))
        if token:
            return RenewalKey(uuid, text(account.get("typeCompte")), token)
    return None


def _class_name(profile: Mapping[str, Any]) -> str | None:
    classe = as_dict(profile.get("classe"))
    return optional_text(classe.get("libelle")) or optional_text(classe.get("code"))


def _display_name(account: Mapping[str, Any]) -> str:
    parts = [text(account.get(key)) for key in ("prenom", "particule", "nom")]
    name = " ".join(part for part in parts if part)
    return name or text(account.get("identifiant")) or "EcoleDirecte"


def _school_name(account: Mapping[str, Any]) -> str | None:
    profile = as_dict(account.get("profile"))
    return optional_text(account.get("nomEtablissement")) or optional_text(
        profile.get("nomEtablissement")
    )


def _student_session(account: Mapping[str, Any]) -> LoginSession:
    student_id = required(identifier(account.get("id")), "EcoleDirecte student account has no id")
    profile = as_dict(account.get("profile"))
    school = _school_name(account)
    student = Student(
        id=student_id,
        first_name=text(account.get("prenom")),
        last_name=text(account.get("nom")),
        class_name=_class_name(profile),
        school_name=school,
    )
    login_id = integer(account.get("idLogin"))
    context = StudentContext(
        student=student,
        modules=module_map(account.get("modules")),
        login_id=login_id,
        owner_id=student_id,
        owner_kind=AccountKind.STUDENT,
        school_year=text(account.get("anneeScolaireCourante")),
    )
    return LoginSession(
        account=Account(
            id=student_id,
            kind=AccountKind.STUDENT,
            display_name=_display_name(account),
            students=(student,),
            school_name=school,
        ),
        students={student_id: context},
        main_login_id=login_id,
        login_ids=(login_id,),
    )


def _family_session(families: list[dict[str, Any]]) -> LoginSession:
    main = families[0]
    contexts: dict[str, StudentContext] = {}
    for family in families:
        family_id = identifier(family.get("id")) or ""
        login_id = integer(family.get("idLogin"))
        family_school = _school_name(family)
        school_year = text(family.get("anneeScolaireCourante"))
        for child in as_dicts(as_dict(family.get("profile")).get("eleves")):
            child_id = identifier(child.get("id"))
            if child_id is None or child_id in contexts:
                continue
            contexts[child_id] = StudentContext(
                student=Student(
                    id=child_id,
                    first_name=text(child.get("prenom")),
                    last_name=text(child.get("nom")),
                    class_name=_class_name(child),
                    school_name=optional_text(child.get("nomEtablissement")) or family_school,
                ),
                modules=module_map(child.get("modules")),
                login_id=login_id,
                owner_id=family_id,
                owner_kind=AccountKind.PARENT,
                school_year=school_year,
            )
    main_id = required(identifier(main.get("id")), "EcoleDirecte family account has no id")
    return LoginSession(
        account=Account(
            id=main_id,
            kind=AccountKind.PARENT,
            display_name=_display_name(main),
            students=tuple(context.student for context in contexts.values()),
            school_name=_school_name(main),
        ),
        students=contexts,
        main_login_id=integer(main.get("idLogin")),
        login_ids=tuple(integer(family.get("idLogin")) for family in families),
    )


def parse_login(data: object) -> LoginSession:
    """Build the session from a successful login's ``data``.

    A student login gives one ``E`` account; a parent login gives one family
    (``1``) account per establishment, with children in ``profile.eleves``.
    """
    accounts = as_dicts(as_dict(data).get("accounts"))
    if not accounts:
        raise ProtocolChangedError("EcoleDirecte login returned no account")
    supported = [
        account
        for account in accounts
        if text(account.get("typeCompte")) in {_STUDENT_TYPE, _FAMILY_TYPE}
    ]
    if not supported:
        kind = text(accounts[0].get("typeCompte")) or "?"
        raise NotSupportedError(f"EcoleDirecte account type {kind!r} is not supported")
    # The token is scoped to the main account: put it first.
    supported.sort(key=lambda account: not flag(account.get("main")))
    main = supported[0]
    if text(main.get("typeCompte")) == _STUDENT_TYPE:
        return _student_session(main)
    families = [account for account in supported if text(account.get("typeCompte")) == _FAMILY_TYPE]
    return _family_session(families)
