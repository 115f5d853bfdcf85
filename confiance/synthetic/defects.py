"""Defects: a share of the rows of each file given one row-level defect that landing must quarantine.

Bad NIR key, malformed date, negative amount, missing required field, unknown act family. Nothing
records which rows: tests find them again with the same rules landing uses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from confiance.synthetic.arrays import digits, fixed_strings, french_date, lit, null_where, replace_where, ymd
from confiance.synthetic.constants import DEFECT_ON_CARE_DATE, MALFORMED_DATE_DAY_FIRST


@dataclass(frozen=True)
class Defects:
    """Gives ``rate`` of the rows of each (cast) feed table one defect; in Parquet, typed dates are never malformed."""

    rate: float
    fmt: str

    def _kinds(self, rng: np.random.Generator, n: int, kinds: list[str]) -> dict[str, np.ndarray]:
        drawn = [kd for kd in kinds if not (kd == "date" and self.fmt == "parquet")]  # typed dates are never malformed
        hit = rng.random(n) < self.rate
        kind = rng.integers(0, len(drawn), n)
        return {name: hit & (kind == drawn.index(name)) if name in drawn else np.zeros(n, dtype=bool) for name in kinds}

    def _bad_dates(self, rng: np.random.Generator, arr: pa.Array) -> pa.Array:
        """Malformed renderings of the dates: day first, or an impossible day."""
        days = arr.cast(pa.date32()).cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64)
        y, m, _ = ymd(days)
        n = len(days)
        french = french_date(days)
        impossible = fixed_strings(
            np.concatenate([digits(y, 4), lit("-", n), digits(np.where(m == 2, 2, 13), 2), lit("-30", n)], axis=1)
        )
        return pc.if_else(pa.array(rng.random(n) < MALFORMED_DATE_DAY_FIRST), french, impossible)

    def _malform_dates(self, rng: np.random.Generator, t: pa.Table, name: str, mask: np.ndarray) -> pa.Table:
        """Column ``name`` with its dates malformed where ``mask`` is set."""
        if not mask.any():
            return t
        return _replace(t, name, mask, self._bad_dates(rng, t[name].combine_chunks().filter(pa.array(mask))))

    def members(self, rng: np.random.Generator, t: pa.Table) -> pa.Table:
        if self.rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["nir_key", "date", "missing"])
        if k["nir_key"].any():
            nir = t["nir"].combine_chunks()
            # the next key up (97 wraps to 01): never the right one
            bad = [v[:13] + f"{int(v[13:]) % 97 + 1:02d}" for v in nir.filter(pa.array(k["nir_key"])).to_pylist()]
            t = _replace(t, "nir", k["nir_key"], pa.array(bad))
        t = self._malform_dates(rng, t, "birth_date", k["date"])
        return _null_some(rng, t, k["missing"], ["last_name", "birth_date", "iban", "nir"])

    def contracts(self, rng: np.random.Generator, t: pa.Table) -> pa.Table:
        if self.rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["date", "negative", "missing"])
        t = self._malform_dates(rng, t, "start_date", k["date"])
        t = _negate(t, "monthly_premium", k["negative"])
        return _null_some(rng, t, k["missing"], ["product_code", "start_date", "monthly_premium"])

    def benefits(self, rng: np.random.Generator, t: pa.Table) -> pa.Table:
        if self.rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["date", "negative", "missing", "family"])
        on_care = rng.random(t.num_rows) < DEFECT_ON_CARE_DATE
        for name, mask in (("care_date", k["date"] & on_care), ("payment_date", k["date"] & ~on_care)):
            t = self._malform_dates(rng, t, name, mask)
        t = _negate(t, "actual_cost", k["negative"])
        if k["family"].any():
            unknown = pa.array(["thalassotherapie", "esthetique", "veterinaire", "cure_thermale_hors_nomenclature"])
            bad = unknown.take(rng.integers(0, len(unknown), int(k["family"].sum())))
            t = _replace(t, "act_family", k["family"], bad)
        return _null_some(rng, t, k["missing"], ["act_code", "care_date", "actual_cost", "practitioner_type"])


def _replace(t: pa.Table, name: str, mask: np.ndarray, values: pa.Array) -> pa.Table:
    """Column ``name`` with ``values`` (one per True of ``mask``, in order) where ``mask`` is set."""
    col = t[name].combine_chunks()
    return t.set_column(t.schema.get_field_index(name), name, replace_where(col, mask, values))


def _negate(t: pa.Table, name: str, mask: np.ndarray) -> pa.Table:
    if not mask.any():
        return t
    col = t[name].combine_chunks()
    return t.set_column(t.schema.get_field_index(name), name, pc.if_else(pa.array(mask), pc.negate(col), col))


def _null_some(rng: np.random.Generator, t: pa.Table, mask: np.ndarray, names: list[str]) -> pa.Table:
    if not mask.any():
        return t
    which = rng.integers(0, len(names), t.num_rows)
    for i, name in enumerate(names):
        sel = mask & (which == i)
        if sel.any():
            t = t.set_column(t.schema.get_field_index(name), name, null_where(t[name].combine_chunks(), sel))
    return t
