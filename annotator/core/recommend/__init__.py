"""A recommender trained on the project's own spans: a CRF over Arabic-aware tokens.

``features`` turns a text into tokens and their features, ``sequence`` maps spans
to tags and back, ``model`` trains, scores and applies the CRF (python-crfsuite),
``evaluation`` cross-validates it so an analyst knows how far to trust it.
"""
