"""How the source of a figure is written and read: a data file's own text, or a city
figure summed from the regions as data (``region-sum:<regions>:<files>``), put into
words in the reader's language. Apart from the series (assessment/series.py), so a
renderer puts a source into words without reaching the store.
"""

from __future__ import annotations

from linyi_tracker.i18n import Lang, t

# The source of a city figure summed from the regions is data, not a sentence:
# "region-sum:<regions>:<files>", put into words by describe_source in the reader's language.
REGION_SUM_SOURCE = "region-sum"


def region_sum_source(regions: int, files: int) -> str:
    return f"{REGION_SUM_SOURCE}:{regions}:{files}"


def describe_source(source: str, lang: Lang) -> str:
    """A source as a person reads it: a data file's own text as it is; a sum of the
    regions' figures in words, in ``lang``."""
    tag, _, counts = source.partition(":")
    if tag == REGION_SUM_SOURCE:
        regions, _, files = counts.partition(":")
        return t("source.region_sum", lang, regions=int(regions), files=int(files))
    return source
