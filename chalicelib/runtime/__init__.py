"""Hand-written runtime support that generated code calls: the request pipeline, the error contract and
the handler return type. Ships to Lambda; imports nothing from `codegen/`."""

from chalicelib.runtime.problem import ProblemError, Violation
from chalicelib.runtime.responses import ApiResponse, HandlerResult

__all__ = ["ApiResponse", "HandlerResult", "ProblemError", "Violation"]
