"""Personal-data detection for French mutuelle free text.

- :mod:`vault.pii.recognizers`: Presidio recognizers for French identifiers
  (NIR, phones, IBAN, e-mail, SIREN/SIRET, RPPS, ADELI, postal addresses, dates
  of birth, person names with titles).
- :mod:`vault.pii.analyzer`: the Presidio ``AnalyzerEngine`` built once per
  process on the installed spaCy ``fr_core_news_sm`` (nothing is downloaded).
- :mod:`vault.pii.scrubber`: batch analysis and scrubbing (``scrub_texts``).
- :mod:`vault.pii.corpus` and :mod:`vault.pii.evaluation`: the labelled
  synthetic evaluation corpus and the precision/recall report.
- :mod:`vault.pii.cli`: the ``confiance scrub`` and ``confiance pii-eval`` commands.
"""
