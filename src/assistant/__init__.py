"""Vraagbaak: answers questions about Dutch labour-market reports with exact citations.

Data flows one way: files -> documents (ingest) -> chunks (clean, chunk) -> index (embed, store)
-> retrieval (retrieve) -> answer (answer); api, cli and evaluate sit on top.
"""

__version__ = "0.1.0"
