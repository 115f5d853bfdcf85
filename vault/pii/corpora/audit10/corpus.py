"""Deterministic generator of the blind10 French PII evaluation corpus -> corpus.jsonl."""
import json
import re
import sys
import unicodedata
import random

sys.path.insert(0, "/work/main")
from confiance.identifiers import make_nir, nir_key, make_siren, make_siret, make_fr_iban, format_iban, luhn_check_digit, luhn_valid  # noqa: E402
from names import SURNAMES, GIVEN_F, GIVEN_M, NICKNAMES, STREETS, LIEUX_DITS, RESIDENCES, TOWNS  # noqa: E402

R = random.Random(20261130)
PER_STYLE = 111
NEG_PER_STYLE = 20  # 18 %

# ----------------------------------------------------------------- rendering
PH = re.compile(r"\$\{(\w+)\}")


def render(tpl, vals):
    out, spans, pos, last = [], [], 0, 0
    for m in PH.finditer(tpl):
        lit = tpl[last:m.start()]
        out.append(lit); pos += len(lit)
        v = vals[m.group(1)]
        if isinstance(v, tuple):
            txt, lab = v
            if lab:
                spans.append([pos, pos + len(txt), lab])
        else:
            txt = v
            prev = "".join(out)[-2:]
            if m.group(1).startswith("neg") and (not prev or prev.endswith("\n") or prev in (". ", "! ", "? ")):
                txt = txt[:1].upper() + txt[1:]  # negative filler opening a sentence
        out.append(txt); pos += len(txt)
        last = m.end()
    out.append(tpl[last:])
    return "".join(out), spans


def seq(*items):
    """Concatenate str / (str, label) items into a template-free piece: returns (text, spans)."""
    out, spans, pos = [], [], 0
    for it in items:
        if isinstance(it, tuple):
            txt, lab = it
            if lab:
                spans.append([pos, pos + len(txt), lab])
        else:
            txt = it
        out.append(txt); pos += len(txt)
    return "".join(out), spans


def noacc(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def ch(x):
    return R.choice(x)


# ----------------------------------------------------------------- people
def person(sex=None):
    sex = sex or ch("MF")
    return {"sex": sex, "first": ch(GIVEN_M if sex == "M" else GIVEN_F), "last": ch(SURNAMES)}


def pn(p, mode=None):
    f, l = p["first"], p["last"]
    mode = mode or ch(["Fl", "Fl", "FL", "FL", "LF", "iL", "Lf", "low", "noacc", "UP"])
    if mode == "Fl": s = f"{f} {l}"
    elif mode == "FL": s = f"{f} {l.upper()}"
    elif mode == "LF": s = f"{l.upper()} {f}"
    elif mode == "Lf": s = f"{l} {f}"
    elif mode == "iL": s = f"{f[0]}. {l}"
    elif mode == "L": s = l
    elif mode == "LU": s = l.upper()
    elif mode == "F": s = f
    elif mode == "low": s = f"{f} {l}".lower()
    elif mode == "noacc": s = noacc(f"{f} {l}")
    elif mode == "UP": s = f"{f} {l}".upper()
    else: raise ValueError(mode)
    return (s, "PERSON")


def title(p, short=True):
    if p["sex"] == "M":
        return ch(["M.", "M.", "Monsieur", "Mr"]) if short else "Monsieur"
    return ch(["Mme", "Mme", "Madame", "Mme"]) if short else "Madame"


DOMAINS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr", "hotmail.fr", "yahoo.fr", "outlook.fr", "icloud.com", "proton.me", "bbox.fr", "live.fr"]
STAFF_DOMAIN = "mlp-sante.fr"


def slug(s):
    return re.sub(r"[^a-z0-9-]", "", noacc(s).lower().replace(" ", ""))


def email(p, staff=False):
    f, l = slug(p["first"]), slug(p["last"])
    if staff:
        return (f"{f}.{l}@{STAFF_DOMAIN}", "EMAIL")
    local = ch([f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}", f"{f}{l}{R.randint(1, 99)}", f"{f}_{l}", f"{l}{f[0]}", f"{f}.{l}{R.randint(60, 99)}"])
    return (f"{local}@{ch(DOMAINS)}", "EMAIL")


def org_email(local, dom):
    return (f"{local}@{dom}", "EMAIL")


# ----------------------------------------------------------------- dates
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
MOIS_AB = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
JOURS = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt"]


def birth(lo=1932, hi=2007):
    return (R.randint(lo, hi), R.randint(1, 12), R.randint(1, 28))


def dob(d, mode=None):
    y, m, dd = d
    mode = mode or ch(["num", "num", "num", "dots", "short", "iso", "long", "long", "abbr", "nopad", "UPlong"])
    if mode == "num": s = f"{dd:02d}/{m:02d}/{y}"
    elif mode == "dots": s = f"{dd:02d}.{m:02d}.{y}"
    elif mode == "short": s = f"{dd:02d}/{m:02d}/{y % 100:02d}"
    elif mode == "dash": s = f"{dd:02d}-{m:02d}-{y}"
    elif mode == "iso": s = f"{y}-{m:02d}-{dd:02d}"
    elif mode == "long": s = f"{'1er' if dd == 1 else dd} {MOIS[m - 1]} {y}"
    elif mode == "UPlong": s = f"{dd} {MOIS[m - 1].upper()} {y}"
    elif mode == "abbr": s = f"{dd} {MOIS_AB[m - 1]} {y}"
    elif mode == "nopad": s = f"{dd}/{m}/{y % 100:02d}"
    elif mode == "my": s = f"{MOIS[m - 1]} {y}"
    elif mode == "y": s = f"{y}"
    elif mode == "words": s = f"{JOURS[min(dd, 20) - 1]} {MOIS[m - 1]} {y}"
    elif mode == "compact": s = f"{y}{m:02d}{dd:02d}"
    else: raise ValueError(mode)
    return (s, "DATE_OF_BIRTH")


def other_date(mode=None):
    y, m, d = R.randint(2024, 2026), R.randint(1, 12), R.randint(1, 28)
    mode = mode or ch(["num", "long", "iso", "short"])
    if mode == "num": return f"{d:02d}/{m:02d}/{y}"
    if mode == "long": return f"{d} {MOIS[m - 1]} {y}"
    if mode == "iso": return f"{y}-{m:02d}-{d:02d}"
    return f"{d:02d}/{m:02d}"


# ----------------------------------------------------------------- identifiers
NIR_DEPS = ["75", "69", "13", "59", "33", "29", "67", "31", "44", "76", "62", "93", "2A", "2B", "971", "972", "974", "973", "976", "99", "99"]
COUNTRY = [350, 352, 351, 341, 139, 122, 134, 127, 243, 335, 114, 100]


def nir15(p, d):
    dep = ch(NIR_DEPS)
    if dep == "99": commune = ch(COUNTRY)
    elif len(dep) == 3: commune = R.randint(1, 34)
    else: commune = R.randint(1, 399)
    return make_nir(p["sex"], d[0], d[1], dep, commune, R.randint(1, 999))


def group_nir(n, sep):
    parts = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13]] + ([n[13:15]] if len(n) == 15 else [])
    return sep.join(parts)


def nir(p, d, mode=None):
    n = nir15(p, d)
    mode = mode or ch(["compact", "space", "space", "space", "dots", "dash", "keyslash", "keyspace", "nokey", "nokeyspace", "lower2a", "dblspace"])
    if mode == "compact": s = n
    elif mode == "space": s = group_nir(n, " ")
    elif mode == "dots": s = group_nir(n, ".")
    elif mode == "dash": s = group_nir(n, "-")
    elif mode == "keyslash": s = n[:13] + ch([" / ", "/", " - "]) + n[13:]
    elif mode == "keyspace": s = n[:13] + " " + n[13:]
    elif mode == "nokey": s = n[:13]
    elif mode == "nokeyspace": s = group_nir(n[:13], " ")
    elif mode == "lower2a": s = group_nir(n, " ").lower()
    elif mode == "dblspace": s = group_nir(n[:13], " ") + "  " + n[13:]
    else: raise ValueError(mode)
    return (s, "NIR")


def bad_nir():
    """15-digit reference shaped like a NIR whose key is wrong (hard negative)."""
    n = make_nir(ch("MF"), R.randint(1940, 2005), R.randint(1, 12), ch(["75", "69", "13", "59"]), R.randint(1, 399), R.randint(1, 999))
    k = (int(n[13:]) + R.randint(1, 40)) % 97 + 1
    if k == int(n[13:]):
        k = k % 96 + 1
    s = n[:13] + f"{k:02d}"
    return ch([s, group_nir(s, " ")])


