"""Data calls of the student and parent spaces (Pronote protocol §5, 6)."""

from __future__ import annotations

from datetime import date, timedelta
import json
from typing import Any
from urllib.parse import quote

import pytest

from simulator.pronote import PronoteSimulator
from simulator.pronote.crypto import pad

from .helpers import Wire


def week(sim: PronoteSimulator, offset: int = 0) -> int:
    return sim.world.year.week(sim.today) + offset


def typed_date(day: date) -> dict[str, Any]:
    return {"_T": 7, "V": f"{day.day}/{day.month}/{day.year} 0:0:0"}


@pytest.fixture
async def student(wire: Wire) -> Wire:
    await wire.ready()
    return wire


@pytest.fixture
async def parent(wire: Wire) -> Wire:
    await wire.ready("parent.html")
    return wire


async def test_parametres_utilisateur_student(wire: Wire, sim: PronoteSimulator) -> None:
    data = await wire.ready()
    resource = data["ressource"]
    assert resource["N"] == sim.student_ids("eleve")[0]
    assert resource["Etablissement"]["V"]["L"] == "COLLÈGE MARIE CURIE"
    tabs = {entry["G"] for entry in resource["listeOngletsPourPeriodes"]["V"]}
    assert {198, 201, 19} <= tabs
    default = resource["listeOngletsPourPeriodes"]["V"][0]["periodeParDefaut"]["V"]
    assert default["N"] == sim.world.year.current_trimester(sim.today).id
    flat: list[int] = []
    for node in data["listeOnglets"]:
        flat.append(node["G"])
        flat.extend(child["G"] for child in node.get("Onglet", []))
    assert {7, 8, 10, 16, 19, 49, 88, 89, 131, 198, 201} <= set(flat)


async def test_parametres_utilisateur_parent(wire: Wire, sim: PronoteSimulator) -> None:
    data = await wire.ready("parent.html")
    children = data["ressource"]["listeRessources"]
    assert [c["L"] for c in children] == ["MARTIN Léa", "MARTIN Hugo"]
    assert [c["N"] for c in children] == sim.student_ids("parent")
    assert [c["classeDEleve"]["L"] for c in children] == ["4A", "6B"]


async def test_timetable_current_and_next_week(student: Wire, sim: PronoteSimulator) -> None:
    lessons: list[dict[str, Any]] = []
    for offset in (0, 1):
        n = week(sim, offset)
        data = await student.call("PageEmploiDuTemps", 16, {"numeroSemaine": n, "NumeroSemaine": n})
        assert isinstance(data["ListeCours"], list)
        lessons += data["ListeCours"]
    assert len(lessons) > 40
    statuses = {lesson.get("Statut") for lesson in lessons}
    assert {"Prof. absent", "Changement de salle", "Dispensé", "Remplacement"} <= statuses
    assert any(lesson["estAnnule"] for lesson in lessons)
    assert any(lesson["dispenseEleve"] for lesson in lessons)
    assert any(lesson.get("cahierDeTextes", {}).get("V", {}).get("estDevoir") for lesson in lessons)
    assert any(lesson["estSortiePedagogique"] for lesson in lessons)
    assert any(lesson.get("listeVisios") for lesson in lessons)
    assert any(lesson["P"] == 2 for lesson in lessons)
    kinds = {item["G"] for lesson in lessons for item in lesson["ListeContenus"]["V"]}
    assert kinds == {16, 3, 17, 2}
    first = lessons[0]
    assert first["place"] % 20 == 0  # Monday 08:00 in 30-minute slots
    assert first["duree"] == 2
    assert first["DateDuCours"]["V"].endswith("08:00:00")
    empty = await student.call("PageEmploiDuTemps", 16, {"numeroSemaine": week(sim, 5)})
    assert empty["ListeCours"] == []


async def test_timetable_by_date_interval(student: Wire, sim: PronoteSimulator) -> None:
    monday = sim.today - timedelta(days=sim.today.weekday())
    data = await student.call(
        "PageEmploiDuTemps",
        16,
        {"dateDebut": typed_date(monday), "dateFin": typed_date(monday)},
    )
    assert data["ListeCours"]
    assert all(
        c["DateDuCours"]["V"].startswith(monday.strftime("%d/%m/%Y")) for c in data["ListeCours"]
    )
    assert (await student.post("PageEmploiDuTemps", {}, onglet=16)).error == 21


