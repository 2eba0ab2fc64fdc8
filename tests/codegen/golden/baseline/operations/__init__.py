# generated from baseline.yaml — do not edit
"""One module per operation, imported on first call."""
