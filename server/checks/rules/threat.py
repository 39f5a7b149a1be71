"""Placeholder until the rule lands."""
category = "threat"


def find(doc):
    return ()
