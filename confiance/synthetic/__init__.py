"""The synthetic mutuelle: members, contracts and benefits written as source files into the inbox.

``generate`` writes three files (``members_<yyyymmdd>``, ``contracts_<...>``,
``benefits_<...>`` in CSV, Parquet or JSON Lines) whose columns are exactly the
properties of the feed contracts, in their order. Everything follows from
(seed, as-of date, sizes): the same inputs give byte-identical files.

One module per entity and step: ``members`` (and the NIRs, IBANs and contacts),
``employers``, ``contracts``, ``benefits`` (and their comments), ``defects``,
``writers`` (schemas from the contracts, file names, streamed writing) and
``generation`` (the chunked loop and the public functions). Every share and
probability is in ``constants``; the reference data (names, communes, acts of
care) in ``reference``. The ``confiance generate`` command is in ``cli``.

What is realistic, in short (the numbers are in
``confiance.synthetic.constants`` and ``confiance.synthetic.reference``):

- members: NIR consistent with sex, birth year and month and département of
  birth (Corsica 2A/2B, "20" before 1976, overseas 97x, abroad 99), with a valid
  key; names by sex and generation; address, postal code and commune consistent;
  e-mail, mobile phone, FR IBAN with valid RIB key and checksum; consents
  (research ~80 %, marketing ~40 %); employer SIRET when covered by a collective
  contract;
- contracts: one current individual or collective contract per member (~45 %
  collective, fewer among children and retirees), a quarter of members with an
  older ended contract before it, ~3 % whose last contract has ended; never two
  contracts of a member at once; premiums by age and guarantee level;
- employers: heavy-tailed sizes (Zipf), a few with thousands of covered members
  and many with fewer than 11; each with a raison sociale
  (company name, public like its SIRET) carried on its collective contracts;
- benefits over the 12 months up to the as-of date, driven by age and sex, with
  amounts that add up to the cent, care before payment, within the contract, and
  a comment on ~5 % of lines, a good share of which carries personal data.

``defect_rate`` gives that share of the rows of each file one row-level defect
that landing must quarantine (bad NIR key, malformed date, negative amount,
missing required field, unknown act family). Nothing records which rows: tests
find them again with the same rules landing uses.
"""

from confiance.synthetic.constants import FEEDS, FORMATS
from confiance.synthetic.generation import generate, generate_files, generate_with_counts
from confiance.synthetic.writers import feed_file_name, feed_schema

__all__ = [
    "FEEDS",
    "FORMATS",
    "feed_file_name",
    "feed_schema",
    "generate",
    "generate_files",
    "generate_with_counts",
]
