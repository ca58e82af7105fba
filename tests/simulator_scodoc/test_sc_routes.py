"""Data routes: departments, students, semesters, bulletins, evaluations, assiduités."""

from __future__ import annotations

from datetime import date

from simulator.scodoc import ScoDocSimulator

from .helpers import Api

ALICE = "31024587"


async def test_departments_include_hidden_ones(api: Api) -> None:
    answer = await api.get("/ScoDoc/api/departements")
    assert [d["acronym"] for d in answer.body] == ["INFO", "RT", "ARCHIVES"]
    assert [d["visible"] for d in answer.body] == [True, True, False]
    assert (await api.get("/ScoDoc/api/departements_ids")).body == [3, 5, 9]
    assert (await api.get("/ScoDoc/api/departement/RT")).body["id"] == 5
    assert (await api.get("/ScoDoc/api/departement/id/3")).body["acronym"] == "INFO"


async def test_nip_in_two_departments(api: Api) -> None:
    both = await api.get(f"/ScoDoc/api/etudiants/nip/{ALICE}")
    assert {s["dept_acronym"] for s in both.body} == {"INFO", "RT"}
    # One record: the most recently enrolled one.
    assert (await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}")).body["id"] == 90417
    scoped = await api.get(f"/ScoDoc/RT/api/etudiants/nip/{ALICE}")
    assert [s["id"] for s in scoped.body] == [81802]


async def test_nip_stored_with_spreadsheet_suffix(api: Api) -> None:
    assert (await api.get("/ScoDoc/api/etudiant/nip/31029911")).status == 404
    found = await api.get("/ScoDoc/api/etudiant/nip/31029911.0")
    assert (found.status, found.body["nom"]) == (200, "LAMBERT")


async def test_name_search_ignores_case_and_accents(api: Api) -> None:
    found = await api.get("/ScoDoc/INFO/api/etudiants/name/martin")
    assert sorted(s["prenom"] for s in found.body) == ["EMMA", "LUCAS"]
    assert (await api.get("/ScoDoc/api/etudiants/name/zzz")).body == []


async def test_current_semesters_contain_today(api: Api, sim: ScoDocSimulator) -> None:
    answer = await api.get("/ScoDoc/api/formsemestres/query", nip=ALICE)
    by_id = {s["id"]: s for s in answer.body}
    assert set(by_id) == {4102, 4021, 3650}
    current = by_id[4102]
    assert date.fromisoformat(current["date_debut_iso"]) <= sim.today
    assert sim.today <= date.fromisoformat(current["date_fin_iso"])
    assert date.fromisoformat(by_id[4021]["date_fin_iso"]) < sim.today
    assert current["date_debut"] == date.fromisoformat(current["date_debut_iso"]).strftime(
        "%d/%m/%Y"
    )
    scoped = await api.get("/ScoDoc/INFO/api/formsemestres/query", nip=ALICE)
    assert {s["id"] for s in scoped.body} == {4102, 4021}
    courants = await api.get("/ScoDoc/api/departement/INFO/formsemestres_courants")
    assert {s["id"] for s in courants.body} == {4102, 4150}
    bad = await api.get("/ScoDoc/api/departement/INFO/formsemestres_courants", date_courante="x")
    assert bad.status == 400


async def test_but_bulletin(api: Api) -> None:
    answer = await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}/formsemestre/4102/bulletin")
    bulletin = answer.body
    assert (bulletin["type"], bulletin["publie"]) == ("BUT", True)
    assert set(bulletin["ues"]) >= {"UE3.1", "UE3.2", "UE3.3"}
    assert "SAÉ3.01" in bulletin["saes"]
    evaluation = bulletin["ressources"]["R3.01"]["evaluations"][0]
    assert evaluation["date_debut"].startswith(evaluation["date"])
    assert bulletin["semestre"]["rang"]["value"] == "7 ex"


async def test_classic_bulletin_has_no_type(api: Api) -> None:
    answer = await api.get("/ScoDoc/INFO/api/etudiant/nip/31029911.0/formsemestre/4150/bulletin")
    assert "type" not in answer.body
    assert answer.body["publie"] == 1
    assert isinstance(answer.body["ue"], list)


async def test_unpublished_bulletin_is_header_only(api: Api, sim: ScoDocSimulator) -> None:
    hidden = await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}/formsemestre/3650/bulletin")
    assert hidden.body["publie"] is False
    assert "ues" not in hidden.body
    assert "semestre" not in hidden.body
    sim.unpublished.add(4150)
    classic = await api.get("/ScoDoc/api/etudiant/etudid/90533/formsemestre/4150/bulletin")
    assert classic.body["publie"] == 0
    assert "ue" not in classic.body
    assert "etudiant" in classic.body


async def test_bulletin_errors_and_pdf(api: Api) -> None:
    not_enrolled = await api.get("/ScoDoc/api/etudiant/nip/31029911.0/formsemestre/4102/bulletin")
    assert not_enrolled.status == 404
    pdf = await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}/formsemestre/4102/bulletin/butcourt/pdf")
    assert pdf.content_type == "application/pdf"
    assert pdf.body.startswith(b"%PDF")


async def test_other_enrolled_student_gets_a_relabelled_bulletin(api: Api) -> None:
    answer = await api.get("/ScoDoc/api/etudiant/etudid/90602/formsemestre/4102/bulletin")
    assert answer.body["etudiant"]["nom"] == "MARTIN"


