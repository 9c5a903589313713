"""How users type questions: shorthand spelled out, framing words told from topic words, off-topic HR subjects."""

from __future__ import annotations

from assistant.qa.shorthand import off_topic, spelled_out, topic_words


def test_shorthand_is_spelled_out_after_the_question() -> None:
    text = spelled_out("il faut qqn dispo avec 5 ans d'xp ?")
    assert text.startswith("il faut qqn dispo avec 5 ans d'xp ?\n")
    for word in ("quelqu'un", "disponible", "expérience"):
        assert word in text
    assert spelled_out("Quel salaire pour un débutant ?") == "Quel salaire pour un débutant ?"


def test_shorthand_needs_the_whole_word() -> None:
    assert spelled_out("expérience en expo") == "expérience en expo"  # "exp" inside a word is not shorthand
    assert "quelqu'un" not in spelled_out("qqnx")


def test_framing_words_are_not_topic_words() -> None:
    assert topic_words("c'est quoi exactement un lead, concrètement ?") == ["lead"]
    assert topic_words("What does churn mean?") == ["churn"]


def test_off_topic_subjects_are_named() -> None:
    assert off_topic("préavis de démission d'un AM ?") == ["preavis", "demission"]
    assert off_topic("Is it legal to ask for references?") == ["legal"]
    assert off_topic("comment licencier un commercial") == ["licenci"]
    assert off_topic("Quel salaire pour un account manager débutant ?") == []
    assert off_topic("les chasseurs prospectent") == []  # the guide's hunters are not headhunters
    assert off_topic("un cabinet de chasse prend combien ?") == ["cabinet-de-chasse"]
    assert off_topic("un ex-consultant en cabinet de conseil ?") == []  # the guide values consulting experience
