"""The synthetic mutuelle's sizes, shares and probabilities: every number that shapes the data, in one block.

What each share means is told in :mod:`confiance.synthetic` (the package docstring). Changing any of them
changes the generated files; the same values give byte-identical files.
"""

from __future__ import annotations

FEEDS = ("members", "contracts", "benefits")
FORMATS = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl"}  # format -> file extension
CSV_DELIMITER = ";"

#: Members generated together; fixed, because the random streams are drawn per chunk.
CHUNK_MEMBERS = 50_000

# --- members ---------------------------------------------------------------------------------
SHARE_FEMALE = 0.52
CONSENT_RESEARCH = 0.80
CONSENT_MARKETING = 0.40
EMAIL_ADULT, EMAIL_MINOR = 0.90, 0.35  # the contract asks for 70 % completeness
PHONE_ADULT, PHONE_MINOR = 0.92, 0.40
MOBILE_06_SHARE = 0.6  # mobile numbers starting 06 (else 07)
EMAIL_NUMBER_SUFFIX = 0.5  # e-mail local parts ending in a number
RESIDENCE_NEAR_EMPLOYER = 0.7  # collective members living in their employer's département
STREET_SUFFIX_SHARE = 0.03  # street numbers with "bis" or "ter"
STREET_NUMBER_MEAN = 25  # exponential mean of street numbers
# place of birth (NIR): in the département of residence, else elsewhere in France or abroad
BORN_IN_HOME_DEPARTEMENT_ADULT, BORN_IN_HOME_DEPARTEMENT_MINOR = 0.5, 0.85
BORN_ABROAD = 0.16  # among adults not born in their département of residence

# --- employers -------------------------------------------------------------------------------
MEMBERS_PER_EMPLOYER = 40  # on average; sizes are Zipf-distributed
EMPLOYER_SHARE_OF_MEMBERS = 0.44  # employers = this share of members / MEMBERS_PER_EMPLOYER (at least 12)
EMPLOYER_ZIPF_EXPONENT = 1.1
EMPLOYER_NIC_HEAD_OFFICE = 0.7  # establishments whose NIC is 00001
EMPLOYER_RENFORCE = 0.4  # employers choosing COLLECTIF_RENFORCE (else COLLECTIF_BASE)
HIGHER_LEVEL = 0.4  # contracts at the higher of their product's two guarantee levels
EMPLOYER_PREMIUM_FACTOR = (0.9, 1.1)  # uniform range of an employer's negotiated premium factor

# --- contracts -------------------------------------------------------------------------------
# Probability that the current contract is collective, by age: (age from, probability).
COLLECTIVE_BY_AGE = ((0, 0.35), (18, 0.45), (25, 0.62), (62, 0.30), (67, 0.04))
SHARE_WITH_PRIOR_CONTRACT = 0.35  # among members affiliated for two years or more
PRIOR_COLLECTIVE_IF_COLLECTIVE, PRIOR_COLLECTIVE_IF_INDIVIDUAL = 0.4, 0.5  # prior contract collective
SHARE_ENDED = 0.03
TENURE_MEAN_YEARS = 9  # exponential mean of an adult's affiliation
# individual product (ESSENTIEL, EQUILIBRE, CONFORT) by age band (under 30, 30-59, 60+)
INDIVIDUAL_PRODUCT_AGE_LIMITS = (30, 60)
INDIVIDUAL_PRODUCT_BY_AGE = ((0.5, 0.4, 0.1), (0.3, 0.5, 0.2), (0.2, 0.45, 0.35))
INDIVIDUAL_PREMIUM_SPREAD = (0.95, 1.05)  # uniform factor on an individual premium

# --- benefits --------------------------------------------------------------------------------
BENEFIT_DISPERSION = 1.5  # gamma shape of the per-member intensity (smaller: more unequal consumption)
MAX_LINES_PER_MEMBER = 400
MAX_AMOUNT = 200_000.0  # euros, for the base and for the excess of one line
COMMENT_RATE = 0.05
COMMENT_PERSONAL_SHARE = 0.6
COMMENT_MEMBERS_OWN_PHONE = 0.7  # comments quoting the member's own phone (else a number given on the phone)
COMMENT_NIR_SPACED = 0.5  # NIRs in comments written in groups

# --- defects ---------------------------------------------------------------------------------
DEFECT_ON_CARE_DATE = 0.5  # malformed benefit dates: on the care date, else the payment date
MALFORMED_DATE_DAY_FIRST = 0.5  # malformed dates written day first, else with an impossible day