def phone(mode=None, kind=None):
    kind = kind or ch(["mob", "mob", "mob", "fix", "dom"])
    if kind == "mob": d = ch(["6", "7"]) + "".join(str(R.randint(0, 9)) for _ in range(8))
    elif kind == "fix": d = ch(["1", "2", "3", "4", "5", "9"]) + "".join(str(R.randint(0, 9)) for _ in range(8))
    else: d = ch(["590", "596", "262", "594", "694", "696", "690", "639"]) + "".join(str(R.randint(0, 9)) for _ in range(6))
    nat = "0" + d
    pairs = [nat[i:i + 2] for i in range(0, 10, 2)]
    mode = mode or ch(["sp", "sp", "sp", "compact", "dots", "dash", "+33", "+33c", "0033", "(0)", "345", "+33dots"])
    if mode == "sp": s = " ".join(pairs)
    elif mode == "compact": s = nat
    elif mode == "dots": s = ".".join(pairs)
    elif mode == "dash": s = "-".join(pairs)
    elif mode == "+33": s = "+33 " + d[0] + " " + " ".join(d[i:i + 2] for i in range(1, 9, 2))
    elif mode == "+33c": s = "+33" + d
    elif mode == "0033": s = "0033 " + d[0] + " " + " ".join(d[i:i + 2] for i in range(1, 9, 2))
    elif mode == "(0)": s = "+33 (0)" + d[0] + " " + " ".join(d[i:i + 2] for i in range(1, 9, 2))
    elif mode == "345": s = nat[:2] + " " + nat[2:4] + " " + nat[4:7] + " " + nat[7:]
    elif mode == "+33dots": s = "+33." + d[0] + "." + ".".join(d[i:i + 2] for i in range(1, 9, 2))
    else: raise ValueError(mode)
    return (s, "PHONE")


def foreign_phone():
    c = ch(["ch", "lu", "be", "de", "es", "pt"])
    if c == "ch": s = f"+41 {ch(['22', '61', '76', '79'])} {R.randint(100, 999)} {R.randint(10, 99)} {R.randint(10, 99)}"
    elif c == "lu": s = f"+352 {ch(['621', '661', '691'])} {R.randint(100, 999)} {R.randint(100, 999)}"
    elif c == "be": s = f"+32 {ch(['470', '475', '486', '4'])} {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}"
    elif c == "de": s = f"+49 {ch(['151', '160', '171'])} {R.randint(1000000, 9999999)}"
    elif c == "es": s = f"+34 {R.randint(600, 699)} {R.randint(100, 999)} {R.randint(100, 999)}"
    else: s = f"00351 {R.randint(910, 969)} {R.randint(100, 999)} {R.randint(100, 999)}"
    return (s, "PHONE")


def _num36(s):
    return int("".join(str(int(c, 36)) for c in s))


def foreign_iban(cc=None):
    cc = cc or ch(["BE", "LU", "CH", "DE", "PT", "ES"])
    dg = lambda n: "".join(str(R.randint(0, 9)) for _ in range(n))
    if cc == "BE":
        b10 = dg(10); k = int(b10) % 97 or 97; bban = b10 + f"{k:02d}"
    elif cc == "LU": bban = dg(3) + dg(13)
    elif cc == "CH": bban = dg(5) + dg(12)
    elif cc == "DE": bban = dg(18)
    elif cc == "PT": bban = dg(21)
    else: bban = dg(20)
    chk = 98 - _num36(bban + cc + "00") % 97
    return f"{cc}{chk:02d}{bban}"


def iban(mode=None, foreign=None):
    s = foreign_iban(foreign) if foreign else make_fr_iban(R.randint(10000, 30099), R.randint(1, 99999), R.randint(10 ** 9, 10 ** 11 - 1))
    mode = mode or ch(["grp", "grp", "grp", "compact", "lower", "split", "dash", "lowcompact"])
    if mode == "grp": t = format_iban(s)
    elif mode == "compact": t = s
    elif mode == "lower": t = format_iban(s).lower()
    elif mode == "lowcompact": t = s.lower()
    elif mode == "dash": t = "-".join(format_iban(s).split(" "))
    elif mode == "split":
        g = format_iban(s).split(" "); k = R.randint(2, len(g) - 2)
        t = " ".join(g[:k]) + ch(["\n", " \n", "\n  "]) + " ".join(g[k:])
    else: raise ValueError(mode)
    return (t, "IBAN")


def siren():
    while True:
        s = make_siren(R.randint(10 ** 7, 10 ** 8 - 1))
        if not s.startswith("356000000"):
            return s


def siret(mode=None, only_siren=False):
    sr = siren()
    if only_siren:
        mode = mode or ch(["c", "333", "dots"])
        s = {"c": sr, "333": f"{sr[:3]} {sr[3:6]} {sr[6:]}", "dots": f"{sr[:3]}.{sr[3:6]}.{sr[6:]}"}[mode]
        return (s, "SIRET")
    st = make_siret(sr, R.randint(1, 9999))
    mode = mode or ch(["c", "std", "std", "odd", "dots", "nic3", "4s"])
    if mode == "c": s = st
    elif mode == "std": s = f"{st[:3]} {st[3:6]} {st[6:9]} {st[9:]}"
    elif mode == "odd": s = f"{st[:9]} {st[9:]}"
    elif mode == "dots": s = f"{st[:3]}.{st[3:6]}.{st[6:9]}.{st[9:]}"
    elif mode == "nic3": s = f"{st[:3]} {st[3:6]} {st[6:9]} {st[9:12]} {st[12:]}"
    elif mode == "4s": s = " ".join(st[i:i + 4] for i in range(0, 14, 4))
    else: raise ValueError(mode)
    return (s, "SIRET")


def bad_luhn(n):
    while True:
        s = str(R.randint(1, 9)) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))
        if not luhn_valid(s):
            return s


def rpps():
    body = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    s = body + luhn_check_digit(body)
    return (ch([s, s, s, f"{s[:3]} {s[3:7]} {s[7:]}"]), "RPPS")


def adeli():
    s = ch(["75", "69", "13", "33", "44", "59", "97", "2A", "31", "67"])
    s = s.replace("2A", "20") + ch(["1", "6", "7", "8", "9"]) + "".join(str(R.randint(0, 9)) for _ in range(6))
    return (ch([s, s, f"{s[:2]} {s[2]} {s[3:8]} {s[8]}", f"{s[:2]} {s[2:5]} {s[5:]}"]), "ADELI")


def finess():
    body = ch(["75", "69", "13", "33", "59", "97"]) + "".join(str(R.randint(0, 9)) for _ in range(6))
    return body + luhn_check_digit(body)


# ----------------------------------------------------------------- addresses
def address(mode=None, town=None):
    num = str(R.randint(1, 180)) + ch(["", "", "", "", " bis", " ter", "B", "bis", " A"])
    st = ch(STREETS)
    t, cp = town or ch(TOWNS)
    mode = mode or ch(["full", "full", "full", "nl", "res", "street", "ld", "bp", "UP", "cedex", "apt"])
    if mode == "full": s = f"{num} {st}, {cp} {t}"
    elif mode == "nl": s = f"{num} {st}\n{cp} {t.upper()}"
    elif mode == "res": s = f"{ch(RESIDENCES)}, bât. {ch('ABCDE')}, apt {R.randint(1, 120)}, {num} {st}, {cp} {t}"
    elif mode == "street": s = f"{num} {st}"
    elif mode == "ld": s = f"{ch(LIEUX_DITS)}, {cp} {t}"
    elif mode == "bp": s = f"{num} {st}, BP {R.randint(10, 999)}, {cp} {t}"
    elif mode == "UP": s = noacc(f"{num} {st} {cp} {t}").upper()
    elif mode == "cedex": s = f"{num} {st}, CS {R.randint(10000, 99999)}, {cp} {t} CEDEX {R.randint(1, 9)}"
    elif mode == "apt": s = f"{num} {st}, appartement {R.randint(1, 60)}, {R.randint(1, 9)}e étage, {cp} {t}"
    else: raise ValueError(mode)
    return (s, "ADDRESS")


def foreign_address():
    c = ch([("rue du Rhône", "1204 Genève"), ("route de Thionville", "L-2610 Luxembourg"), ("Grand-Rue", "L-9050 Ettelbruck"),
            ("rue Haute", "7000 Mons"), ("Chaussée de Louvain", "1030 Schaerbeek"), ("Rua das Flores", "4050-262 Porto"),
            ("Calle Mayor", "28013 Madrid"), ("Hauptstraße", "66111 Saarbrücken"), ("avenue de Rumine", "1005 Lausanne")])
    n = str(R.randint(1, 120))
    if c[0].startswith(("Rua", "Calle", "Haupt")):
        return (f"{c[0]} {n}, {c[1]}", "ADDRESS")
    return (f"{n} {c[0]}, {c[1]}", "ADDRESS")


# ----------------------------------------------------------------- negatives
HOSPITALS = ["hôpital Saint-Louis", "hôpital Rothschild", "clinique Sainte-Anne", "CHU Pellegrin", "hôpital Georges-Pompidou", "centre hospitalier Saint-Joseph",
             "hôpital Robert-Debré", "Institut Curie", "la Pitié-Salpêtrière", "clinique Pasteur", "hôpital Édouard-Herriot", "CHU de Saint-Pierre", "polyclinique Saint-Martin",
             "hôpital Necker", "centre Léon-Bérard", "clinique Jeanne-d'Arc", "hôpital Bichat-Claude-Bernard"]
