"""The analyst review site (``python -m pipeline review``): see ``site.py``."""
from pipeline.review.site import SiteStats, build

__all__ = ["SiteStats", "build"]
