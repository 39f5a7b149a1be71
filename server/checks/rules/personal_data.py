"""Placeholder until the rule lands."""
category = "personal_data"


def find(doc):
    return ()