COMPANIES = ["Boulangerie Martin", "Transports Girard SARL", "Garage Lefebvre & Fils", "Pharmacie Dumas", "SAS Moreau Distribution", "Optique Bernard",
             "Dupuis Audition", "Menuiserie Roux", "Bati-Fontaine SAS", "Centre dentaire Lambert", "Ambulances Chevalier", "Laboratoire Mercier",
             "Boucherie Petit", "Carrosserie Blanc", "Groupe Fontaine Industrie", "Nettoyage Diallo Services", "Traiteur Nguyen & Co"]
DRUGS = ["Doliprane 1000 mg", "Kardégic 75 mg", "Lévothyrox 50 µg", "metformine 850", "Eliquis 5 mg", "Ventoline", "amoxicilline 1 g", "Inexium 20", "Tahor 10 mg", "insuline Lantus", "Spasfon", "Dafalgan codéiné"]
CCAM = ["HBLD036", "HBGD001", "LBLD010", "BFGA004", "JQGG002", "HBMD058", "ZCQK004", "QZFA031", "HBBD001"]
NGAP = ["AMI 4", "AMI 1,5", "C 2,5", "K 20", "AMK 2,1", "AIS 3", "G", "TMI", "AMX 5,1", "BSB"]
LPP = ["2101003", "7322030", "1143391", "2426413", "6205308", "1106103"]
SCHOOLS = ["lycée Victor-Hugo", "université Jean-Moulin Lyon 3", "IUT Paul-Sabatier", "lycée Marie-Curie", "collège Jules-Ferry", "université Paul-Valéry", "CFA Jean-Lameille", "école Émile-Zola"]


def amount():
    return ch([f"{R.randint(5, 1900)},{R.randint(0, 99):02d} €", f"{R.randint(10, 3000)} €", f"EUR {R.randint(5, 900)}.{R.randint(0, 99):02d}", f"{R.randint(1, 9)} {R.randint(0, 999):03d},00 €"])


def neg_phrase():
    opts = [
        lambda: f"montant remboursé : {amount()}",
        lambda: f"soins du {other_date()}",
        lambda: f"dossier n° {R.randint(10 ** 7, 10 ** 8 - 1)}",
        lambda: f"réf. sinistre SIN-{R.randint(2024, 2026)}-{R.randint(1000, 99999):05d}",
        lambda: f"contrat {ch(['CT', 'COL', 'IND'])}-{R.randint(10000, 99999)}-{ch('ABCDX')}",
        lambda: f"facture {R.randint(2025, 2026)}/{R.randint(1, 12):02d}/{R.randint(1, 9999):04d}",
        lambda: f"FINESS {finess()}",
        lambda: f"acte {ch(CCAM)}",
        lambda: f"cotation {ch(NGAP)}",
        lambda: f"code LPP {ch(LPP)}",
        lambda: f"traitement : {ch(DRUGS)}",
        lambda: f"dent {ch(['11', '16', '26', '36', '46', '47', '21'])}",
        lambda: f"séjour en {ch(HOSPITALS)}",
        lambda: f"n° de lot {bad_nir()}",
        lambda: f"n° de télétransmission {bad_luhn(14)}",
        lambda: f"agrément {bad_luhn(9)}",
        lambda: "agence de {1} {0}".format(*ch(TOWNS)),
        lambda: f"fournisseur {ch(COMPANIES)}",
        lambda: f"ticket #{R.randint(100000, 999999)}",
        lambda: f"reste à charge {amount()}",
    ]
    return ch(opts)()


def negs(k=None):
    k = k or R.randint(1, 3)
    return ", ".join(neg_phrase() for _ in range(k))


# ----------------------------------------------------------------- style 1: e-mail threads
STAFF_ROLES = ["Gestionnaire prestations", "Conseillère adhésions", "Chargé de relation adhérents", "Responsable recouvrement", "Gestionnaire cotisations", "Service réclamations"]


def staff_sig(p):
    return seq(pn(p, ch(["Fl", "FL"])), "\n", ch(STAFF_ROLES), "\nMLP Santé – Mutuelle Ligérienne de Prévoyance\nTél. direct : ", phone(ch(["sp", "dots"]), "fix"),
               "\n", email(p, staff=True), "\nCe message et ses pièces jointes sont confidentiels.")


def joinparts(parts):
    text, spans = "", []
    for t, s in parts:
        off = len(text)
        text += t
        spans += [[a + off, b + off, l] for a, b, l in s]
    return text, spans


def quote(piece, prefix="> "):
    t, s = piece
    lines = t.split("\n")
    out, spans, pos, src = [], [], 0, 0
    # re-map spans line by line
    newtext = ""
    mapping = []
    for ln in lines:
        newtext += prefix
        for c in ln:
            mapping.append(len(newtext)); newtext += c
        mapping.append(len(newtext)); newtext += "\n"
    newtext = newtext[:-1]
    ns = []
    for a, b, l in s:
        ns.append([mapping[a], mapping[b - 1] + 1, l])
    return newtext, ns


def st_email_thread(pos):
    m, s1 = person(), person()
    d = birth()
    if pos:
        k = ch(range(5))
        if k == 0:
            body = render("Bonjour,\n\nSuite à votre demande, voici mon RIB pour les remboursements : ${iban}\nMon numéro de sécu : ${nir}.\nJe reste joignable au ${ph}.\n\nCordialement,\n${sig}\n", 
                          {"iban": iban(), "nir": nir(m, d), "ph": phone(), "sig": pn(m, ch(["F", "Fl", "FL"]))})
            q = render("Le ${dt} à 10:${mm}, ${staff} <${se}> a écrit :\n${civ} ${ml},\nNous n'avons pas reçu votre RIB ; votre ${neg} est en attente.\nBien à vous,\n${staff2}",
                       {"dt": other_date("long"), "mm": f"{R.randint(0, 59):02d}", "staff": pn(s1, "Fl"), "se": email(s1, True), "civ": title(m, False), "ml": pn(m, "L"), "neg": negs(1), "staff2": pn(s1, "F")})
            return joinparts([body, quote(q)])
        if k == 1:
            body = render("---------- Message transféré ---------\nDe : ${n1} <${e1}>\nDate : ${dt}\nÀ : ${e2}\nCc : ${n3} <${e3}>\nObjet : changement d'adresse\n\nBonjour, nous avons déménagé au ${adr}. Nouveau portable de ${n1b} : ${ph}. "
                          "Pensez aussi à ma femme ${w}, née le ${dob}. Merci.\n",
                          {"n1": pn(m, "Fl"), "e1": email(m), "dt": other_date("long"), "e2": org_email("adhesions", STAFF_DOMAIN), "n3": pn(s1, "Fl"), "e3": email(s1, True),
                           "adr": address(ch(["full", "res", "apt", "ld"])), "n1b": pn(m, "F"), "ph": phone(), "w": pn(person("F"), ch(["Fl", "FL"])), "dob": dob(birth())})
            pre = render("Pour traitement svp (${neg}).\n${me}\n\n", {"neg": negs(1), "me": pn(s1, "F")})
            return joinparts([pre, body])
        if k == 2:
            memb = render("De : ${n} [mailto:${e}]\nEnvoyé : ${dt}\nÀ : Service Cotisations\nObjet : RE: prélèvement rejeté\n\nJe conteste le rejet, mon compte ${iban} est bien approvisionné. "
                          "Mon employeur (SIRET ${siret}) prend en charge 50 %. ${neg}.\n${nn}",
                          {"n": pn(m, "LF"), "e": email(m), "dt": other_date("num") + " 18:42", "iban": iban(), "siret": siret(), "neg": negs(1), "nn": pn(m, ch(["Fl", "F"]))})
            rep = render("Bonjour ${civ} ${ml},\nLe prélèvement du ${dd} a été représenté. Si besoin, appelez-moi.\n\n", {"civ": title(m), "ml": pn(m, "L"), "dd": other_date("num")})
            return joinparts([rep, staff_sig(s1), ("\n\n", []), quote(memb)])
        if k == 3:
            mo = person("F"); d = birth(1930, 1965)
            inner = render("Bonjour,\nMa mère ${mo} (NIR ${nir}, née le ${dob}) est hospitalisée (${hosp}). Pouvez-vous envoyer la prise en charge ? Je suis sa fille, ${me}, ${ph}.", 
                           {"mo": pn(mo, "Fl"), "nir": nir(mo, d), "dob": dob(d), "hosp": ch(HOSPITALS), "me": pn(s1, "Fl"), "ph": phone()})
            mid = render("Le ${dt}, ${x} a écrit :\nC'est transmis au service PEC, ${neg}.", {"dt": other_date("num"), "x": pn(person(), "Fl"), "neg": negs(1)})
            top = render("Toujours rien reçu à ce jour !!\n${me}\n\n", {"me": pn(s1, "F")})
            return joinparts([top, quote(mid), ("\n", []), quote(quote(inner), ">")])
        # k == 4 : long signature member + Cc line
        return render("Objet : Attestation de droits\nDe : ${e}\nCc : ${e2}\n\nBonjour,\nmerci de m'adresser l'attestation pour ${child} (né le ${dob}). ${neg}.\n\n--\n${n}\n${adr}\nPortable ${ph} / fixe ${ph2}\n« Pensez à l'environnement avant d'imprimer ce courriel »",
                      {"e": email(m), "e2": email(person()), "child": pn(person("M"), "F"), "dob": dob(birth(2005, 2024)), "neg": negs(2), "n": pn(m, "Fl"),
                       "adr": address("nl"), "ph": phone(), "ph2": phone(kind="fix")})
    k = ch(range(4))
    if k == 0:
        return render("De : Service Adhésions\nEnvoyé : ${dt}\nObjet : RE: RE: question garanties\n\nBonjour,\nLa formule Confort 3 rembourse l'${act} à hauteur de ${am}.\nCordialement,\nLe service adhésions\n\n> Bonjour, est-ce que le ${drug} est pris en charge ? ${neg}\n>> Merci de préciser votre ${ref}.",
                      {"dt": other_date("num"), "act": ch(["implant", "orthodontie", "ostéopathie", "audioprothèse"]), "am": amount(), "drug": ch(DRUGS), "neg": negs(1), "ref": neg_phrase()})
    if k == 1:
        return render("Objet : TR: Fwd: lot ${lot}\n\n---------- Message transféré ---------\nDate : ${dt}\nObjet : rejets NOEMIE du jour\n\n${neg}.\n${neg2}.\nPETIT RAPPEL : les rejets sont à traiter avant le ${dt2}.",
                      {"lot": str(R.randint(1000, 9999)), "dt": other_date("long"), "neg": negs(3), "neg2": negs(2), "dt2": other_date("num")})
    if k == 2:
        tw = ch(TOWNS)
        return render("Réponse automatique : absence\n\nJe suis absent(e) jusqu'au ${dt}. Pour toute demande urgente, contactez le 3646 ou l'agence de ${cp} ${town}.\n> Objet : ${ref}\n> ${neg}",
                      {"dt": other_date("long"), "cp": tw[1], "town": tw[0], "ref": neg_phrase(), "neg": negs(2)})
    return render("RE: devis\n\n> > Le devis de ${co} s'élève à ${am} (${ccam}).\n> Accord de principe pour ${am2}, ${neg}.\nBon pour accord, séance du ${dt}.",
                  {"co": ch(COMPANIES), "am": amount(), "ccam": ch(CCAM), "am2": amount(), "neg": negs(1), "dt": other_date("num")})


