"""French identifiers: NIR, SIREN/SIRET, IBAN/RIB and postal codes.

One place for the rules every other part of Confiance checks against: the
generator builds valid identifiers with them, landing quarantines rows that
break them (``nir_key_valid``, ``siret_luhn_valid`` are the implementations the
feed contracts name), and the pseudonymisation maps postal codes to
départements with them.

Each rule exists as a plain Python function and, where landing needs to check
millions of rows at once, as a DuckDB SQL expression (``*_sql``) computing the
same thing; the tests keep the two in step.
"""

from __future__ import annotations

import re

# --- départements ------------------------------------------------------------

#: Metropolitan départements (Corsica as 2A/2B) and the five overseas départements.
DEPARTEMENTS: tuple[str, ...] = tuple(
    [f"{n:02d}" for n in range(1, 20)]
    + ["2A", "2B"]
    + [f"{n:02d}" for n in range(21, 96)]
    + ["971", "972", "973", "974", "976"]
)
_DEPARTEMENT_SET = frozenset(DEPARTEMENTS)
OVERSEAS_DEPARTEMENTS: tuple[str, ...] = ("971", "972", "973", "974", "976")

#: NIR département of birth for people born abroad.
NIR_BORN_ABROAD = "99"

# --- NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale") --

NIR_PATTERN = re.compile(r"^[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}[0-9]{2}$")


def _nir_number(nir13: str) -> int:
    """The 13 first characters as a number, Corsica's 2A/2B read as 19/18."""
    dep = nir13[5:7]
    if dep == "2A":
        nir13 = nir13[:5] + "19" + nir13[7:]
    elif dep == "2B":
        nir13 = nir13[:5] + "18" + nir13[7:]
    return int(nir13)


def nir_key(nir13: str) -> int:
    """The 2-digit control key of a 13-character NIR: 97 - (number mod 97)."""
    if len(nir13) != 13:
        raise ValueError("a NIR without its key has 13 characters")
    return 97 - _nir_number(nir13) % 97


def nir_key_valid(nir: str | None) -> bool:
    """True when ``nir`` has the NIR shape and its last two digits are the right key."""
    if not isinstance(nir, str) or not NIR_PATTERN.match(nir):
        return False
    return nir_key(nir[:13]) == int(nir[13:])


def make_nir(sex: str, birth_year: int, birth_month: int, departement: str, commune: int, order: int) -> str:
    """A 15-character NIR with its key.

    ``sex`` is "M" or "F"; ``departement`` is the département of birth (two
    characters, 2A/2B for Corsica, three for overseas 97x, "99" abroad);
    ``commune`` the INSEE commune number inside it (3 digits, 2 overseas — or the
    country code when born abroad); ``order`` the birth order number (1-999).
    """
    if sex not in ("M", "F"):
        raise ValueError("sex is 'M' or 'F'")
    if not 1 <= birth_month <= 12:
        raise ValueError("birth month is 1-12")
    if not 1 <= order <= 999:
        raise ValueError("order is 1-999")
    if len(departement) == 3:
        place = f"{departement}{commune:02d}"
    elif len(departement) == 2:
        place = f"{departement}{commune:03d}"
    else:
        raise ValueError("a département of birth has 2 or 3 characters")
    nir13 = f"{1 if sex == 'M' else 2}{birth_year % 100:02d}{birth_month:02d}{place}{order:03d}"
    return f"{nir13}{nir_key(nir13):02d}"


def nir_departement(nir: str) -> str:
    """The département of birth written in a NIR (3 characters for overseas, "99" abroad)."""
    dep = nir[5:7]
    return nir[5:8] if dep == "97" else dep


def nir_key_valid_sql(column: str) -> str:
    """DuckDB expression: the value of ``column`` is a NIR with a valid key (NULL stays NULL)."""
    c = column
    number = (
        f"TRY_CAST(substr({c}, 1, 5) || CASE substr({c}, 6, 2) WHEN '2A' THEN '19' WHEN '2B' THEN '18' "
        f"ELSE substr({c}, 6, 2) END || substr({c}, 8, 6) AS BIGINT)"
    )
    return (
        f"(CASE WHEN {c} IS NULL THEN NULL ELSE regexp_full_match({c}, '{NIR_PATTERN.pattern[1:-1]}') "
        f"AND coalesce(97 - {number} % 97 = TRY_CAST(substr({c}, 14, 2) AS INTEGER), false) END)"
    )


# --- Luhn, SIREN and SIRET ---------------------------------------------------

# La Poste's establishments share one SIREN; their SIRETs follow another rule.
LA_POSTE_SIREN = "356000000"


