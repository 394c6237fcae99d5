"""Every sentence the tool says, in Chinese and English, and the one way they are filled.

:mod:`linyi_tracker.texts.text` holds the one formatter (``{n:word|words}`` plurals,
``{tol:pct}``, ``{problem:yaml-zh}``, ``{history:list-zh}``) that every table's
templates go through.
"""
