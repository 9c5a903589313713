"""The Gradio app: `build_app(services)` returns the Blocks; `launch()` serves it (what `hiring-assistant ui` runs)."""

from .app import build_app, launch, serve

__all__ = ["build_app", "launch", "serve"]
