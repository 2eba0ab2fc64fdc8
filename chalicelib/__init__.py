"""Everything that ships to Lambda besides app.py: runtime support, generated routes, handlers, services."""

__version__ = "0.2.0"  # = info.version of openapi.yaml (a test keeps them equal)
