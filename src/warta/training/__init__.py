"""Training warta's NER models; imported only by ``warta train-ner``, never by the pipeline.

``ner`` builds the corpora from the public sets and trains and exports the pooled model
(``models/ner_id``); ``heads`` trains the per-set model (``models/ner_id_sets``: a shared
encoder, one entity head per set).  Both read their configs and the label mapping from the
repository's ``training/ner/`` (run from a checkout's root) or from the paths they are given.
"""
