"""The Gradio app: `build_app(services)` returns the Blocks; `launch()` serves it (what `hiring-assistant ui` runs)."""