# ----------------------------------------------------------------- style 2: web-form free text
def st_web_form(pos):
    m = person(); d = birth()
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("Civilité: ${civ} | Nom: ${ln} | Prénom: ${fn} | N° adhérent: ${adh} | E-mail: ${e} | Téléphone: ${ph} | Date de naissance: ${dob} | Objet: Remboursement | Message: bonjour je n'ai toujours pas été remboursé(e) ${neg}, merci",
                          {"civ": title(m), "ln": pn(m, ch(["L", "LU"])), "fn": pn(m, "F"), "adh": str(R.randint(10 ** 6, 10 ** 7 - 1)), "e": email(m), "ph": phone(), "dob": dob(d, ch(["num", "iso", "short"])), "neg": negs(2)})
        if k == 1:
            return render("bonjour je m appelle ${n} ne le ${dob} mon numero secu ${nir} je narrive pas a me connecter a mon espace, mon tel ${ph} ou par mail ${e} merci d avance ${neg}",
                          {"n": pn(m, ch(["low", "noacc"])), "dob": dob(d, ch(["num", "short", "nopad"])), "nir": nir(m, d, ch(["compact", "space", "nokey"])), "ph": phone(ch(["compact", "sp"])), "e": email(m), "neg": negs(1)})
        if k == 2:
            tw = ch(TOWNS)
            return render("Nom : ${n} — Adresse : ${adr} — Code postal : ${cp} — Ville : ${town} — Votre message : Je viens de déménager, merci de mettre à jour. Nouveau RIB : ${iban} (copié depuis mon appli). ${neg}",
                          {"n": pn(m, ch(["LF", "UP"])), "adr": address("street"), "cp": tw[1], "town": tw[0], "iban": iban(ch(["compact", "grp", "lowcompact"])), "neg": negs(1)})
        if k == 3:
            c = person()
            return render("[Formulaire contact] Demande d'ajout d'un bénéficiaire : mon enfant ${c} né(e) le ${dob}, n° sécu du parent ${nir} / carte vitale copiée : ${nir2} / contact ${e} ${ph} / ${neg}",
                          {"c": pn(c, ch(["Fl", "F"])), "dob": dob(birth(2010, 2025)), "nir": nir(m, d), "nir2": nir(m, d, "compact"), "e": email(m), "ph": phone(), "neg": negs(1)})
        return render("Sujet: réclamation / Nom complet: ${n} / Employeur: ${co} SIRET ${siret} / Adresse: ${adr} / Commentaire: Mon dentiste, Dr ${dr}, m'a facturé ${am} pour la ${neg}. Rappelez-moi au ${ph} svp.",
                      {"n": pn(m, ch(["Fl", "FL", "iL"])), "co": ch(COMPANIES), "siret": siret(), "adr": address(ch(["full", "UP", "res"])), "dr": pn(person(), ch(["L", "Fl"])), "am": amount(), "neg": negs(1), "ph": phone()})
    k = ch(range(4))
    if k == 0:
        return render("Civilité: - | Nom: (non renseigné) | Objet: Question garanties | Message: Bonjour, la formule Essentielle couvre-t-elle le ${drug} et l'${act} ? ${neg}. Merci",
                      {"drug": ch(DRUGS), "act": ch(CCAM), "neg": negs(2)})
    if k == 1:
        return render("Message : impossible de télécharger mon relevé, erreur 500 sur la page /espace-adherent/releves?annee=${y}. Navigateur Firefox 132. ${neg}.",
                      {"y": str(R.randint(2023, 2026)), "neg": negs(2)})
    if k == 2:
        return render("Objet: Devis | Message: Bonjour, devis ${co} du ${dt} pour ${neg}, montant ${am}. Que prend en charge la mutuelle ? Petit budget ce mois-ci.",
                      {"co": ch(COMPANIES), "dt": other_date(), "neg": negs(1), "am": amount()})
    return render("nom: | prenom: | message: MONTURE BLANC NACRÉ REFUSÉE ?? ${neg} — Cordialement", {"neg": negs(2)})


# ----------------------------------------------------------------- style 3: cross-border / foreign cover
def avs():
    return f"756.{R.randint(1000, 9999)}.{R.randint(1000, 9999)}.{R.randint(10, 99)}"


def lux_matricule():
    return f"{R.randint(1950, 2005)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{R.randint(10000, 99999)}"


def niss():
    return f"{R.randint(40, 99)}.{R.randint(1, 12):02d}.{R.randint(1, 28):02d}-{R.randint(100, 999)}.{R.randint(10, 99)}"


