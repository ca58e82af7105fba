"""Data endpoints built from the demo fixtures (EcoleDirecte protocol §4 and 6.2, 6.5)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import date, datetime, timedelta
import json
from typing import Any

import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import PARENT, SIMPLE, STUDENT, EdClient, unb64

DOCUMENT_TYPES = {"Note", "Doc", "Viesco", "Fac", "Inscr", "FICHIER_CDT", ""}
FILE_TYPES = {
    "CLOUD",
    "FICHIER_CDT",
    "PIECE_JOINTE",
    "FICHIER_MENU_RESTAURATION",
    "ADMINISTRATIF",
    "",
}
ATTENDANCE_TYPES = {"Punition", "Retard", "Absence", "Dispense"}
LESSON_TYPES = {"COURS", "PERMANENCE", "CONGE", "EVENEMENT", "SANCTION"}
TIMELINE_TYPES = {
    "Note",
    "VieScolaire",
    "ReunionPP",
    "ReunionPPFamille",
    "Actualite",
    "Messagerie",
    "DocumentFamille",
    "Document",
}


@pytest.fixture
async def student(ed: EdClient) -> EdClient:
    """Logged in as simple.eleve (id 2400, no QCM)."""
    assert (await ed.login(*SIMPLE[:2])).code == 200
    return ed


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def test_notes_periods_and_grades(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    answer = await student.call("eleves/2400/notes.awp", {"anneeScolaire": ""})
    data = answer.data
    periods = data["periodes"]
    assert [p["codePeriode"] for p in periods] == ["A001", "A002", "A003", "A999Z"]
    assert [p["annuel"] for p in periods] == [False, False, False, True]
    year = periods[-1]
    assert year["dateDebut"].endswith("-09-01")
    assert year["dateFin"].endswith("-08-31")
    today = sim.today.isoformat()
    assert year["dateDebut"] <= today <= year["dateFin"]
    current = [p for p in periods[:3] if p["dateDebut"] <= today <= p["dateFin"]]
    assert len(current) == 1
    ensemble = current[0]["ensembleMatieres"]
    assert ensemble["moyenneGenerale"]
    assert any(d["groupeMatiere"] for d in ensemble["disciplines"])
    assert any(d["moyenne"] and "," in d["moyenne"] for d in ensemble["disciplines"])

    notes = data["notes"]
    values = {n["valeur"] for n in notes}
    assert {"14,5", "Abs", "Disp", "NE", ""} <= values
    competence_only = next(n for n in notes if n["valeur"] == "")
    assert competence_only["noteSur"] == "0"
    assert competence_only["elementsProgramme"]
    assert any(n["nonSignificatif"] for n in notes)
    averages = [n["moyenneClasse"] for n in notes if n["moyenneClasse"]]
    assert averages
    assert all("," not in a for a in averages)
    assert all(n["date"] <= today for n in notes)
    assert all(n["codePeriode"] in {"A001", "A002", "A003"} for n in notes)
    assert data["parametrage"]["moyenneSur"] == 20
    assert unb64(data["parametrage"]["libelleEval4"]) == "Très bonne maîtrise"


async def test_add_grade_visible(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    grade_id = sim.add_grade(2400, "MATHEMATIQUES", "17.5")
    notes = (await student.call("eleves/2400/notes.awp", {})).data["notes"]
    added = next(n for n in notes if n["id"] == grade_id)
    assert added["valeur"] == "17,5"
    assert added["codeMatiere"] == "MATHS"
    assert added["dateSaisie"] == sim.today.isoformat()


async def test_homework_list_and_detail(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    upcoming = (await student.call("Eleves/2400/cahierdetexte.awp", {})).data
    dates = list(upcoming)
    assert len(dates) >= 5
    assert dates == sorted(dates)
    assert all(d >= sim.today.isoformat() for d in dates)
    items = [item for day in upcoming.values() for item in day]
    assert any(item["documentsAFaire"] for item in items)
    assert any(item["interrogation"] for item in items)
    assert any(item["effectue"] for item in items)

    with_file = next((d, i) for d, day in upcoming.items() for i in day if i["documentsAFaire"])
    detail = (await student.call(f"Eleves/2400/cahierdetexte/{with_file[0]}.awp", {})).data
    assert detail["date"] == with_file[0]
    entry = next(m for m in detail["matieres"] if m["id"] == with_file[1]["idDevoir"])
    html = unb64(entry["aFaire"]["contenu"])
    assert html.startswith("<p>")
    assert "%" not in html
    attachment = entry["aFaire"]["documents"][0]
    assert attachment["type"] == "FICHIER_CDT"
    file = await student.raw(
        "telechargement.awp",
        "data=" + json.dumps({"forceDownload": 0}),
        params={"fichierId": str(attachment["id"]), "leTypeDeFichier": "FICHIER_CDT"},
    )
    assert file.status == 200
    assert file.headers["Content-Type"] == "application/pdf"
    assert file.headers["X-Code"] == "200"
    assert (await file.read()).startswith(b"%PDF-")


async def test_homework_put_round_trip(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    upcoming = (await student.call("eleves/2400/cahierdetexte.awp", {})).data
    due, items = next((d, day) for d, day in upcoming.items() if not day[0]["effectue"])
    homework_id = items[0]["idDevoir"]
    put = await student.call(
        "Eleves/2400/cahierdetexte.awp",
        {"idDevoirsEffectues": [homework_id], "idDevoirsNonEffectues": [None]},
        verbe="put",
    )
    assert put.code == 200
    assert sim.homework_done(2400, homework_id)
    listed = (await student.call("eleves/2400/cahierdetexte.awp", {})).data[due]
    assert next(i for i in listed if i["idDevoir"] == homework_id)["effectue"] is True
    detail = (await student.call(f"eleves/2400/cahierdetexte/{due}.awp", {})).data
    entry = next(m for m in detail["matieres"] if m["id"] == homework_id)
    assert entry["aFaire"]["effectue"] is True

    await student.call(
        "eleves/2400/cahierdetexte.awp",
        {"idDevoirsEffectues": [], "idDevoirsNonEffectues": [homework_id]},
        verbe="put",
    )
    assert not sim.homework_done(2400, homework_id)


async def test_add_homework_visible(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    due = sim.today + timedelta(days=3)
    homework_id = sim.add_homework(2400, due, "SVT", "<p>Réviser la digestion</p>")
    upcoming = (await student.call("eleves/2400/cahierdetexte.awp", {})).data
    assert homework_id in [i["idDevoir"] for i in upcoming[due.isoformat()]]
    detail = (await student.call(f"eleves/2400/cahierdetexte/{due.isoformat()}.awp", {})).data
    entry = next(m for m in detail["matieres"] if m["id"] == homework_id)
    assert entry["codeMatiere"] == "SVT"
    assert unb64(entry["aFaire"]["contenu"]) == "<p>Réviser la digestion</p>"
    assert entry["aFaire"]["donneLe"] == sim.today.isoformat()


async def test_timetable(student: EdClient, sim: EcoleDirecteSimulator) -> None:
    start = monday(sim.today)
    lessons = (
        await student.call(
            "E/2400/emploidutemps.awp",
            {"dateDebut": start.isoformat(), "dateFin": (start + timedelta(days=20)).isoformat()},
        )
    ).data
    days = {lesson["start_date"][:10] for lesson in lessons}
    assert len(days) == 15  # Monday-Friday of three weeks
    assert all(lesson["typeCours"] in LESSON_TYPES for lesson in lessons)
    this_week = [
        lesson
        for lesson in lessons
        if lesson["start_date"][:10] < (start + timedelta(7)).isoformat()
    ]
    assert sum(lesson["isAnnule"] for lesson in this_week) == 1
    assert sum(lesson["isModifie"] for lesson in this_week) == 1
    for lesson in lessons:
        begin = datetime.strptime(lesson["start_date"], "%Y-%m-%d %H:%M")
        end = datetime.strptime(lesson["end_date"], "%Y-%m-%d %H:%M")
        assert begin.hour >= 8
        assert end.hour <= 17
        if begin.weekday() == 2:
            assert begin.hour < 12
    labels = {lesson["matiere"] for lesson in lessons}
    expected = {"MATHEMATIQUES", "FRANCAIS", "HISTOIRE-GEOGRAPHIE", "ANGLAIS LV1", "SVT", "EPS"}
    assert expected <= labels

    one_day = (
        await student.call(
            "e/2400/emploidutemps.awp",
            {"dateDebut": start.isoformat(), "dateFin": start.isoformat(), "avecTrous": False},
        )
    ).data
    assert {lesson["start_date"][:10] for lesson in one_day} == {start.isoformat()}
    invalid = await student.call("E/2400/emploidutemps.awp", {"dateDebut": "x", "dateFin": "y"})
    assert (invalid.code, invalid.data) == (200, [])


async def test_school_life(student: EdClient) -> None:
    data = (await student.call("eleves/2400/viescolaire.awp", {})).data
    absences = data["absencesRetards"]
    kinds = [a["typeElement"] for a in absences]
    assert kinds.count("Retard") == 1
    assert {a["justifie"] for a in absences if a["typeElement"] == "Absence"} == {True, False}
    assert [s["typeElement"] for s in data["sanctionsEncouragements"]] == ["Punition"]
    for item in absences + data["sanctionsEncouragements"] + data["dispenses"]:
        assert item["typeElement"] in ATTENDANCE_TYPES
        assert item["idEleve"] == 2400
    assert data["parametrage"]["justificationEnLigne"] is True


async def test_messages_read_marks_read(student: EdClient) -> None:
    mailbox = (
        await student.call(
            "eleves/2400/messages.awp",
            {"anneeMessages": "1999-2000"},
            params={"typeRecuperation": "received", "getAll": "0"},
        )
    ).data
    received = mailbox["messages"]["received"]
    unread = [m for m in received if not m["read"]]
    assert len(unread) == 2
    assert mailbox["pagination"]["messagesRecusNotReadCount"] == 2
    with_file = next(m for m in unread if m["files"])
    assert with_file["files"][0]["type"] == "PIECE_JOINTE"
    assert all(m["content"] == "" for m in received)

    detail = await student.call(
        f"eleves/2400/messages/{with_file['id']}.awp", {}, params={"mode": "destinataire"}
    )
    assert detail.data["read"] is True
    assert unb64(detail.data["content"]).startswith("<p>")
    again = (await student.call("eleves/2400/messages.awp", {}, verbe="getall")).data
    assert again["pagination"]["messagesRecusNotReadCount"] == 1
    missing = await student.call("eleves/2400/messages/1.awp", {})
    assert missing.code == 210


async def test_documents_and_downloads(student: EdClient) -> None:
    data = (
        await student.call("elevesDocuments.awp", {"forceDownload": 0}, params={"archive": ""})
    ).data
    documents = [
        d
        for key in ("factures", "notes", "viescolaire", "administratifs", "inscriptions")
        for d in data[key]
    ]
    assert len(documents) >= 5
    assert all(d["type"] in DOCUMENT_TYPES and d["idEleve"] == 2400 for d in documents)
    unknown = await student.raw("telechargement.awp", "data={}", params={"fichierId": "999999999"})
    assert (await unknown.json())["code"] == 210


async def test_canteen_wallets_and_menus(ed: EdClient) -> None:
    logged, _ = await ed.full_login(*PARENT[:2])
    children = logged.data["accounts"][0]["profile"]["eleves"]
    booked = []
    for child in children:
        modules = {m["code"]: m for m in child["modules"]}
        reservation = modules["RESERVATIONS"]["params"]
        assert reservation["regime"] == "Demi-pensionnaire"
        booked.append(tuple(reservation[f"repasmidi_{i}"] for i in range(1, 8)))
        assert modules["CANTINE_BARCODE"]["params"]["numeroBadge"].isdigit()
    assert booked[0] != booked[1]
    assert all("1" in days for days in booked)

    wallets = (await ed.call("comptes/sansdetails.awp", {})).data["comptes"]
    assert {(w["id"], w["idEleve"]) for w in wallets} == {
        (12, 3456),
        (13, 3456),
        (12, 3457),
        (13, 3457),
    }
    assert {w["typeCompte"] for w in wallets} == {"portemonnaie", "pmactivite"}
    detail = (await ed.call("comptes/detail.awp", {})).data["comptes"]
    assert all(w["ecritures"] for w in detail)
    menus = (await ed.call("menusRestaurationScolaire.awp", {})).data
    assert menus[0]["doc"][0]["type"] == "FICHIER_MENU_RESTAURATION"


async def test_children_have_different_data(ed: EdClient) -> None:
    await ed.full_login(*PARENT[:2])
    emma = (await ed.call("eleves/3456/notes.awp", {})).data["notes"]
    hugo = (await ed.call("eleves/3457/notes.awp", {})).data["notes"]
    assert [n["valeur"] for n in emma] != [n["valeur"] for n in hugo]
    family = (await ed.call("familles/9001/messages.awp", {})).data
    assert family["pagination"]["messagesRecusNotReadCount"] == 2


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


async def test_enums_stay_within_pydirecte_values(ed: EdClient) -> None:
    await ed.full_login(*STUDENT[:2])
    calls = [
        "eleves/2345/timeline.awp",
        "E/2345/timelineAccueilCommun.awp",
        "E/2345/espacestravail.awp",
        "eleves/2345/messages.awp",
        "elevesDocuments.awp",
        "eleves/2345/viescolaire.awp",
    ]
    payloads = [(await ed.call(path, {})).data for path in calls]
    timeline = payloads[0]
    assert {item["typeElement"] for item in timeline} <= TIMELINE_TYPES
    assert {w["type"] for w in payloads[2]} == {"LIBRE"}
    for payload in payloads[3:]:
        for key, value in _walk(payload):
            if key == "files":
                assert {f["type"] for f in value} <= FILE_TYPES
    for item in payloads[1]["postits"]:
        datetime.strptime(item["dateDebut"], "%d/%m/%Y")
        base64.b64decode(item["contenu"])


async def test_base64_texts_have_no_percent_sign(ed: EdClient, sim: EcoleDirecteSimulator) -> None:
    """pydirecte URL-unquotes every decoded text, so a literal % would be mangled."""
    await ed.full_login(*STUDENT[:2])
    texts: list[str] = []
    for due in (sim.today + timedelta(days=offset) for offset in range(-7, 14)):
        day = (await ed.call(f"eleves/2345/cahierdetexte/{due.isoformat()}.awp", {})).data
        for key, value in _walk(day):
            if key in {"contenu", "message"} and value:
                texts.append(unb64(value))
    for message in sim.student(2345).messages:
        detail = (await ed.call(f"eleves/2345/messages/{message.id}.awp", {})).data
        texts.append(unb64(detail["content"]))
    notes = (await ed.call("eleves/2345/notes.awp", {})).data
    texts += [unb64(notes["parametrage"][f"libelleEval{i}"]) for i in range(1, 5)]
    assert len(texts) > 20
    assert not [text for text in texts if "%" in text]


async def test_realistic_extras_add_unknown_values(socket_enabled: None) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from simulator.app import build_app

    sim = EcoleDirecteSimulator(realistic_extras=True)
    async with TestClient(TestServer(build_app(ecoledirecte=sim), host="127.0.0.1")) as client:
        ed = EdClient(client, sim)
        await ed.login(*SIMPLE[:2])
        life = (await ed.call("eleves/2400/viescolaire.awp", {})).data
        assert "Encouragement" in {s["typeElement"] for s in life["sanctionsEncouragements"]}
        timeline = (await ed.call("eleves/2400/timeline.awp", {})).data
        assert "Absence" in {t["typeElement"] for t in timeline}


async def test_misc_endpoints_and_case_insensitive_paths(student: EdClient) -> None:
    for path, verbe in (
        ("eleves/2400/visios.awp", "get"),
        ("edforms.awp", "list"),
        ("rdt/sondages.awp", "get"),
        ("ELEVES/2400/eleveCarnetCorrespondance.awp", "get"),
        ("Eleves/2400/Notes.awp", "get"),
    ):
        assert (await student.call(path, {}, verbe=verbe)).code == 200, path
    unknown = await student.call("eleves/2400/nothing.awp", {})
    assert unknown.code == 404
    bad_verbe = await student.call("eleves/2400/notes.awp", {}, verbe="delete")
    assert bad_verbe.code == 225


async def test_body_parser_errors(student: EdClient) -> None:
    nested = await student.raw("eleves/2400/notes.awp", "data=anneeScolaire&data=x")
    assert (await nested.json())["code"] == 522
    empty = await student.raw("eleves/2400/notes.awp", "")
    assert (await empty.json())["code"] == 200
    quoted = await student.raw("eleves/2400/notes.awp", "data={'anneeScolaire': ''}")
    assert (await quoted.json())["code"] == 200
