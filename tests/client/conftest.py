"""The TypeScript client's tests use the local stage `make run` starts, as tests/e2e does."""

from tests.e2e.conftest import http, local_stack_url  # noqa: F401  (fixtures, registered by import)