def st_cross_border(pos):
    m = person(); d = birth(1950, 2000)
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("FORMULAIRE S1 – TRAVAILLEUR FRONTALIER (SUISSE)\nAssuré : ${n}\nDate de naissance : ${dob}\nDomicile en France : ${adr}\nEmployeur : ${emp} SA, Genève\nN° AVS : ${avs} (non utilisé en France)\nNIR français : ${nir}\nTél. : ${ph}\nObservations : ${neg}.",
                          {"n": pn(m, ch(["LF", "UP", "FL"])), "dob": dob(d), "adr": address(ch(["full", "nl", "ld"]), ch([("Annemasse", "74100"), ("Saint-Julien-en-Genevois", "74160"), ("Ferney-Voltaire", "01210"), ("Thonon-les-Bains", "74200")])),
                           "emp": ch(["Horlogerie Léman", "Banque Privée du Rhône", "Pharma Genève"]), "avs": avs(), "nir": nir(m, d), "ph": ch([phone(), foreign_phone()]), "neg": negs(1)})
        if k == 1:
            c1, c2 = person(), person()
            return render("Demande de CEAM – départ le ${dt} pour ${dest}.\nPour moi-même, ${n} (NIR ${nir}), et mes enfants ${c1} (né le ${d1}) et ${c2} (née en ${d2}). Envoi à : ${adr}. ${neg}.",
                          {"dt": other_date("long"), "dest": ch(["l'Espagne", "la Croatie", "le Portugal", "la Grèce", "l'Italie"]), "n": pn(m, "Fl"), "nir": nir(m, d), "c1": pn(c1, "F"), "d1": dob(birth(2008, 2020)),
                           "c2": pn(c2, "F"), "d2": dob(birth(2008, 2020), ch(["my", "y"])), "adr": address(), "neg": negs(1)})
        if k == 2:
            return render("Frontalier Luxembourg – affiliation complémentaire\nSalarié : ${n}, matricule CNS ${mat} (luxembourgeois, non NIR)\nNIR France : ${nir}\nIBAN de versement (compte LU) : ${iban}\nContact : ${ph} / ${e}\nAdresse : ${adr}\n${neg}",
                          {"n": pn(m, ch(["FL", "LF"])), "mat": lux_matricule(), "nir": nir(m, d), "iban": iban(ch(["grp", "compact"]), "LU"), "ph": foreign_phone(), "e": email(m),
                           "adr": address(ch(["full", "nl"]), ch([("Thionville", "57100"), ("Longwy", "54400"), ("Hettange-Grande", "57330")])), "neg": negs(1)})
        if k == 3:
            return render("Formulaire E106 / S1 – retraité résidant à l'étranger. ${civ} ${n}, né(e) le ${dob}, NISS belge ${niss}, demeurant ${fadr}. Ancienne adresse en France : ${adr}. Compte : ${iban}. ${neg}.",
                          {"civ": title(m), "n": pn(m, ch(["Fl", "iL"])), "dob": dob(d), "niss": niss(), "fadr": foreign_address(), "adr": address(ch(["full", "street"])), "iban": iban(foreign=ch(["BE", "PT", "ES", "DE"])), "neg": negs(1)})
        return render("Note gestion internationale : ${n} (${nir}) a reçu des soins à l'${hosp} de Bâle le ${dt}, facture de ${am} CHF. Conjoint : ${s} née ${mn}. Joindre au ${ph}. Gestionnaire : ${g}.",
                      {"n": pn(m, ch(["LF", "Fl"])), "nir": nir(m, d), "hosp": ch(["Universitätsspital", "Claraspital"]), "dt": other_date(), "am": str(R.randint(100, 4000)), "s": pn(person("F"), "Fl"), "mn": pn(person(), "LU"),
                       "ph": phone(), "g": pn(person(), ch(["F", "iL"]))})
    k = ch(range(4))
    if k == 0:
        return render("Procédure S1 : le travailleur frontalier doit fournir le formulaire S1 délivré par l'institution suisse, une attestation de résidence et le numéro AVS (ex. ${avs}). Délai de traitement : ${n} jours. ${neg}.",
                      {"avs": avs(), "n": str(R.randint(10, 45)), "neg": negs(1)})
    if k == 1:
        return render("Barème frontaliers ${y} : taux de change ${r} CHF/EUR, plafond ${am}. Matricule test ${mat}. NISS fictif ${niss}. ${neg}.",
                      {"y": str(R.randint(2025, 2026)), "r": f"0,{R.randint(900, 999)}", "am": amount(), "mat": lux_matricule(), "niss": niss(), "neg": negs(2)})
    if k == 2:
        return render("CEAM : validité 2 ans. Ne couvre pas le rapatriement. Pour un séjour à Genève ou à Luxembourg, prévoir ${neg}. Soins en Belgique du ${dt} : ${am}.",
                      {"neg": negs(1), "dt": other_date(), "am": amount()})
    return render("DEMANDE E106 INCOMPLÈTE\nPièces manquantes : formulaire S1, justificatif de domicile.\nRéférence : ${ref}\n${neg}", {"ref": neg_phrase(), "neg": negs(2)})


# ----------------------------------------------------------------- style 4: CSE minutes
EMPLOYERS = ["SAS Girard Logistique", "Menuiserie Roux et Fils", "Groupe Fontaine Industrie", "Clinique Vétérinaire Lambert SELARL", "Transports Girard SARL", "Imprimerie Mercier SA"]


def st_cse(pos):
    emp = ch(EMPLOYERS)
    if pos:
        a, b, c, e = person(), person(), person(), person()
        k = ch(range(5))
        if k == 0:
            return render("PROCÈS-VERBAL DE LA RÉUNION ORDINAIRE DU CSE – ${dt}\n${emp} – SIRET ${siret}\nPrésents : ${a} (secrétaire), ${b} (trésorier), ${c}\nExcusé : ${e}\n\n1. MUTUELLE D'ENTREPRISE\n${bs} signale que le remboursement des lunettes de son fils reste bloqué (${neg}). La direction s'engage à relancer MLP Santé.\n2. QUESTIONS DIVERSES\nNéant.",
                          {"dt": other_date("long"), "emp": emp, "siret": siret(), "a": pn(a, ch(["Fl", "iL"])), "b": pn(b, ch(["Fl", "FL"])), "c": pn(c, "Fl"), "e": pn(e, ch(["Fl", "iL"])), "bs": pn(b, "L"), "neg": negs(1)})
        if k == 1:
            d = birth(1960, 2000)
            return render("Situation individuelle examinée à huis clos : Mme ${a}, matricule ${mat}, née le ${dob}, en arrêt depuis le ${dt}. Elle demande le maintien de la prévoyance. Contact : ${ph}. Domicile : ${adr}. Rapporteur : ${b}.",
                          {"a": pn(person("F"), ch(["Fl", "FL", "L"])), "mat": str(R.randint(100, 9999)).zfill(5), "dob": dob(d), "dt": other_date(), "ph": phone(), "adr": address(), "b": pn(b, ch(["Fl", "iL"]))})
        if k == 2:
            return render("Vote de l'avis sur le changement d'organisme complémentaire :\n- Pour : ${a}, ${b}, ${c}\n- Contre : ${e}\n- Abstention : néant\nL'avis favorable est adopté. Le PV est signé par ${as} et transmis à ${emp} (SIREN ${siren}).",
                          {"a": pn(a, ch(["Fl", "FL"])), "b": pn(b, "Fl"), "c": pn(c, ch(["Fl", "LF"])), "e": pn(e, "Fl"), "as": pn(a, "F"), "emp": emp, "siren": siret(only_siren=True)})
        if k == 3:
            x = person()
            return render("Point 4 – Secours exceptionnel\n${x} (service expédition) rencontre des difficultés après le décès de son épouse ${w}, née ${mn}. Le CSE vote une aide de ${am} versée sur son compte ${iban}. ${neg}.\nSecrétaire de séance : ${a}",
                          {"x": pn(x, ch(["Fl", "FL", "iL"])), "w": pn(person("F"), "F"), "mn": pn(person(), "L"), "am": amount(), "iban": iban(), "neg": negs(1), "a": pn(a, "Fl")})
        return render("Annexe – salariés ayant demandé une dispense d'adhésion :\n${a} – ayant droit du conjoint (${e1})\n${b} – CDD < 12 mois, tél. ${ph}\n${c} – né le ${dob}, NIR ${nir}\nRédigé par ${e}.",
                      {"a": pn(a, "LF"), "e1": email(a), "b": pn(b, "LF"), "ph": phone(), "c": pn(c, "LF"), "dob": dob(d := birth(1970, 2004)), "nir": nir(c, d), "e": pn(e, ch(["Fl", "iL"]))})
    k = ch(range(4))
    if k == 0:
        return render("ORDRE DU JOUR DU CSE DU ${dt}\n1. Approbation du PV précédent\n2. Bilan mutuelle : ${neg}\n3. Budget des activités sociales : ${am}\n4. Questions diverses", {"dt": other_date("long"), "neg": negs(2), "am": amount()})
    if k == 1:
        return render("Le président ouvre la séance à 14h. La secrétaire rappelle que la cotisation mutuelle passe à ${am} par mois au 1er janvier. Les élus demandent une étude sur ${neg}. Séance levée à 16h30.", {"am": amount(), "neg": negs(1)})
    if k == 2:
        return render("BUDGET AEP ${y}\nChèques vacances : ${a1}\nArbre de Noël : ${a2}\nPrestataire : ${co}\nNombre de bénéficiaires : ${n}", {"y": str(R.randint(2025, 2027)), "a1": amount(), "a2": amount(), "co": ch(COMPANIES), "n": str(R.randint(20, 400))})
    return render("Commission santé : les élus signalent plusieurs retards de remboursement (${neg}). Le représentant de la mutuelle rappelle l'adresse de l'agence de ${town} et le délai moyen de ${n} jours.", {"neg": negs(2), "town": ch(TOWNS)[0], "n": str(R.randint(3, 20))})