async def test_version_95_has_no_assiduites_and_no_evaluation_datetimes(
    api: Api, sim: ScoDocSimulator
) -> None:
    sim.version = "9.5"
    assert (await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}")).status == 404
    bulletin = await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}/formsemestre/4102/bulletin")
    evaluation = bulletin.body["ressources"]["R3.01"]["evaluations"][0]
    assert "date_debut" not in evaluation
    assert evaluation["heure_debut"] == "13:30"
    listed = await api.get("/ScoDoc/api/moduleimpl/7301/evaluations")
    assert listed.body[0]["heure_debut"] == "13:30"
    assert "date_debut" not in listed.body[0]


async def test_programme_moduleimpl_and_evaluations(api: Api) -> None:
    programme = await api.get("/ScoDoc/api/formsemestre/4102/programme")
    codes = {m["module"]["code"] for m in programme.body["ressources"]}
    assert "R3.01" in codes
    assert programme.body["modules"] == []
    classic = await api.get("/ScoDoc/api/formsemestre/4150/programme")
    assert {m["module"]["code"] for m in classic.body["modules"]} == {"M1.1", "M1.2", "PT"}
    module = await api.get("/ScoDoc/api/moduleimpl/7301")
    assert module.body["module"] == {
        "code": "R3.01",
        "titre": "Développement web",
        "module_type": 2,
    }
    evaluation = await api.get("/ScoDoc/api/evaluation/51022")
    assert evaluation.body["etat"] == {"evalcomplete": False}
    notes = await api.get("/ScoDoc/api/evaluation/51021/notes")
    assert notes.body["90417"]["value"] == "ABS"
    assert notes.body["90417"]["note_max"] == 20.0
    assert (await api.get("/ScoDoc/api/evaluation/1/notes")).status == 404
    assert (await api.get("/ScoDoc/RT/api/moduleimpl/7301")).status == 404


async def test_assiduites_with_and_without_justificatifs(api: Api) -> None:
    plain = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}")
    assert all("justificatifs" not in r for r in plain.body)
    full = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}", with_justifs="true")
    by_id = {r["assiduite_id"]: r for r in full.body}
    assert by_id[120455]["justificatifs"] == [{"justif_id": 3310}]
    assert by_id[120460]["date_debut"][-5:] in ("+0100", "+0200")
    assert by_id[120470]["moduleimpl_id"] is None
    lates = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}/query", etat="retard")
    assert [r["etat"] for r in lates.body] == ["RETARD"]
    semester = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}/query", formsemestre_id="4102")
    assert 119002 not in {r["assiduite_id"] for r in semester.body}
    bad = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}/query", date_debut="hier")
    assert bad.status == 400


async def test_assiduite_counters_split_by_justification(api: Api) -> None:
    answer = await api.get(
        f"/ScoDoc/api/assiduites/nip/{ALICE}/count/query", metric="compte", split="true"
    )
    assert answer.body["absent"]["justifie"] == {"compte": 2}
    assert answer.body["absent"]["non_justifie"] == {"compte": 2}
    assert answer.body["retard"]["non_justifie"] == {"compte": 1}
    bad = await api.get(f"/ScoDoc/api/assiduites/nip/{ALICE}/count", metric="parsec")
    assert bad.status == 400


async def test_semester_assiduites_carry_the_nip(api: Api) -> None:
    answer = await api.get("/ScoDoc/api/assiduites/formsemestre/4150")
    assert {r["code_nip"] for r in answer.body} == {"31029911.0"}


async def test_justificatifs_in_each_state(api: Api) -> None:
    answer = await api.get(f"/ScoDoc/api/justificatifs/nip/{ALICE}/query")
    assert {j["etat"] for j in answer.body} == {"VALIDE", "ATTENTE", "NON_VALIDE"}
    waiting = await api.get(f"/ScoDoc/api/justificatifs/nip/{ALICE}", etat="attente")
    assert [j["justif_id"] for j in waiting.body] == [3320]


async def test_groups_partitions_and_student_lists(api: Api) -> None:
    partitions = await api.get("/ScoDoc/api/formsemestre/4102/partitions")
    groups = partitions.body[0]["groups"]
    assert groups["2205"]["group_name"] == "TD-B"
    assert all(not key.startswith("_") for g in groups.values() for key in g)
    assert (await api.get("/ScoDoc/api/partition/640")).body["partition_name"] == "TD"
    members = await api.get("/ScoDoc/api/group/2205/etudiants")
    assert {s["id"] for s in members.body} == {90417, 90602}
    mine = await api.get("/ScoDoc/api/etudiant/etudid/90417/formsemestre/4102/groups")
    assert [g["group_name"] for g in mine.body] == ["TD-B"]
    enrolled = await api.get("/ScoDoc/api/formsemestre/4102/etudiants/long/query", etat="I")
    assert {s["id"] for s in enrolled.body} == {90417, 90602, 90603}
    assert enrolled.body[0]["groups"][0]["partition_name"] == "TD"
    current = await api.get("/ScoDoc/INFO/api/etudiants/courants")
    assert 90601 not in {s["id"] for s in current.body}  # resigned


async def test_photo_placeholder_and_student_semesters(api: Api) -> None:
    placeholder = await api.get(f"/ScoDoc/api/etudiant/nip/{ALICE}/photo")
    other = await api.get("/ScoDoc/api/etudiant/etudid/90533/photo")
    assert placeholder.content_type == "image/jpeg"
    assert placeholder.body != other.body
    semesters = await api.get("/ScoDoc/api/etudiant/etudid/81802/formsemestres")
    assert [s["id"] for s in semesters.body] == [3650]
