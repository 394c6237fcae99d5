"""The command line: options in, a core call, a renderer, an exit code."""