async def test_homework_and_done_state(student: Wire, sim: PronoteSimulator) -> None:
    data = await student.call(
        "PageCahierDeTexte", 88, {"domaine": {"_T": 8, "V": f"[{week(sim)}..{week(sim, 1)}]"}}
    )
    works = data["ListeTravauxAFaire"]["V"]
    assert len(works) >= 10
    sample = works[0]
    for key in (
        "N",
        "descriptif",
        "TAFFait",
        "Matiere",
        "PourLe",
        "CouleurFond",
        "ListePieceJointe",
        "ListeThemes",
    ):
        assert key in sample
    attachments = [a for w in works for a in w["ListePieceJointe"]["V"]]
    assert any(a["G"] == 0 and a["url"].startswith("https://") for a in attachments)
    assert any(a["G"] == 1 for a in attachments)
    pending = next(w for w in works if not w["TAFFait"])
    sid = sim.student_ids("eleve")[0]
    assert sim.homework_done(sid, pending["N"]) is False
    assert (
        await student.call(
            "SaisieTAFFaitEleve", 88, {"listeTAF": [{"N": pending["N"], "TAFFait": True}]}
        )
        == {}
    )
    assert sim.homework_done(sid, pending["N"]) is True
    await student.call(
        "SaisieTAFFaitEleve", 88, {"listeTAF": [{"N": pending["N"], "TAFFait": False, "E": 2}]}
    )
    assert sim.homework_done(sid, pending["N"]) is False
    unknown = await student.post(
        "SaisieTAFFaitEleve", {"listeTAF": [{"N": "38#nope", "TAFFait": True}]}, onglet=88
    )
    assert unknown.error == 22
    with pytest.raises(KeyError):
        sim.homework_done(sid, "38#nope")


async def test_lesson_contents(student: Wire, sim: PronoteSimulator) -> None:
    data = await student.call(
        "PageCahierDeTexte", 89, {"domaine": {"_T": 8, "V": f"[{week(sim, -1)}..{week(sim)}]"}}
    )
    entries = data["ListeCahierDeTextes"]["V"]
    assert entries
    content = entries[0]["listeContenus"]["V"][0]
    assert content["descriptif"]["_T"] == 21
    assert content["categorie"]["V"]["L"]
    assert entries[0]["cours"]["V"]["N"].startswith("20#")


async def test_grades_and_averages(student: Wire, sim: PronoteSimulator) -> None:
    period = sim.world.year.current_trimester(sim.today)
    data = await student.call(
        "DernieresNotes", 198, {"Periode": {"N": period.id, "L": period.label}}
    )
    grades = data["listeDevoirs"]["V"]
    assert len(grades) >= 10
    for grade in grades:
        assert grade["periode"]["V"]["N"] == period.id
        assert grade["moyenne"]["V"]
    services = data["listeServices"]["V"]
    assert all(
        {"moyEleve", "moyClasse", "moyMin", "moyMax", "baremeMoyEleve"} <= set(s) for s in services
    )
    assert "," in data["moyGenerale"]["V"] or data["moyGenerale"]["V"].isdigit()
    assert data["moyGeneraleClasse"]["V"]
    year = next(p for p in sim.world.year.periods if p.kind == 1)
    whole = await student.call("DernieresNotes", 198, {"Periode": {"N": year.id, "L": year.label}})
    marks = {g["note"]["V"] for g in whole["listeDevoirs"]["V"]}
    assert {"|1", "|2"} <= marks
    assert (
        await student.post("DernieresNotes", {"Periode": {"N": "1#unknown"}}, onglet=198)
    ).error == 22
    sim.hide_averages = True
    hidden = await student.call("DernieresNotes", 198, {"Periode": {"N": period.id}})
    assert "moyGenerale" not in hidden
    assert all("moyEleve" not in s for s in hidden["listeServices"]["V"])


async def test_evaluations(student: Wire, sim: PronoteSimulator) -> None:
    period = sim.world.year.current_trimester(sim.today)
    data = await student.call(
        "DernieresEvaluations", 201, {"periode": {"N": period.id, "L": period.label, "G": 2}}
    )
    evaluations = data["listeEvaluations"]["V"]
    assert evaluations
    level = evaluations[0]["listeNiveauxDAcquisitions"]["V"][0]
    assert {"abbreviation", "ordre", "domaine", "pilier", "item"} <= set(level)


