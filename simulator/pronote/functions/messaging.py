"""``ListeMessagerie``, ``ListeMessages`` and ``SaisieMessage`` (onglet 131).

See Pronote protocol §6.9.
"""

from __future__ import annotations

from simulator.pronote.fixtures.models import Discussion, Message
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import datetime_v, element, elements, entity_id, html_v

DRAFTS_LABEL = entity_id(0, "etiquette-brouillons")
TRASH_LABEL = entity_id(0, "etiquette-corbeille")


def discussion_json(discussion: Discussion) -> Json:
    last = discussion.messages[-1]
    item: Json = {
        "N": discussion.id,
        "estUneDiscussion": True,
        "profondeur": 0,
        "objet": discussion.subject,
        "libelleDate": last.sent.strftime("%d/%m/%y"),
        "date": datetime_v(last.sent),
        "nbNonLus": discussion.unread,
        "nombreMessages": len(discussion.messages),
        "nbBrouillons": 0,
        "ferme": discussion.closed,
        "listePossessionsMessages": elements({"N": m.possession_id} for m in discussion.messages),
        "messagePourParticipants": element({"N": discussion.messages[0].id}),
        "listeEtiquettes": elements([]),
    }
    if discussion.initiator:
        item["initiateur"] = discussion.initiator
    return item


def liste_messagerie(call: Call) -> Json:
    """Discussions of the account; ``avecLu: false`` keeps only those with unread messages."""
    discussions = call.account.discussions
    if call.data.get("avecLu") is False:
        discussions = [d for d in discussions if d.unread]
    return {
        "listeEtiquettes": elements(
            [
                {"N": DRAFTS_LABEL, "L": "Brouillons", "G": 4},
                {"N": TRASH_LABEL, "L": "Corbeille", "G": 5},
            ]
        ),
        "listeMessagerie": elements(discussion_json(d) for d in discussions),
        "nbNonLus": sum(d.unread for d in call.account.discussions),
    }


def _discussion(call: Call) -> Discussion | None:
    wanted = call.data.get("listePossessionsMessages")
    ids = {p.get("N") for p in wanted if isinstance(p, dict)} if isinstance(wanted, list) else set()
    return next(
        (d for d in call.account.discussions if any(m.possession_id in ids for m in d.messages)),
        None,
    )


def message_json(call: Call, message: Message) -> Json:
    return {
        "N": message.id,
        "possessionMessage": element({"N": message.possession_id}),
        "contenu": html_v(message.html),
        "estHTML": True,
        "date": datetime_v(message.sent),
        "emetteur": not message.author,
        "public_gauche": message.author or call.account.label,
        "lu": message.read,
        "messageSource": element({"N": message.reply_to}),
    }


def liste_messages(call: Call) -> Json:
    """Messages of the discussion owning the given possessions (reading marks them read)."""
    discussion = _discussion(call)
    if discussion is None:
        return {"listeMessages": elements([])}
    result: Json = {
        "listeMessages": elements(message_json(call, m) for m in discussion.messages),
        "messagePourReponse": element({"N": discussion.messages[-1].id, "G": 0}),
        "listeBoutons": elements([] if discussion.closed else [{"G": 0, "L": "Répondre à tous"}]),
    }
    for message in discussion.messages:
        message.read = True
    return result


def saisie_message(call: Call) -> Json:
    """``commande`` ``pourLu``/``corbeille``, or a reply (``messagePourReponse``, ``contenu``)."""
    data = call.data
    discussion = _discussion(call)
    command = data.get("commande")
    if command == "pourLu" and discussion is not None:
        for message in discussion.messages:
            message.read = bool(data.get("lu", True))
    elif command == "corbeille" and discussion is not None:
        call.account.discussions.remove(discussion)
    elif isinstance(data.get("messagePourReponse"), dict) and isinstance(data.get("contenu"), str):
        replied = data["messagePourReponse"].get("N")
        for candidate in call.account.discussions:
            if any(m.id == replied for m in candidate.messages) and not candidate.closed:
                key = f"{candidate.id}-{len(candidate.messages)}"
                candidate.messages.append(
                    Message(
                        id=entity_id(30, key),
                        possession_id=entity_id(31, key),
                        author="",
                        sent=call.sim.now(),
                        html=f"<p>{data['contenu']}</p>",
                        reply_to=str(replied),
                    )
                )
                break
    return {}
