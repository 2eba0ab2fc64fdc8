"""Build-time compiler from JSON Schema to plain Python validator functions (see `_compiler`)."""

from codegen.compiler._compiler import CompileError, Compiler

__all__ = ["CompileError", "Compiler"]
