"""The rule pipeline. Removal rules first (errors), then the rules that make a review count."""
from . import accusation, advertising, insult, link, personal_data, profanity, shouting, spelling, threat, vague

RULES = (profanity, insult, threat, personal_data, link, advertising, shouting, spelling, accusation, vague)