# ----------------------------------------------------------------- style 5: guardianship / power of attorney
def st_guardianship(pos):
    p = person(); d = birth(1930, 1990); g = person()
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("Objet : mesure de curatelle renforcée\n\nJe soussignée ${g}, mandataire judiciaire à la protection des majeurs (UDAF), agissant en qualité de curatrice de ${civ} ${p}, né(e) le ${dob}, demeurant ${adr}, NIR ${nir}, en vertu du jugement du tribunal judiciaire de ${town} du ${dt} (RG ${rg}), vous prie de bien vouloir adresser désormais toute correspondance à mon service.\nTél. : ${ph} — ${e}",
                          {"g": pn(g, ch(["Fl", "FL"])), "civ": title(p), "p": pn(p, ch(["FL", "Fl", "LF"])), "dob": dob(d), "adr": address(), "nir": nir(p, d), "town": ch(TOWNS)[0], "dt": other_date("long"),
                           "rg": f"{R.randint(20, 26)}/{R.randint(1000, 9999):05d}", "ph": phone(kind="fix"), "e": email(g)})
        if k == 1:
            return render("PROCURATION\nJe soussigné(e) ${p}, né(e) le ${dob}, donne procuration à ma fille ${g} épouse ${mar}, demeurant ${adr}, pour effectuer en mon nom toutes démarches auprès de la mutuelle. Fait à ${town}, le ${dt}.\nSignature : ${ps}",
                          {"p": pn(p, ch(["Fl", "UP", "LF"])), "dob": dob(d), "g": pn(person("F"), "Fl"), "mar": pn(person(), "L"), "adr": address(), "town": ch(TOWNS)[0], "dt": other_date("num"), "ps": pn(p, ch(["iL", "Fl"]))})
        if k == 2:
            return render("Madame, Monsieur,\nEn ma qualité de tuteur de ${p} (jugement du ${dt}), je vous informe du changement de compte de la personne protégée : ${iban}. Le précédent compte ne doit plus être utilisé. ${neg}.\n${g}\nMandataire – ${co2}\n${ph}",
                          {"p": pn(p, ch(["FL", "Fl"])), "dt": other_date("num"), "iban": iban(), "neg": negs(1), "g": pn(g, "Fl"), "co2": ch(["ATMP du Rhône", "UDAF 44", "Association Tutélaire de l'Ouest"]), "ph": phone()})
        if k == 3:
            return render("bonjour c ${gf} le fils de ${pf} ${pl}, je suis son tuteur depuis son AVC. Il est né le ${dob} et son numéro c'est le ${nir}. Vous pouvez m'appeler au ${ph} car lui ne peut plus. On habite maintenant ${adr}. merci",
                          {"gf": pn(g, ch(["F", "low"])), "pf": title(p, False).lower(), "pl": pn(p, ch(["L", "Fl"])), "dob": dob(d, ch(["long", "num", "words"])), "nir": nir(p, d, ch(["space", "nokeyspace", "compact"])), "ph": phone(), "adr": address(ch(["full", "apt"]))})
        return render("Habilitation familiale – ${p} (née ${mn}), ${dob}. Personne habilitée : ${g}, ${adr2}, ${e}. Médecin inscrit : Dr ${dr} (RPPS ${rpps}). ${neg}.",
                      {"p": pn(person("F"), ch(["Fl", "LF"])), "mn": pn(person(), ch(["LU", "L"])), "dob": dob(d), "g": pn(g, "Fl"), "adr2": address(), "e": email(g), "dr": pn(person(), ch(["L", "Fl"])), "rpps": rpps(), "neg": negs(1)})
    k = ch(range(4))
    if k == 0:
        return render("Pièces à fournir pour une mesure de protection : copie du jugement (tutelle, curatelle ou habilitation familiale), RIB du compte de gestion, justificatif du mandataire. Délai : ${n} jours. ${neg}.", {"n": str(R.randint(5, 30)), "neg": negs(1)})
    if k == 1:
        return render("Jugement du tribunal judiciaire, RG ${rg}, audience du ${dt}. Mesure : curatelle simple, durée ${n} ans. Le majeur protégé conserve ${neg}.", {"rg": f"{R.randint(20, 26)}/{R.randint(1000, 9999):05d}", "dt": other_date(), "n": str(R.randint(2, 10)), "neg": negs(1)})
    if k == 2:
        return render("Note interne : tout courrier adressé à un majeur sous tutelle doit être doublé au mandataire. Service juridique – ${co}. ${neg}.", {"co": ch(["UDAF 44", "ATMP du Rhône", "service tutelles"]), "neg": negs(2)})
    return render("CURATELLE RENFORCÉE – RAPPEL DES RÈGLES\nLes prestations sont versées sur le compte géré par le curateur. Montant mensuel moyen : ${am}. ${neg}.", {"am": amount(), "neg": negs(1)})


# ----------------------------------------------------------------- style 6: collection / payment plans
def st_collection(pos):
    m = person(); a = person()
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("${civ} ${n}\n${adr}\n\n${town}, le ${dt}\n\nObjet : MISE EN DEMEURE – cotisations impayées\nContrat ${ct}\n\n${civ2},\nMalgré nos relances, la somme de ${am} reste due au titre des échéances de ${mois}. À défaut de règlement sous 15 jours, le dossier sera transmis à notre commissaire de justice.\n\n${a}, Responsable recouvrement",
                          {"civ": title(m, False), "n": pn(m, ch(["FL", "Fl", "UP"])), "adr": address(ch(["nl", "nl", "res", "bp"])), "town": ch(TOWNS)[0], "dt": other_date("long"), "ct": f"IND-{R.randint(10000, 99999)}",
                           "civ2": title(m, False), "am": amount(), "mois": ch(MOIS), "a": pn(a, ch(["Fl", "iL"]))})
        if k == 1:
            rows = "\n".join(f"{other_date('num')}    {amount()}" for _ in range(R.randint(3, 5)))
            return render("ÉCHÉANCIER ACCORDÉ – ${n}\nTél. ${ph}\nDate          Montant\n${rows}\nPrélèvement SEPA sur ${iban}\nMandat RUM MLP${rum}",
                          {"n": pn(m, ch(["LF", "UP"])), "ph": phone(), "rows": rows, "iban": iban(), "rum": str(R.randint(10 ** 8, 10 ** 9 - 1))})
        if k == 2:
            return render("SELARL ${ln} & Associés, commissaires de justice – SIRET ${siret}\nMe ${a}\nDossier ${ref}\nDébiteur : ${civ} ${n}, né(e) le ${dob}, demeurant ${adr}\nCréancier : MLP Santé\nPrincipal : ${am} — frais : ${am2}",
                          {"ln": ch(SURNAMES), "siret": siret(), "a": pn(a, ch(["Fl", "L", "FL"])), "ref": f"{R.randint(2024, 2026)}-{R.randint(1000, 9999)}", "civ": title(m), "n": pn(m, ch(["FL", "LF"])), "dob": dob(birth()), "adr": address(), "am": amount(), "am2": amount()})
        if k == 3:
            return render("Appel sortant ${dt} – ${n} joint(e) au ${ph}. Promet de régler en 3 fois ${am}. A perdu son emploi chez ${co}. Mail de confirmation envoyé à ${e}. Ag. ${ag}",
                          {"dt": other_date("short"), "n": pn(m, ch(["Fl", "LF", "L", "low"])), "ph": phone(), "am": amount(), "co": ch(COMPANIES), "e": email(m), "ag": pn(a, "F")})
        return render("Rejet de prélèvement (motif AM04 – provision insuffisante) sur le compte ${iban} de ${n} (NIR ${nir}). 2e rejet consécutif. Nouvelle adresse connue : ${adr}. ${neg}.",
                      {"iban": iban(), "n": pn(m, ch(["Fl", "FL"])), "nir": nir(m, birth()), "adr": address(), "neg": negs(1)})
    k = ch(range(4))
    if k == 0:
        return render("Madame, Monsieur,\nSauf erreur de notre part, l'échéance du ${dt} (${am}) n'a pas été réglée. Si vous avez effectué le paiement entre-temps, ne tenez pas compte de ce courrier.\nLe service recouvrement", {"dt": other_date(), "am": amount()})
    if k == 1:
        rows = "\n".join(f"{other_date('num')}    {amount()}    {ch(['payé', 'rejeté', 'à venir'])}" for _ in range(R.randint(3, 6)))
        return render("ÉCHÉANCIER TYPE\n${rows}\nTotal : ${am}", {"rows": rows, "am": amount()})
    if k == 2:
        return render("Statistiques recouvrement ${mois} : ${n} mises en demeure, ${n2} échéanciers, taux de recouvrement ${p} %. ${neg}.", {"mois": ch(MOIS), "n": str(R.randint(10, 900)), "n2": str(R.randint(5, 200)), "p": str(R.randint(40, 95)), "neg": negs(1)})
    return render("Motifs de rejet SEPA : AM04 provision insuffisante, MD06 contestation, AC04 compte clos. ${neg}.", {"neg": negs(2)})


