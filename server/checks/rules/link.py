"""Placeholder until the rule lands."""
category = "link"


def find(doc):
    return ()