def luhn_sum(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total


def luhn_valid(digits: str | None) -> bool:
    return isinstance(digits, str) and digits.isdigit() and luhn_sum(digits) % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """The digit to append to ``partial`` so that the whole passes the Luhn check."""
    return str((10 - luhn_sum(partial + "0") % 10) % 10)


def siren_valid(siren: str | None) -> bool:
    return isinstance(siren, str) and len(siren) == 9 and luhn_valid(siren)


def siret_luhn_valid(siret: str | None) -> bool:
    """True for 14 digits passing the Luhn check (La Poste: digit sum multiple of 5)."""
    if not isinstance(siret, str) or len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(ch) for ch in siret) % 5 == 0
    return luhn_valid(siret)


def make_siren(body8: int) -> str:
    """A 9-digit SIREN from an 8-digit body and its Luhn digit."""
    body = f"{body8:08d}"
    return body + luhn_check_digit(body)


def make_siret(siren: str, nic4: int) -> str:
    """A 14-digit SIRET: the SIREN, a 4-digit establishment number and the Luhn digit."""
    if not siren_valid(siren):
        raise ValueError("not a valid SIREN")
    partial = f"{siren}{nic4:04d}"
    return partial + luhn_check_digit(partial)


def siret_luhn_valid_sql(column: str) -> str:
    """DuckDB expression: the value of ``column`` is a valid SIRET (NULL stays NULL)."""
    c = column
    digit = f"CAST(substr({c}, p, 1) AS INTEGER)"
    luhn = (
        f"list_sum(list_transform(range(1, 15), lambda p: "
        f"CASE WHEN p % 2 = 1 THEN (2 * {digit}) // 10 + (2 * {digit}) % 10 ELSE {digit} END)) % 10 = 0"
    )
    poste = f"list_sum(list_transform(range(1, 15), lambda p: {digit})) % 5 = 0"
    return (
        f"(CASE WHEN {c} IS NULL THEN NULL WHEN NOT regexp_full_match({c}, '[0-9]{{14}}') THEN false "
        f"WHEN starts_with({c}, '{LA_POSTE_SIREN}') THEN {poste} ELSE {luhn} END)"
    )


# --- IBAN and RIB --------------------------------------------------------------

_RIB_LETTERS = {
    ch: str(v)
    for v, letters in enumerate(["", "AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"])
    for ch in letters
}


def _rib_digits(s: str) -> int:
    return int("".join(_RIB_LETTERS.get(ch, ch) for ch in s.upper()))


def rib_key(bank: str, branch: str, account: str) -> str:
    """The 2-digit key of a French RIB (code banque 5, code guichet 5, compte 11)."""
    return f"{97 - (89 * _rib_digits(bank) + 15 * _rib_digits(branch) + 3 * _rib_digits(account)) % 97:02d}"


def _iban_number(rearranged: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in rearranged))


def iban_check_digits(country: str, bban: str) -> str:
    """The 2 check digits of an IBAN (ISO 13616, mod 97-10)."""
    return f"{98 - _iban_number(bban.upper() + country.upper() + '00') % 97:02d}"


def iban_valid(iban: str | None) -> bool:
    """True when ``iban`` (spaces allowed) has a valid shape and checksum; French IBANs also a valid RIB key."""
    if not isinstance(iban, str):
        return False
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    if _iban_number(s[4:] + s[:4]) % 97 != 1:
        return False
    if s.startswith("FR"):
        if len(s) != 27:
            return False
        bank, branch, account, key = s[4:9], s[9:14], s[14:25], s[25:27]
        return key.isdigit() and rib_key(bank, branch, account) == key
    return True


def make_fr_iban(bank: int, branch: int, account: int) -> str:
    """A French IBAN (27 characters, no spaces) from numeric bank, branch and account codes."""
    b, g, a = f"{bank:05d}", f"{branch:05d}", f"{account:011d}"
    bban = b + g + a + rib_key(b, g, a)
    return "FR" + iban_check_digits("FR", bban) + bban


def format_iban(iban: str) -> str:
    """Groups of four characters, as printed on a RIB."""
    s = iban.replace(" ", "")
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


# --- postal codes ----------------------------------------------------------------

POSTAL_CODE_PATTERN = re.compile(r"^[0-9]{5}$")


def postal_code_departement(postal_code: str | None) -> str | None:
    """The département a postal code belongs to, or None when it maps to none.

    20000-20199 is Corse-du-Sud (2A), 20200-20699 Haute-Corse (2B); 971xx-976xx
    are the overseas départements; 975 (Saint-Pierre-et-Miquelon), 98xxx (Monaco,
    Pacific territories) and 00xxx/96xxx map to no département.
    """
    if not isinstance(postal_code, str) or not POSTAL_CODE_PATTERN.match(postal_code):
        return None
    head = postal_code[:2]
    if head == "20":
        return "2A" if int(postal_code) < 20200 else "2B"
    if head == "97":
        dep = postal_code[:3]
    else:
        dep = head
    return dep if dep in _DEPARTEMENT_SET else None


