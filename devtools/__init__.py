"""Developer tools: the local AWS stack (`make run`, tests, `make load`) and packaging (`make package`).

Never part of the Lambda payload: chalice packages `app.py`, `chalicelib/` and `vendor/` only.
"""