# ----------------------------------------------------------------- style 7: student / apprentice cover
def st_student(pos):
    par = person(); c = person("M"); dc = birth(2000, 2009); dp = birth(1960, 1985)
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("Bonjour,\nJe souhaite rattacher mon fils ${c}, né le ${dob}, étudiant (${school}), comme ayant droit sur mon contrat. Mon NIR : ${nir}. Le sien : ${nirc}.\nMerci,\n${p}\n${ph}",
                          {"c": pn(c, ch(["Fl", "F"])), "dob": dob(dc), "school": ch(SCHOOLS), "nir": nir(par, dp), "nirc": nir(c, dc), "p": pn(par, ch(["Fl", "F"])), "ph": phone()})
        if k == 1:
            return render("salut, je suis apprenti boulanger chez ${co} (SIRET ${siret}) depuis le ${dt}, né en ${y}. Est ce que je dois prendre la mutuelle de mon patron ? mon mail ${e}, ${n}",
                          {"co": ch(COMPANIES), "siret": siret(), "dt": other_date(), "y": dob(dc, "y"), "e": email(c), "n": pn(c, ch(["low", "F", "Fl"]))})
        if k == 2:
            pm = person("M"); pf = person("F")
            return render("Double rattachement de ${c} (${dob}) : le père, ${civ1} ${pm}, et la mère, ${civ2} ${pf} née ${mn}, sont séparés. Résidence alternée : ${a1} / ${a2}. Pension versée sur ${iban}.",
                          {"c": pn(c, "Fl"), "dob": dob(dc), "civ1": "M.", "pm": pn(pm, ch(["Fl", "FL"])), "civ2": "Mme", "pf": pn(pf, "Fl"), "mn": pn(person(), ch(["L", "LU"])), "a1": address(ch(["full", "street"])), "a2": address(ch(["full", "street"])), "iban": iban()})
        if k == 3:
            return render("Demande étudiant international : ${n}, né le ${dob} à ${city}, n° provisoire NIA ${nia} (pas de NIR définitif), logé ${adr}. Tél. ${ph}. Passeport ${pp}. ${neg}.",
                          {"n": pn(c, ch(["UP", "LF", "Fl"])), "dob": dob(dc), "city": ch(["Dakar", "Hanoï", "Casablanca", "Bamako", "Kiev", "São Paulo"]), "nia": f"{ch('78')}{R.randint(10 ** 13, 10 ** 14 - 1)}",
                           "adr": address(ch(["res", "apt", "full"])), "ph": phone(), "pp": ch("ABCPX") + str(R.randint(1000000, 9999999)), "neg": negs(1)})
        c = person("F")
        return render("Objet : fin de droits ${c}\nMa fille ${cf} (née le ${dob}) termine ses études et sort de mon contrat. Peut-elle souscrire l'offre Jeunes ? Elle vit au ${adr}, ${e}. Mon contrat ${ct}.\n${p} (${pe})",
                      {"c": pn(c, "FL"), "cf": pn(c, "F"), "dob": dob(dc, ch(["long", "num", "abbr"])), "adr": address(), "e": email(c), "ct": f"IND-{R.randint(10000, 99999)}", "p": pn(par, "Fl"), "pe": phone()})
    k = ch(range(4))
    if k == 0:
        return render("Les enfants peuvent rester ayants droit jusqu'à 28 ans s'ils poursuivent des études. Au-delà, l'offre Jeunes démarre à ${am} par mois. ${neg}.", {"am": amount(), "neg": negs(1)})
    if k == 1:
        return render("Liste des établissements partenaires : ${s1}, ${s2}, ${s3}. Réunion d'information le ${dt} à l'${s4}.", {"s1": ch(SCHOOLS), "s2": ch(SCHOOLS), "s3": ch(SCHOOLS), "dt": other_date("long"), "s4": ch(SCHOOLS)})
    if k == 2:
        return render("Apprentis : dispense possible si CDD < 12 mois. Justificatif : contrat d'apprentissage (CERFA FA13). ${neg}.", {"neg": negs(2)})
    return render("Question : mon enfant est en alternance chez ${co}, la mutuelle de l'employeur est-elle obligatoire ? ${neg}.", {"co": ch(COMPANIES), "neg": negs(1)})


# ----------------------------------------------------------------- style 8: home-care coordination (SSIAD / HAD / aide à domicile)
def st_homecare(pos):
    p = person(); d = birth(1925, 1960)
    carers = [person() for _ in range(3)]
    if pos:
        k = ch(range(5))
        if k == 0:
            return render("PLANNING SEMAINE ${w} – ${civ} ${p} (${age} ans)\n${adr}, digicode ${code}, ${et}e étage\nLun 8h00 ${c1} (AS) toilette\nMar 8h30 ${c2} (AS)\nMer 14h ${c3} (IDE) ${ngap}\nJeu 8h00 ${c1b}\nRéférente famille : ${ref} ${ph}",
                          {"w": str(R.randint(1, 52)), "civ": title(p), "p": pn(p, ch(["L", "Fl", "LU"])), "age": str(R.randint(70, 101)), "adr": address(ch(["street", "full"])), "code": f"{R.randint(1000, 9999)}{ch('ABC')}", "et": str(R.randint(1, 8)),
                           "c1": pn(carers[0], "F"), "c2": pn(carers[1], ch(["F", "Fl"])), "c3": pn(carers[2], ch(["F", "iL"])), "ngap": ch(NGAP), "c1b": pn(carers[0], "F"), "ref": pn(person(), ch(["Fl", "F"])), "ph": phone()})
        if k == 1:
            return render("HAD – fiche de liaison\nPatient : ${p}\nNé(e) le : ${dob}\nNIR : ${nir}\nMédecin traitant : Dr ${dr} – RPPS ${rpps}\nIDE libérale : ${ide} – ADELI ${adeli}\nTraitement : ${drug}\nSortie de ${hosp} le ${dt}",
                          {"p": pn(p, ch(["LF", "UP", "FL"])), "dob": dob(d), "nir": nir(p, d), "dr": pn(person(), ch(["L", "Fl", "iL"])), "rpps": rpps(), "ide": pn(person(), "Fl"), "adeli": adeli(), "drug": ch(DRUGS), "hosp": ch(HOSPITALS), "dt": other_date()})
        if k == 2:
            return render("Transmission aide à domicile ${dt} : passage de ${c1} à 11h, ${civ} ${p} fatiguée, n'a pas pris son ${drug}. Sa fille ${f} prévenue au ${ph}. Chute signalée à ${c2} (coordinatrice SSIAD). ${neg}.",
                          {"dt": other_date("short"), "c1": pn(carers[0], "F"), "civ": "Mme", "p": pn(person("F"), ch(["L", "Fl"])), "drug": ch(DRUGS), "f": pn(person("F"), ch(["F", "Fl"])), "ph": phone(), "c2": pn(carers[1], "F"), "neg": negs(1)})
        if k == 3:
            return render("BEGIN:VEVENT\nSUMMARY:Toilette + pansement ${civ} ${p}\nLOCATION:${adr}\nDTSTART:${ds}T080000\nDESCRIPTION:IDE ${c1}\\, tél ${ph}\\, ${ngap}\nATTENDEE;CN=${c2}:mailto:${e}\nEND:VEVENT",
                          {"civ": title(p), "p": pn(p, ch(["L", "FL"])), "adr": address(ch(["full", "UP", "ld"])), "ds": f"{R.randint(2025, 2026)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}", "c1": pn(carers[0], "F"), "ph": phone(), "ngap": ch(NGAP),
                           "c2": pn(carers[1], "Fl"), "e": email(carers[1])})
        return render("Agenda tournée B – ${dt}\n07:45 ${p1}, ${a1}\n08:30 ${p2}, ${a2}\n09:15 ${p3} (née le ${dob}) – ${a3}\nIntervenante : ${c1} (${ph})",
                      {"dt": other_date("num"), "p1": pn(person(), ch(["LF", "L"])), "a1": address(ch(["street", "full"])), "p2": pn(person(), ch(["LF", "iL"])), "a2": address(ch(["street", "ld"])),
                       "p3": pn(person("F"), "LF"), "dob": dob(d), "a3": address("street"), "c1": pn(carers[0], "F"), "ph": phone()})
    k = ch(range(4))
    if k == 0:
        return render("Protocole pansement : nettoyage au sérum physiologique, ${ngap}, matériel ${lpp}. Réévaluation à J+${n}. ${neg}.", {"ngap": ch(NGAP), "lpp": ch(LPP), "n": str(R.randint(2, 15)), "neg": negs(1)})
    if k == 1:
        return render("Tournée B – ${dt}\n07:45 patient 1 (secteur nord)\n08:30 patient 2\n09:15 patient 3 – ${ngap}\nKilomètres : ${km}", {"dt": other_date("num"), "ngap": ch(NGAP), "km": str(R.randint(10, 120))})
    if k == 2:
        return render("BEGIN:VEVENT\nSUMMARY:Réunion d'équipe SSIAD\nLOCATION:salle Saint-Martin\nDTSTART:${ds}T140000\nDESCRIPTION:${neg}\nEND:VEVENT", {"ds": f"{R.randint(2025, 2026)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}", "neg": negs(2)})
    return render("Commande pharmacie : ${d1}, ${d2}, ${lpp}. Livraison par ${co}. ${neg}.", {"d1": ch(DRUGS), "d2": ch(DRUGS), "lpp": ch(LPP), "co": ch(COMPANIES), "neg": negs(1)})