def postal_code_departement_sql(column: str) -> str:
    """DuckDB expression with the same result as ``postal_code_departement`` (NULL when none)."""
    c = column
    overseas = ", ".join(f"'{d}'" for d in OVERSEAS_DEPARTEMENTS)
    return (
        f"(CASE WHEN NOT regexp_full_match({c}, '[0-9]{{5}}') THEN NULL "
        f"WHEN substr({c}, 1, 2) = '20' THEN CASE WHEN {c} < '20200' THEN '2A' ELSE '2B' END "
        f"WHEN substr({c}, 1, 3) IN ({overseas}) THEN substr({c}, 1, 3) "
        f"WHEN substr({c}, 1, 2) BETWEEN '01' AND '95' THEN substr({c}, 1, 2) "
        f"ELSE NULL END)"
    )


# Région of each département (2016 map; Corsica's 2A/2B form the Corse région, overseas
# départements are régions of their own). Generalisation département -> région uses it;
# dbt_project/seeds/region_of_departement.csv is generated from it.
REGION_OF_DEPARTEMENT: dict[str, str] = {
    "01": "Auvergne-Rhône-Alpes",
    "02": "Hauts-de-France",
    "03": "Auvergne-Rhône-Alpes",
    "04": "Provence-Alpes-Côte d'Azur",
    "05": "Provence-Alpes-Côte d'Azur",
    "06": "Provence-Alpes-Côte d'Azur",
    "07": "Auvergne-Rhône-Alpes",
    "08": "Grand Est",
    "09": "Occitanie",
    "10": "Grand Est",
    "11": "Occitanie",
    "12": "Occitanie",
    "13": "Provence-Alpes-Côte d'Azur",
    "14": "Normandie",
    "15": "Auvergne-Rhône-Alpes",
    "16": "Nouvelle-Aquitaine",
    "17": "Nouvelle-Aquitaine",
    "18": "Centre-Val de Loire",
    "19": "Nouvelle-Aquitaine",
    "21": "Bourgogne-Franche-Comté",
    "22": "Bretagne",
    "23": "Nouvelle-Aquitaine",
    "24": "Nouvelle-Aquitaine",
    "25": "Bourgogne-Franche-Comté",
    "26": "Auvergne-Rhône-Alpes",
    "27": "Normandie",
    "28": "Centre-Val de Loire",
    "29": "Bretagne",
    "2A": "Corse",
    "2B": "Corse",
    "30": "Occitanie",
    "31": "Occitanie",
    "32": "Occitanie",
    "33": "Nouvelle-Aquitaine",
    "34": "Occitanie",
    "35": "Bretagne",
    "36": "Centre-Val de Loire",
    "37": "Centre-Val de Loire",
    "38": "Auvergne-Rhône-Alpes",
    "39": "Bourgogne-Franche-Comté",
    "40": "Nouvelle-Aquitaine",
    "41": "Centre-Val de Loire",
    "42": "Auvergne-Rhône-Alpes",
    "43": "Auvergne-Rhône-Alpes",
    "44": "Pays de la Loire",
    "45": "Centre-Val de Loire",
    "46": "Occitanie",
    "47": "Nouvelle-Aquitaine",
    "48": "Occitanie",
    "49": "Pays de la Loire",
    "50": "Normandie",
    "51": "Grand Est",
    "52": "Grand Est",
    "53": "Pays de la Loire",
    "54": "Grand Est",
    "55": "Grand Est",
    "56": "Bretagne",
    "57": "Grand Est",
    "58": "Bourgogne-Franche-Comté",
    "59": "Hauts-de-France",
    "60": "Hauts-de-France",
    "61": "Normandie",
    "62": "Hauts-de-France",
    "63": "Auvergne-Rhône-Alpes",
    "64": "Nouvelle-Aquitaine",
    "65": "Occitanie",
    "66": "Occitanie",
    "67": "Grand Est",
    "68": "Grand Est",
    "69": "Auvergne-Rhône-Alpes",
    "70": "Bourgogne-Franche-Comté",
    "71": "Bourgogne-Franche-Comté",
    "72": "Pays de la Loire",
    "73": "Auvergne-Rhône-Alpes",
    "74": "Auvergne-Rhône-Alpes",
    "75": "Île-de-France",
    "76": "Normandie",
    "77": "Île-de-France",
    "78": "Île-de-France",
    "79": "Nouvelle-Aquitaine",
    "80": "Hauts-de-France",
    "81": "Occitanie",
    "82": "Occitanie",
    "83": "Provence-Alpes-Côte d'Azur",
    "84": "Provence-Alpes-Côte d'Azur",
    "85": "Pays de la Loire",
    "86": "Nouvelle-Aquitaine",
    "87": "Nouvelle-Aquitaine",
    "88": "Grand Est",
    "89": "Bourgogne-Franche-Comté",
    "90": "Bourgogne-Franche-Comté",
    "91": "Île-de-France",
    "92": "Île-de-France",
    "93": "Île-de-France",
    "94": "Île-de-France",
    "95": "Île-de-France",
    "971": "Guadeloupe",
    "972": "Martinique",
    "973": "Guyane",
    "974": "La Réunion",
    "976": "Mayotte",
}