async def test_attendance(student: Wire, sim: PronoteSimulator) -> None:
    year = next(p for p in sim.world.year.periods if p.kind == 1)
    data = await student.call(
        "PagePresence", 19, {"periode": {"N": year.id, "L": year.label, "G": 1}}
    )
    kinds = {item["G"] for item in data["listeAbsences"]["V"]}
    assert kinds == {13, 14, 41, 46}
    punishment = next(i for i in data["listeAbsences"]["V"] if i["G"] == 41 and not i["horsCours"])
    assert isinstance(punishment["placeDemande"], int)
    assert punishment["programmation"]["V"][0]["duree"] == 120
    narrow = await student.call(
        "PagePresence",
        19,
        {
            "periode": {"N": year.id},
            "DateDebut": typed_date(sim.today),
            "DateFin": typed_date(sim.today),
        },
    )
    assert len(narrow["listeAbsences"]["V"]) < len(data["listeAbsences"]["V"])


async def test_menus(student: Wire, sim: PronoteSimulator) -> None:
    data = await student.call("PageMenus", 10, {"date": typed_date(sim.today)})
    days = data["ListeJours"]["V"]
    assert len(days) == 4
    meal = days[0]["ListeRepas"]["V"][0]
    assert meal["G"] == 0
    assert {dish["G"] for dish in meal["ListePlats"]["V"]} == {0, 1, 2, 4, 5}
    foods = [
        f
        for d in days
        for m in d["ListeRepas"]["V"]
        for p in m["ListePlats"]["V"]
        for f in p["ListeAliments"]["V"]
    ]
    assert any(f["listeLabelsAlimentaires"]["V"] for f in foods)
    assert any(f["listeAllergenesAlimentaire"]["V"] for f in foods)
    far = await student.call("PageMenus", 10, {"date": typed_date(sim.today + timedelta(days=60))})
    assert far["ListeJours"]["V"] == []


async def test_information_and_surveys(student: Wire) -> None:
    data = await student.call("PageActualites", 8, {"modesAffActus": {"_T": 26, "V": "[0..3]"}})
    items = data["listeModesAff"][0]["listeActualites"]["V"]
    assert any(i["estSondage"] for i in items)
    unread = [i for i in items if not i["lue"]]
    assert len(unread) == 2
    assert unread[0]["nature"] == unread[0]["categorie"]
    detail = await student.call(
        "PageActualites",
        8,
        {
            "actualite": {"N": unread[0]["N"], "genrePublic": 4},
            "genreRequeteActualite": 1,
            "modeAffActu": 0,
        },
    )
    assert detail["detailsActualite"]["listeQuestions"]["V"][0]["texte"]["V"].startswith("<p>")
    await student.call(
        "SaisieActualites",
        8,
        {
            "listeActualites": [{"N": unread[0]["N"], "validationDirecte": True, "lue": True}],
            "saisieActualite": False,
        },
    )
    again = await student.call("PageActualites", 8, {"modesAffActus": {"_T": 26, "V": "[0]"}})
    assert sum(not i["lue"] for i in again["listeModesAff"][0]["listeActualites"]["V"]) == 1


async def test_messaging(student: Wire) -> None:
    data = await student.call("ListeMessagerie", 131, {"avecMessage": True, "avecLu": True})
    discussions = data["listeMessagerie"]["V"]
    assert sum(d["nbNonLus"] for d in discussions) == 3
    assert {e["G"] for e in data["listeEtiquettes"]["V"]} == {4, 5}
    unread_only = await student.call("ListeMessagerie", 131, {"avecMessage": True, "avecLu": False})
    assert len(unread_only["listeMessagerie"]["V"]) == 2
    target = next(d for d in discussions if d["nbNonLus"])
    messages = await student.call(
        "ListeMessages", 131, {"listePossessionsMessages": target["listePossessionsMessages"]["V"]}
    )
    assert messages["listeMessages"]["V"][0]["estHTML"] is True
    after = await student.call("ListeMessagerie", 131, {"avecMessage": True, "avecLu": True})
    assert sum(d["nbNonLus"] for d in after["listeMessagerie"]["V"]) < 3
    await student.call(
        "SaisieMessage",
        131,
        {
            "commande": "pourLu",
            "lu": False,
            "listePossessionsMessages": target["listePossessionsMessages"]["V"],
        },
    )
    reset = await student.call("ListeMessagerie", 131, {"avecMessage": True, "avecLu": True})
    assert sum(d["nbNonLus"] for d in reset["listeMessagerie"]["V"]) == 3