# ----------------------------------------------------------------- style 9: application logs / JSON payloads
def jstr(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def jv(v):
    t, l = v
    return (jstr(t), l)


def ts():
    return f"{R.randint(2025, 2026)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{R.randint(0, 999):03d}Z"


def uuid():
    return "%08x-%04x-%04x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48))


def st_app_logs(pos):
    m = person(); d = birth()
    if pos:
        k = ch(range(5))
        if k == 0:
            return render('{"ts":"${ts}","event":"contact_form.submitted","member_id":${mid},"payload":{"subject":"remboursement","comment":"Bonjour, je suis ${n}, ma carte vitale ${nir}, tel ${ph}. ${neg}","email":"${e}"}}',
                          {"ts": ts(), "mid": str(R.randint(10 ** 5, 10 ** 7)), "n": jv(pn(m)), "nir": nir(m, d, ch(["compact", "space"])), "ph": phone(), "neg": jstr(negs(1)), "e": email(m)})
        if k == 1:
            return render('${ts} INFO  svc=adhesion req=${u} user_id=${uid} action=update_address msg="nouvelle adresse ${adr}" phone=${ph} email=${e} dob=${dob} latency_ms=${lat}',
                          {"ts": ts(), "u": uuid(), "uid": str(R.randint(1000, 999999)), "adr": address(ch(["full", "UP", "street"])), "ph": phone(ch(["compact", "+33c"])), "e": email(m), "dob": dob(d, "iso"), "lat": str(R.randint(3, 900))})
        if k == 2:
            return render('Traceback (most recent call last):\n  File "/srv/app/payments/sepa.py", line ${l1}, in validate_mandate\n    check_iban(mandate.iban)\n  File "/srv/app/payments/iban.py", line ${l2}, in check_iban\n    raise ValueError(f"invalid IBAN {value!r} for member {name}")\nValueError: invalid IBAN \'${iban}\' for member ${n} (nir=${nir})',
                          {"l1": str(R.randint(10, 400)), "l2": str(R.randint(10, 200)), "iban": iban(ch(["compact", "lowcompact"])), "n": pn(m, ch(["Fl", "UP"])), "nir": nir(m, d, "compact")})
        if k == 3:
            return render('${ts} WARN gateway GET /api/v2/members/search?nir=${nir}&birthDate=${dob}&lastName=${ln} status=200 bytes=${b}\n${ts2} DEBUG gateway response {"firstName":"${fn}","phone":"${ph}","city":"${town}"}',
                          {"ts": ts(), "nir": nir(m, d, "compact"), "dob": dob(d, ch(["iso", "compact"])), "ln": pn(m, "LU") if " " not in m["last"] else (m["last"].upper().replace(" ", "%20"), "PERSON"), "b": str(R.randint(200, 9000)),
                           "ts2": ts(), "fn": pn(m, "F"), "ph": phone(ch(["compact", "sp"])), "town": ch(TOWNS)[0]})
        x = person()
        return render('{"level":"error","time":"${ts}","msg":"SIRET employeur refusé","siret":"${siret}","contact":{"name":"${n}","email":"${e}","tel":"${ph}"},"prescriber":{"rpps":"${rpps}","name":"Dr ${dr}"},"trace_id":"${u}"}',
                      {"ts": ts(), "siret": siret(ch(["c", "c", "std"])), "n": jv(pn(m, ch(["Fl", "FL"]))), "e": email(m), "ph": phone(), "rpps": rpps(), "dr": jv(pn(x, ch(["L", "Fl"]))), "u": uuid()})
    k = ch(range(4))
    if k == 0:
        return render('${ts} INFO  svc=prestations req=${u} action=compute_reimbursement act=${ccam} amount=${am} rate=0.${r} latency_ms=${lat}\n${ts2} INFO  svc=prestations req=${u} status=OK',
                      {"ts": ts(), "u": uuid(), "ccam": ch(CCAM), "am": f"{R.randint(5, 900)}.{R.randint(0, 99):02d}", "r": str(R.randint(30, 100)), "lat": str(R.randint(3, 900)), "ts2": ts()})
    if k == 1:
        return render('{"ts":"${ts}","event":"batch.noemie","lot":"${lot}","rejects":${n},"finess":"${fin}","teletrans":"${tt}","comment":"${neg}"}',
                      {"ts": ts(), "lot": str(R.randint(10 ** 5, 10 ** 6)), "n": str(R.randint(0, 80)), "fin": finess(), "tt": bad_luhn(14), "neg": jstr(negs(1))})
    if k == 2:
        return render('Traceback (most recent call last):\n  File "/srv/app/batch/run.py", line ${l1}, in main\n    process(lot_id=${lot})\nKeyError: \'code_lpp\'\n${ts} ERROR lot ${lot} aborted after ${n} rows (ref ${bn})',
                      {"l1": str(R.randint(10, 400)), "lot": str(R.randint(10 ** 5, 10 ** 6)), "ts": ts(), "n": str(R.randint(1, 5000)), "bn": bad_nir().replace(" ", "")})
    return render('${ts} DEBUG cache hit key=garanties:formule:${f} ttl=${t}s\n${ts2} INFO healthcheck ok db=up queue=${q}', {"ts": ts(), "f": ch(["essentielle", "confort3", "jeunes"]), "t": str(R.randint(60, 3600)), "ts2": ts(), "q": str(R.randint(0, 99))})


def _x(tpl, **kw):
    return lambda: render(tpl, {k: (v() if callable(v) else v) for k, v in kw.items()})


def _p(mode=None, sex=None):
    return lambda: pn(person(sex), ch(mode) if isinstance(mode, list) else mode)


def _e():
    return lambda: email(person())


EXTRAS = {
    "email_thread": [_x("\n\nPS : mettez aussi en copie mon mari, ${n} (${e}).", n=_p("Fl"), e=_e()),
                     _x("\n\n--\n${n}\nAssistante de ${m}\nLigne directe ${ph}", n=_p("Fl"), m=_p("iL"), ph=lambda: phone(kind="fix")),
                     _x("\n\nEnvoyé de mon iPhone\n${n} – ${ph}", n=_p("F"), ph=phone)],
    "web_form": [_x(" | Autre téléphone: ${ph} | Date de naissance du bénéficiaire: ${dob}", ph=phone, dob=lambda: dob(birth())),
                 _x(" | Commentaire 2: pour ${n}, né(e) en ${dob}", n=_p(), dob=lambda: dob(birth(), ch(["my", "y"]))),
                 _x(" | Rappel souhaité au ${ph} (demander ${n})", ph=phone, n=_p("F"))],
    "cross_border": [_x("\nConjoint(e) : ${n}, NIR ${nir}", n=_p("Fl"), nir=lambda: nir(person(), birth())),
                     _x("\nCorrespondant caisse : ${n}, ${e}", n=_p("iL"), e=_e()),
                     _x("\nEnfant à charge : ${n} (${dob})", n=_p("F"), dob=lambda: dob(birth(2008, 2022)))],
    "cse_minutes": [_x("\nCopie : ${n} (${e})", n=_p("Fl"), e=_e()),
                    _x("\nProchaine réunion animée par ${n} ; contact ${ph}.", n=_p(["Fl", "iL"]), ph=phone),
                    _x("\nDiffusion : ${n1}, ${n2}, ${n3}", n1=_p("iL"), n2=_p("Fl"), n3=_p("LF"))],
    "guardianship": [_x("\nMédecin ayant établi le certificat : Dr ${n}, RPPS ${rpps}.", n=_p(["L", "Fl"]), rpps=rpps),
                     _x("\nCopie : ${n}, subrogé tuteur, ${ph}.", n=_p("Fl"), ph=phone),
                     _x("\nPersonne de confiance : ${n} – ${e}", n=_p(), e=_e())],
    "collection": [_x("\nCoordonnées mises à jour : ${ph} – ${e}", ph=phone, e=_e()),
                   _x("\nCaution solidaire : ${n}, ${adr}", n=_p("Fl"), adr=address),
                   _x("\nDossier suivi par ${n}, ${ph}", n=_p(["Fl", "iL"]), ph=lambda: phone(kind="fix"))],
    "student_cover": [_x("\nPS : médecin traitant Dr ${n} (RPPS ${rpps}), orthophoniste ${n2} (ADELI ${adeli}).", n=_p("L"), rpps=rpps, n2=_p("Fl"), adeli=adeli),
                      _x("\nAutre parent : ${n}, ${ph}", n=_p("Fl"), ph=phone),
                      _x("\nSa carte vitale : ${nir}", nir=lambda: nir(person(), birth(2000, 2008)))],
    "homecare": [_x("\nKiné : ${n}, ADELI ${adeli}, ${ph}", n=_p(["Fl", "iL"]), adeli=adeli, ph=phone),
                 _x("\nRemplaçante week-end : ${n} (${ph})", n=_p("F", "F"), ph=phone),
                 _x("\nPharmacien : ${n}, RPPS ${rpps}", n=_p("Fl"), rpps=rpps)],
    "app_logs": [_x('\n${ts} INFO audit user=${e} member="${n}" phone=${ph}', ts=ts, e=lambda: email(person(), True), n=_p("Fl"), ph=lambda: phone("compact")),
                 _x('\n${ts} DEBUG payload={"beneficiaire":"${n}","dateNaissance":"${dob}"}', ts=ts, n=_p("FL"), dob=lambda: dob(birth(), "iso")),
                 _x("\n${ts} WARN retry sms to=${ph} member=${n}", ts=ts, ph=lambda: phone("+33c"), n=_p("LU"))],
}


STYLES = [("email_thread", st_email_thread), ("web_form", st_web_form), ("cross_border", st_cross_border), ("cse_minutes", st_cse),
          ("guardianship", st_guardianship), ("collection", st_collection), ("student_cover", st_student), ("homecare", st_homecare), ("app_logs", st_app_logs)]


def main():
    rows = []
    for name, fn in STYLES:
        flags = [False] * NEG_PER_STYLE + [True] * (PER_STYLE - NEG_PER_STYLE)
        R.shuffle(flags)
        for i, pos in enumerate(flags):
            text, spans = fn(pos)
            if pos and R.random() < 0.8:
                text, spans = joinparts([(text, spans), ch(EXTRAS[name])()])
            spans = sorted(spans)
            rows.append({"id": f"b10-{name}-{i:03d}", "style": name, "text": text, "spans": spans})
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), "texts,", sum(len(r["spans"]) for r in rows), "spans")


if __name__ == "__main__":
    main()
