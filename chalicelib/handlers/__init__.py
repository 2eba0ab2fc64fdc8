"""Hand-written request handlers, one module per tag."""
