"""Employers of the collective contracts: heavy-tailed sizes, valid SIRETs, a raison sociale each."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from confiance.synthetic.arrays import digits, fixed_strings, weighted
from confiance.synthetic.constants import (
    EMPLOYER_NIC_HEAD_OFFICE,
    EMPLOYER_PREMIUM_FACTOR,
    EMPLOYER_RENFORCE,
    EMPLOYER_SHARE_OF_MEMBERS,
    EMPLOYER_ZIPF_EXPONENT,
    HIGHER_LEVEL,
    MEMBERS_PER_EMPLOYER,
)
from confiance.synthetic.reference_arrays import ReferenceArrays


@dataclass
class Employers:
    siret: pa.Array
    cdf: np.ndarray
    departement: np.ndarray
    product: np.ndarray  # index into ReferenceArrays.products
    level: np.ndarray
    premium_factor: np.ndarray
    name: pa.Array  # raison sociale: a legal person's name, public (SIRENE), not personal data

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cdf, rng.random(n), side="right"), len(self.cdf) - 1)


def _sirets(bodies: np.ndarray, nics: np.ndarray) -> np.ndarray:
    """14-digit SIRET matrices: SIREN (8-digit body + Luhn digit), 4-digit NIC, Luhn digit over all."""
    siren8 = digits(bodies, 8)
    siren = np.concatenate([siren8, _luhn_digit(siren8)[:, None]], axis=1)
    partial = np.concatenate([siren, digits(nics, 4)], axis=1)
    return np.concatenate([partial, _luhn_digit(partial)[:, None]], axis=1)


def _luhn_digit(mat: np.ndarray) -> np.ndarray:
    """The Luhn check digit (ASCII) to append to each row of an ASCII digit matrix."""
    d = mat.astype(np.int64) - 48
    width = d.shape[1]
    doubled = (width - 1 - np.arange(width)) % 2 == 0  # rightmost digit of the partial is doubled
    dd = np.where(doubled, d * 2, d)
    dd = np.where(dd > 9, dd - 9, dd)
    return ((10 - dd.sum(axis=1) % 10) % 10 + 48).astype(np.uint8)


def make_employers(rng: np.random.Generator, members: int, r: ReferenceArrays) -> Employers:
    n = max(12, round(EMPLOYER_SHARE_OF_MEMBERS * members / MEMBERS_PER_EMPLOYER))
    weights = rng.permutation(1.0 / np.arange(1, n + 1) ** EMPLOYER_ZIPF_EXPONENT)
    # distinct 8-digit SIREN bodies: an affine bijection of [0, 9e7)
    span = 9 * 10**7
    bodies = (np.arange(n, dtype=np.int64) * 7_368_787 + int(rng.integers(span))) % span + 10**7
    bodies[bodies == 35_600_000] = 99_999_999  # La Poste's SIREN follows another rule
    nics = np.where(rng.random(n) < EMPLOYER_NIC_HEAD_OFFICE, 1, rng.integers(2, 300, n))
    commune = weighted(rng, np.diff(np.concatenate([[0.0], r.commune_cdf])), n)
    renforce = rng.random(n) < EMPLOYER_RENFORCE
    product = np.where(renforce, 4, 3)  # COLLECTIF_RENFORCE / COLLECTIF_BASE
    level = r.product_levels[product, (rng.random(n) < HIGHER_LEVEL).astype(int)]
    return Employers(
        siret=fixed_strings(_sirets(bodies, nics)),
        cdf=np.cumsum(weights) / weights.sum(),
        departement=r.commune_dep[commune],
        product=product,
        level=level,
        premium_factor=rng.uniform(*EMPLOYER_PREMIUM_FACTOR, n),
        name=_employer_names(rng, n),  # drawn last: the other employer attributes stay as they were
    )


# Raisons sociales are built from activity, place and legal form words (no person's name, no digit: the
# contract's pattern for employer_name), distinct while there are enough combinations.
_ACTIVITIES = (
    "Transports",
    "Boulangeries",
    "Ateliers",
    "Imprimerie",
    "Menuiseries",
    "Laboratoires",
    "Conserveries",
    "Fonderies",
    "Librairies",
    "Jardineries",
    "Tanneries",
    "Brasseries",
    "Filatures",
    "Chantiers navals",
    "Verreries",
    "Coopérative agricole",
    "Services informatiques",
    "Nettoyage industriel",
    "Logistique",
    "Hôtellerie",
    "Mécanique de précision",
    "Cartonnages",
    "Fromageries",
    "Travaux publics",
    "Électricité",
    "Plasturgie",
    "Biscuiteries",
    "Pépinières",
    "Distilleries",
    "Studios graphiques",
)
_PLACES = (
    "du Vexin",
    "de la Garonne",
    "du Rhône",
    "des Alpes",
    "du Morvan",
    "de l'Estuaire",
    "du Léman",
    "des Landes",
    "du Val de Loire",
    "de la Côte d'Opale",
    "du Quercy",
    "des Vosges",
    "du Cotentin",
    "de Provence",
    "du Jura",
    "de la Dordogne",
    "du Berry",
    "des Cévennes",
    "de la Brie",
    "du Perche",
    "de l'Armor",
    "du Vercors",
    "de la Sarthe",
    "du Lauragais",
    "des Causses",
    "de la Bresse",
    "du Médoc",
    "de l'Aubrac",
    "du Hainaut",
    "de la Baie",
)
_LEGAL_FORMS = ("SAS", "SARL", "SA", "SCOP", "SASU")


def _employer_names(rng: np.random.Generator, n: int) -> pa.Array:
    space = len(_ACTIVITIES) * len(_PLACES) * len(_LEGAL_FORMS)
    pick = rng.permutation(space)[:n] if n <= space else rng.integers(0, space, n)
    activity, rest = np.divmod(pick, len(_PLACES) * len(_LEGAL_FORMS))
    place, form = np.divmod(rest, len(_LEGAL_FORMS))
    return pa.array(
        [f"{_ACTIVITIES[a]} {_PLACES[p]} {_LEGAL_FORMS[f]}" for a, p, f in zip(activity, place, form, strict=True)]
    )
