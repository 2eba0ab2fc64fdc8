# generated from openapi.yaml — do not edit
"""Code generated from openapi.yaml: routes, operations, models, schemas."""
