"""The opsmodel JSON format: the cattrs converter, the document envelope, JSON Lines and the schema."""
