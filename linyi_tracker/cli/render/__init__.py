"""Terminal renderers (rich): pure functions from core results to rich renderables."""
