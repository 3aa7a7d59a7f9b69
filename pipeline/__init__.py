"""Extraction pipeline for official correspondence about recommendations."""
__version__ = "0.1.0"