async def test_personal_info_and_report(student: Wire) -> None:
    info = await student.call("PageInfosPerso", 49)
    assert info["Informations"]["ville"] == "LYON"
    assert info["securisation"]["mode"] == 1
    assert info["iCal"]["liste"]["V"][0]["paramICal"]
    report = await student.call("PageBulletins", 13, {"periode": {"N": "x", "G": 2}})
    assert "Message" in report


async def test_tab_checks(student: Wire) -> None:
    assert (await student.post("PageEmploiDuTemps", {"numeroSemaine": 1}, onglet=88)).error == 3
    assert (await student.post("DernieresNotes", {}, onglet=999)).error == 3


async def test_parent_selects_children(parent: Wire, sim: PronoteSimulator) -> None:
    lea, hugo = sim.student_ids("parent")
    n = week(sim)
    by_membre = await parent.call(
        "PageEmploiDuTemps",
        None,
        {"numeroSemaine": n},
        signature={"onglet": 16, "membre": {"N": hugo, "G": 4}},
    )
    hugo_subjects = {c["ListeContenus"]["V"][0]["L"] for c in by_membre["ListeCours"]}
    assert "SCIENCES ET TECHNOLOGIE" in hugo_subjects
    by_resource = await parent.call(
        "PageEmploiDuTemps", 16, {"numeroSemaine": n, "ressource": {"N": lea, "G": 4}}
    )
    lea_subjects = {c["ListeContenus"]["V"][0]["L"] for c in by_resource["ListeCours"]}
    assert "ESPAGNOL LV2" in lea_subjects
    stranger = await parent.post(
        "PageEmploiDuTemps",
        {"numeroSemaine": n},
        signature={"onglet": 16, "membre": {"N": "4#other", "G": 4}},
    )
    assert stranger.error == 3
    own = await parent.call("PageInfosPerso", 49)
    assert own["Informations"]["eMail"] == "famille.martin@example.org"
    child = await parent.call(
        "PageInfosPerso", None, signature={"onglet": 49, "ressource": {"N": hugo, "G": 4}}
    )
    assert child["Informations"]["eMail"] == "hugo.martin@example.org"


async def test_parent_cannot_mark_homework(parent: Wire, sim: PronoteSimulator) -> None:
    lea = sim.student_ids("parent")[0]
    work = next(w for w in sim.student(lea).homework if not w.done)
    reply = await parent.post(
        "SaisieTAFFaitEleve",
        {"listeTAF": [{"N": work.id, "TAFFait": True}]},
        signature={"onglet": 88, "membre": {"N": lea, "G": 4}},
    )
    assert reply.signature["Erreur"] is True
    assert sim.homework_done(lea, work.id) is False


async def test_homework_state_is_shared_between_spaces(wire: Wire, sim: PronoteSimulator) -> None:
    await wire.ready()
    lea = sim.student_ids("eleve")[0]
    work = next(w for w in sim.student(lea).homework if not w.done)
    await wire.call("SaisieTAFFaitEleve", 88, {"listeTAF": [{"N": work.id, "TAFFait": True}]})
    parent = Wire(wire.client, sim)
    await parent.ready("parent.html")
    data = await parent.call(
        "PageCahierDeTexte",
        None,
        {"domaine": {"_T": 8, "V": f"[{sim.world.year.week(work.due)}]"}},
        signature={"onglet": 88, "membre": {"N": lea, "G": 4}},
    )
    assert next(w for w in data["ListeTravauxAFaire"]["V"] if w["N"] == work.id)["TAFFait"] is True


async def test_attachment_download(student: Wire, sim: PronoteSimulator) -> None:
    lea = sim.student_ids("eleve")[0]
    attachment = next(a for w in sim.student(lea).homework for a in w.attachments if a.kind == 1)
    reference = json.dumps({"N": attachment.id, "Actif": True}).replace(" ", "").encode()
    blob = student.cipher.encrypt(pad(reference)).hex()  # padded twice, as pronotepy does
    url = f"/pronote/FichiersExternes/{blob}/{quote(attachment.name)}"
    response = await student.client.get(url, params={"Session": student.h})
    assert response.status == 200
    assert (await response.read()).startswith(b"%PDF")
    assert (await student.client.get(url, params={"Session": "1"})).status == 404
    other = student.cipher.encrypt(b'{"N":"48#x","Actif":true}').hex()
    missing = await student.client.get(
        f"/pronote/FichiersExternes/{other}/x.pdf", params={"Session": student.h}
    )
    assert missing.status == 404
