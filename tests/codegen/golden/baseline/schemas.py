# generated from baseline.yaml — do not edit
"""Where the component schemas live; loaded on the first validation that needs them."""

from pathlib import Path

from chalicelib.runtime.schemas import SchemaSet

SCHEMAS = SchemaSet(Path(__file__).resolve().with_name("components.json"), "2020-12")
