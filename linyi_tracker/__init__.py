"""linyi-tracker: track a city's livelihood plan against its targets.

The core (plan, actuals, assessment, reporting models) never imports typer or rich;
the command line lives in :mod:`linyi_tracker.cli`.
"""

__version__ = "0.1.0"
