"""Every sentence the tool says, in Chinese and English, one file an area:

- :mod:`~linyi_tracker.texts.labels` — labels: status words, headers, report and CLI sentences;
- :mod:`~linyi_tracker.texts.findings` — each finding's title, messages and hints, by code;
- :mod:`~linyi_tracker.texts.cli_help` — every ``--help`` text;
- :mod:`~linyi_tracker.texts.text` — the one :class:`Text` and the one formatter
  (``{n:word|words}`` plurals, ``{tol:pct}``, ``{problem:yaml-zh}``, ``{history:list-zh}``).

Each table is a plain dict, key -> {"zh": …, "en": …}. This package imports nothing
itself, so that any module may import :mod:`linyi_tracker.texts.text`.
"""
