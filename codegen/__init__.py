"""Build-time code generator: openapi.yaml -> chalicelib/_generated/. Never shipped to Lambda."""
