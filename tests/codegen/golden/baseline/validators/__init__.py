# generated from baseline.yaml — do not edit
"""Compiled validators of the component schemas: one module per schema and variant (q: request, qd: request with defaults, s: response), imported on first use."""
