"""``python -m linyi_tracker`` runs the command line."""

from linyi_tracker.cli.app import main

main()
