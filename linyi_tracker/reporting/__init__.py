"""The yearly report: a model built from the assessment, and one renderer per format."""
