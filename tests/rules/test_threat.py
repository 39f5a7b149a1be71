"""threat: first-person threats of violence against a person or their property; whole phrase is the span."""
import pytest

THREATS = [
    ("Убью!", [("Убью", "RU_THREAT")]),
    ("Я тебя найду", [("Я тебя найду", "RU_THREAT")]),
    ("Вам не жить", [("Вам не жить", "RU_THREAT")]),
    ("Голову оторву этому курьеру", [("Голову оторву", "RU_THREAT")]),
    ("я вам ноги переломаю", [("я вам ноги переломаю", "RU_THREAT")]),
    ("Сожгу ваш склад", [("Сожгу ваш склад", "RU_THREAT")]),
    ("Ты труп", [("Ты труп", "RU_THREAT")]),
    ("Зарежу этого курьера", [("Зарежу этого курьера", "RU_THREAT")]),
    ("Я знаю, где ты живешь.", [("Я знаю, где ты живешь", "RU_THREAT")]),
    ("я тебя из-под земли достану", [("я тебя из-под земли достану", "RU_THREAT")]),
    ("I will kill you", [("I will kill you", "EN_THREAT")]),
    ("I'll find you", [("I'll find you", "EN_THREAT")]),
    ("You’re dead.", [("You’re dead", "EN_THREAT")]),
    ("Watch your back", [("Watch your back", "EN_THREAT")]),
    ("I know where you live", [("I know where you live", "EN_THREAT")]),
    ("I'm going to burn your store", [("I'm going to burn your store", "EN_THREAT")]),
    ("I'll beat the crap out of you", [("I'll beat the crap out of you", "EN_THREAT")]),
    ("I'll break your neck", [("I'll break your neck", "EN_THREAT")]),
]

NOT_THREATS = [
    "Подам в суд и обращусь в Роспотребнадзор",
    "Напишу претензию продавцу",
    "Эта куртка меня убила своим качеством",
    "Убийственный запах, не покупайте",
    "Руки бы оторвать тем, кто это шил",
    "Найду другого продавца",
    "Прибью полку сама",
    "Оторву бирку и верну",
    "На таких каблуках сломаю ногу",
    "Найду для вас размер побольше",
    "Лучше я убью себя, чем снова закажу",
    "I will report this to the BBB",
    "I'll file a chargeback",
    "I will sue",
    "Killer price!",
    "This battery kills me",
    "Dead on arrival",
    "The phone died after a week",
    "You're dead wrong about the sizing",
    "I'll find another seller",
    "I would kill for this dress",
]


@pytest.mark.parametrize("text, expected", THREATS)
def test_threats_are_flagged_as_a_whole_phrase(flagged, text, expected):
    assert flagged("threat", text) == expected


@pytest.mark.parametrize("text", NOT_THREATS)
def test_complaints_and_figures_of_speech_are_not_threats(flagged, text):
    assert flagged("threat", text) == []


def test_threat_is_an_error_with_the_legal_route_in_the_message():
    from server.checks import message
    from server.checks.document import Document
    from server.checks.rules import threat

    [finding] = threat.find(Document("Убью", "ru"))
    assert finding.severity == "error" and finding.replacements == ()
    assert "Роспотребнадзор" in message("ru", finding)
