"""The rule pipeline, in the order findings are reported for equal spans."""
from . import advertising, insult, link, personal_data, profanity, shouting, threat

RULES = (profanity, insult, threat, personal_data, link, advertising, shouting)
