"""Placeholder until the rule lands."""
category = "profanity"


def find(doc):
    return ()
