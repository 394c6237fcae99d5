"""``extract``: figures for the plan's indicators read from a communiqué's text.

:mod:`.document` reads a ``.txt`` or ``.html`` file into numbered sentences;
:mod:`.figures` finds, in each sentence, the figures of the plan's indicators (a
level, or a growth rate on the previous year) and what is *not* a figure (targets,
completion ratios, changes in points, absolute changes); :mod:`.output` writes the
proposed rows as a submission file. Nothing here ingests: the analyst reviews the rows
against their sentences, then runs ``validate`` and ``ingest``.
"""
