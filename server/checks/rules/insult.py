"""Placeholder until the rule lands."""
category = "insult"


def find(doc):
    return ()
