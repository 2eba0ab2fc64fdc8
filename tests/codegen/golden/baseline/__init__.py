# generated from baseline.yaml — do not edit
"""Code generated from baseline.yaml: routes, operations, models, schemas."""
