"""Learned parts of the pipeline: features, the stance model and the script that trains it.

The model's weights live in ``models/stance/`` as JSON beside their card; the
pipeline only reads them (``stance_model.StanceModel``) and never trains at
run time.
"""
