"""Report renderers: pure functions from a Report to text or bytes, one module a format."""
