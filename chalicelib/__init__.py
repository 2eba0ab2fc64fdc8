"""Everything that ships to Lambda besides app.py: runtime support, generated routes, handlers, services."""

__version__ = "0.1.0"
