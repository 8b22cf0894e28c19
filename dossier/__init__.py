"""dossier: turn a folder of news articles into a briefing dossier.

The package reads as the pipeline (see `dossier.pipeline`):
ingest -> extract -> resolve -> render -> publish (MkDocs) / pdf.
"""

__version__ = "0.1.0"
