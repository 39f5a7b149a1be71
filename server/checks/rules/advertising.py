"""Placeholder until the rule lands."""
category = "advertising"


def find(doc):
    return ()
