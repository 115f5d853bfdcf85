"""Deterministic generator of the blind8 PII evaluation corpus -> corpus.jsonl."""
import json, random, re, sys, unicodedata
sys.path.insert(0, "/work/main")
sys.path.insert(0, "/tmp/blind8")
from confiance.identifiers import make_nir, make_siren, make_siret, make_fr_iban, luhn_check_digit, luhn_valid, nir_key_valid, format_iban
from names import SURNAMES, GIVEN_F, GIVEN_M, STREETS, CITIES

R = random.Random(20261128)
ch = R.choice
ri = R.randint
PH = re.compile(r"\{\{(\w+)\}\}")

def render(tpl, **vals):
    """Template with {{key}} slots; value str = plain text, (text,label) = span."""
    out, spans, n, pos = [], [], 0, 0
    for m in PH.finditer(tpl):
        lit = tpl[pos:m.start()]; out.append(lit); n += len(lit)
        v = vals[m.group(1)]
        if isinstance(v, tuple):
            spans.append([n, n + len(v[0]), v[1]]); out.append(v[0]); n += len(v[0])
        else:
            out.append(v); n += len(v)
        pos = m.end()
    out.append(tpl[pos:])
    return "".join(out), spans

def edit(text, spans, edits):
    """Apply (pos, dellen, ins) edits (non-overlapping) and remap spans."""
    edits = sorted(edits)
    def mstart(p):
        return p + sum(len(i) - d for (q, d, i) in edits if q + d <= p)
    def mend(p):
        return p + sum(len(i) - d for (q, d, i) in edits if q < p and q + d <= p)
    new, last = [], 0
    for q, d, i in edits:
        new.append(text[last:q]); new.append(i); last = q + d
    new.append(text[last:])
    return "".join(new), [[mstart(s), mend(e), l] for s, e, l in spans]

# ---------------------------------------------------------------- values
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
def given(sex=None):
    sex = sex or ch("MF")
    return ch(GIVEN_M if sex == "M" else GIVEN_F)
WORDNAMES = ["Boulanger", "Petit", "Blanc", "Marchand", "Rose", "Pierre", "Martin", "Meunier", "Lebrun", "Fontaine"]
def surname(): return ch(WORDNAMES) if R.random() < .04 else ch(SURNAMES)
def person(sex=None, form=None):
    g, s = given(sex), surname()
    form = form or ch(["gs", "gs", "Sg", "SG", "i", "s", "g", "GS", "sg"])
    return {"gs": f"{g} {s}", "Sg": f"{s.upper()} {g}", "SG": f"{s.upper()} {g.upper()}", "i": f"{g[0]}. {s}",
            "s": s, "g": g, "GS": f"{g} {s.upper()}", "sg": f"{s} {g}", "low": f"{g.lower()} {s.lower()}"}[form]

def dob_parts():
    return ri(1935, 2015), ri(1, 12), ri(1, 28)
def fmt_date(y, m, d, f=None):
    f = f or ch(["dmy", "dmy", "long", "iso", "dmy2", "dots", "dash"])
    return {"dmy": f"{d:02d}/{m:02d}/{y}", "long": f"{d} {MOIS[m-1]} {y}", "iso": f"{y}-{m:02d}-{d:02d}",
            "dmy2": f"{d:02d}/{m:02d}/{y%100:02d}", "dots": f"{d:02d}.{m:02d}.{y}", "dash": f"{d:02d}-{m:02d}-{y}",
            "us": f"{m:02d}/{d:02d}/{y}", "first": f"1er {MOIS[m-1]} {y}", "my": f"{MOIS[m-1]} {y}", "compact": f"{y}{m:02d}{d:02d}"}[f]
def care_date():
    return f"{ri(1,28):02d}/{ri(1,12):02d}/{ch([2024,2025,2026])}"

def nir_raw(sex=None, y=None, m=None, dep=None):
    sex = sex or ch("MF")
    y = y or ri(1935, 2005); m = m or ri(1, 12)
    dep = dep or ch(["75", "69", "13", "59", "33", "29", "64", "2A", "2B", "974", "971", "972", "99", "67", "57", "31", "44", "93"])
    commune = ri(1, 89) if len(dep) == 3 else ri(1, 400)
    return make_nir(sex, y, m, dep, commune, ri(1, 999))
def fmt_nir(n, f=None):
    f = f or ch(["sp", "sp", "raw", "sp2", "dots", "nokey", "dash"])
    g = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
    if f == "sp": return " ".join(g)
    if f == "raw": return n
    if f == "sp2": return " ".join(g[:6]) + " - " + g[6]
    if f == "dots": return ".".join(g)
    if f == "dash": return "-".join(g)
    if f == "nokey": return " ".join(g[:6])
    if f == "slash": return n[:13] + "/" + n[13:]
    return n
def nir(**k): return fmt_nir(nir_raw(**k))

def phone(prefix=None, f=None):
    prefix = prefix or ch(["06", "07", "01", "02", "03", "04", "05", "09", "06"])
    d = prefix + "".join(str(ri(0, 9)) for _ in range(10 - len(prefix)))
    pairs = [d[i:i+2] for i in range(0, 10, 2)]
    f = f or ch(["sp", "sp", "dot", "raw", "dash", "intl", "intl2", "0033", "paren"])
    if f == "sp": return " ".join(pairs)
    if f == "dot": return ".".join(pairs)
    if f == "raw": return d
    if f == "dash": return "-".join(pairs)
    if f == "intl": return "+33 " + d[1] + " " + " ".join(pairs[1:])
    if f == "intl2": return "+33" + d[1:]
    if f == "0033": return "0033 " + d[1] + " " + " ".join(pairs[1:])
    if f == "paren": return "+33 (0)" + d[1] + " " + " ".join(pairs[1:])
    return d

def siren(): 
    while True:
        s = make_siren(ri(10000000, 99999999))
        if not s.startswith("356000000"): return s
def siret(): return make_siret(siren(), ri(1, 99))
def fmt_siret(s):
    f = ch(["raw", "sp", "sp2"])
    if len(s) == 9: return s if f == "raw" else f"{s[:3]} {s[3:6]} {s[6:]}"
    if f == "raw": return s
    if f == "sp": return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    return f"{s[:9]} {s[9:]}"
def iban(f=None):
    s = make_fr_iban(ch([30004, 30003, 10278, 20041, 11315, 16006, 30002, 18206, 12506, 17515]), ri(100, 99999), ri(10**8, 10**11 - 1))
    f = f or ch(["g", "g", "raw", "low"])
    if f == "g": return format_iban(s)
    if f == "low": return format_iban(s).lower() if R.random() < .3 else format_iban(s)
    return s
def rpps():
    p = "10" + "".join(str(ri(0, 9)) for _ in range(8))
    return p + luhn_check_digit(p)
def adeli():
    return f"{ch(['75','69','13','33','59','31','2A','97'])}{ch(['1','4','6','8','9'])}{ri(0,99999):05d}{ri(0,9)}".replace("2A", "20").replace("97", "97")
def bad_luhn(n):
    while True:
        s = str(ri(1, 9)) + "".join(str(ri(0, 9)) for _ in range(n - 1))
        if not luhn_valid(s): return s
def bad_nir():
    while True:
        s = nir_raw(); s = s[:13] + f"{(int(s[13:]) + ri(1, 90)) % 97:02d}"
        if not nir_key_valid(s): return s
def strip_acc(s): return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
def email(g=None, s=None):
    g = g or given(); s = s or surname()
    g1, s1 = strip_acc(g).lower().replace(" ", ""), strip_acc(s).lower().replace(" ", "").replace("'", "")
    dom = ch(["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr", "sfr.fr", "outlook.com", "icloud.com"])
    u = ch([f"{g1}.{s1}", f"{g1[0]}{s1}", f"{s1}.{g1}{ri(1,99)}", f"{g1}_{s1}", f"{s1}{ri(1950,2005)}"])
    return f"{u}@{dom}"
def address(sep=None, city=None):
    cp, c = city or ch(CITIES)
    num = ch([str(ri(1, 180)), f"{ri(1,60)} bis", f"{ri(1,40)} ter", str(ri(1, 30))])
    sep = sep if sep is not None else ch([", ", "\n", " - ", ", "])
    return f"{num} {ch(STREETS)}{sep}{cp} {c.upper() if R.random()<.3 else c}"

MUT = ["Mutuelle Harmonie des Vallées", "MGSP Prévoyance", "Mutuelle Saint-Christophe", "Solimut Atlantique", "Mutuelle Familiale du Rhône", "La Mutuelle Verte"]
COMPANIES = ["Transports Petit & Fils", "Boulangerie Marchand SARL", "SAS Blanc Industries", "Carrefour Market", "Clinique Sainte-Anne",
             "Ets Rose Paysage", "Pharmacie du Marché", "Garage Martin Frères", "Société Générale", "EHPAD Les Oliviers", "Cabinet Pierre et Associés",
             "SNCF Voyageurs", "Leroy Merlin", "Thales Services", "Laboratoire Cerballiance", "Ambulances Saint-Roch"]
DRUGS = ["Doliprane 1000 mg", "Lévothyrox 75 µg", "Kardégic 75", "Spasfon", "Ventoline", "Inexium 20", "Metformine 850", "Eliquis 5 mg", "Dafalgan", "Gaviscon", "Seresta 10", "Tahor 20"]
SPECS = ["médecin généraliste", "rhumatologue", "psychiatre", "chirurgien orthopédiste", "cardiologue", "médecin conseil", "kinésithérapeute", "pneumologue"]
CCAM = ["HBLD038", "HBMD043", "QZFA024", "NFKA008", "YYYY183", "BFGA004", "LHMA003", "JQGD010"]
NGAP = ["C 26,50", "G 30,00", "AMK 8,5", "AMI 3", "CS 30", "K 50", "APC 55,00"]
LPP = ["2452466", "1176226", "2262619", "7318146", "6520270"]
def amount(): return f"{ri(5, 2500)},{ri(0, 99):02d} €"
def contract(): return ch(["CTR-", "ADH", "POL-", "SIN-", "FAC/", "DOS-"]) + f"{ri(2019, 2026)}-{ri(1000, 99999):05d}"

OUT = []
def emit(style, text, spans):
    spans = sorted(spans)
    OUT.append({"style": style, "text": text, "spans": spans})

# ---------------------------------------------------------------- 1 releve_mutuelle_pdf
def pdfify(text, spans, width):
    edits = []
    col = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\n": col = 0
        else:
            col += 1
            if col >= width and i + 1 < len(text) and text[i + 1] != "\n":
                nxt = text[i + 1]
                if c == " ": edits.append((i, 1, "\n"))
                elif nxt == " ": edits.append((i + 1, 1, "\n"))
                elif c.isalpha() and nxt.isalpha(): edits.append((i + 1, 0, "-\n"))
                else: edits.append((i + 1, 0, "\n"))
                col = 0
                i += 1 if nxt == " " else 0
        i += 1
    # ligatures & soft hyphens outside-or-inside consistently (non-overlapping with line edits)
    used = set()
    for q, d, _ in edits: used.update(range(q - 1, q + d + 1))
    for m in re.finditer(r"f[il]|ff", text):
        if R.random() < .6 and not (set(range(m.start(), m.end())) & used):
            edits.append((m.start(), 2, {"fi": "ﬁ", "fl": "ﬂ", "ff": "ﬀ"}[m.group()])); used.update(range(m.start(), m.end()))
    for m in re.finditer(r"[a-zéè]{5}(?=[a-zéè]{4})", text):
        if R.random() < .04 and m.end() not in used and (m.end() - 1) not in used:
            edits.append((m.end(), 0, "\u00ad")); used.add(m.end())
    nt, ns = edit(text, spans, edits)
    def norm(x):
        x = unicodedata.normalize("NFKC", x)
        return re.sub(r"[^\w@.]|_", "", x)
    for (a, b, _), (c, d, _) in zip(spans, ns):
        assert norm(text[a:b]) == norm(nt[c:d]), (text[a:b], nt[c:d])
    return nt, ns

def releve_pos(k):
    mut = ch(MUT); sx = ch("MF"); y, m, d = dob_parts(); gg, ss = given(sx), surname()
    nom = ch([f"{ss.upper()} {gg}", f"{gg} {ss}", f"{gg} {ss.upper()}"]); n = nir(sex=sx, y=y, m=m)
    hdr = f"{mut.upper()}          RELEVÉ DE PRESTATIONS\nPage {{{{pg}}}}/2"
    rows = []
    for _ in range(ri(2, 5)):
        rows.append(f"{care_date()}  {ch(NGAP + CCAM)}  {ch(['Consultation', 'Pharmacie', 'Optique', 'Dentaire dent 36', 'Kiné', 'Biologie'])}  {amount()}  {amount()}")
    benef = person(form=ch(["g", "gs"]))
    tpl = (f"{mut}\nCentre de gestion - {{{{gaddr}}}}\n\nRELEVÉ DE PRESTATIONS N° {contract()}\n"
           "Assuré : {{nom}}                       N° adhérent : " + f"{ri(100000,999999)}\n"
           "N° Sécurité sociale : {{nir}}          Date de naissance : {{dob}}\n"
           "{{addr}}\n\nBénéficiaire : {{benef}} (né(e) le {{bdob}})\n" + "\n".join(rows) +
           f"\n\n{mut.upper()} - Page 1/2 - document généré le {care_date()}\n\n{mut.upper()}   RELEVÉ DE PRESTATIONS (suite)\n"
           "Assuré : {{nom2}}\nVersement effectué sur le compte {{iban}}\nTotal remboursé : " + amount() +
           "\nPour toute question : {{tel}} ou {{mail}}\nPage 2/2")
    y2, m2, d2 = dob_parts()
    nomu = nom.upper() if R.random() < .5 else nom
    text, spans = render(tpl, gaddr=(address(sep=" "), "ADDRESS"), nom=(nom, "PERSON"), nir=(n, "NIR"), dob=(fmt_date(y, m, d, "dmy"), "DATE_OF_BIRTH"),
                         addr=(address(sep="\n"), "ADDRESS"), benef=(benef, "PERSON"), bdob=(fmt_date(y2, m2, d2, "dmy"), "DATE_OF_BIRTH"),
                         nom2=(nomu, "PERSON"), iban=(iban(), "IBAN"), tel=(phone(f=ch(["sp", "dot"])), "PHONE"), mail=(email(gg, ss), "EMAIL"))
    if k % 3 == 0:  # two interleaved columns
        col_l = [("Adhérent", None), (person(form="SG"), "PERSON")]
        t2, s2 = render("{{a}}                 Votre conseiller : {{b}}\n{{c}}     {{d}}\n", a=(person(form="Sg"), "PERSON"),
                        b=(person(form="gs"), "PERSON"), c=(f"{ri(1,99)} {ch(STREETS)}", "ADDRESS"), d=(phone(f="dot"), "PHONE"))
        text, spans = t2 + text, s2 + [[s + len(t2), e + len(t2), l] for s, e, l in spans]
    return pdfify(text, spans, ri(38, 70))

def releve_neg(k):
    mut = ch(MUT)
    rows = "\n".join(f"{care_date()}  {ch(CCAM+NGAP)}  {ch(DRUGS)}  dent {ch([11,16,26,36,46,47])}  {amount()}  {amount()}" for _ in range(ri(3, 6)))
    t = (f"{mut.upper()}\nSTATISTIQUES DE REMBOURSEMENT - {ch(MOIS).upper()} {ri(2023,2026)}\nPage 1/1\n"
         f"Délai moyen de traitement : {ri(2,9)} jours. Suite à la réforme 100 % Santé, les équipements optiques de classe A sont pris en charge.\n"
         f"Contrat collectif {contract()} - Référence lot {bad_luhn(14)} - Dossier {bad_luhn(9)}\n{rows}\n"
         f"Pouvez-vous vérifier les actes réalisés à l'hôpital Sainte-Anne et à la clinique de Saint-Étienne ?\n"
         f"Code LPP {ch(LPP)} - Total : {amount()}\nMerci de conserver ce relevé. Réf. interne {bad_nir()}\n{mut.upper()} - Page 1/1")
    return pdfify(t, [], ri(40, 72))

# ---------------------------------------------------------------- 2 courrier_manuscrit_transcrit
UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
def num_fr(n):
    if n < 20: return UNITS[n]
    if n < 70:
        t, u = n // 10 * 10, n % 10
        return TENS[t] + ("" if u == 0 else (" et un" if u == 1 else "-" + UNITS[u]))
    if n < 80: return "soixante" + (" et onze" if n == 71 else "-" + UNITS[n - 60])
    if n == 80: return "quatre-vingts"
    return "quatre-vingt-" + UNITS[n - 80]
def written_date(y, m, d):
    day = "premier" if d == 1 else num_fr(d)
    return f"{day} {MOIS[m-1]} mil neuf cent {num_fr(y - 1900)}"
LIEUX = ["lieu-dit Les Granges", "hameau de la Combe", "lieu-dit Le Bourg", "La Croix Blanche", "hameau des Rivières", "lieu-dit Pierrefiche", "Le Moulin Neuf"]
RURAL = [("15230", "Pierrefort"), ("23200", "Aubusson"), ("48000", "Mende"), ("19300", "Égletons"), ("46100", "Figeac"), ("12390", "Rignac"), ("43000", "Le Puy-en-Velay")]
def odd_phone():
    d = ch(["04", "05", "02", "03"]) + "".join(str(ri(0, 9)) for _ in range(8))
    return ch([f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:2]}.{d[2:4]}{d[4:6]} {d[6:]}", f"{d[:4]} {d[4:]}", f"{d[0]} {d[1:5]} {d[5:]}"])
def manuscrit_pos(k):
    sex = ch("MF"); y, m, d = ri(1930, 1950), ri(1, 12), ri(1, 28)
    cp, c = ch(RURAL)
    addr = ch([f"{ch(LIEUX)}\n{cp} {c}", f"{ch(LIEUX)}, BP {ri(1,40)}\n{cp} {c}", f"{ri(1,20)} {ch(STREETS)}\n{ch(LIEUX)}\n{cp} {c}"])
    kid1, kid2, gk = person("M", form="g"), person("F" if sex == "M" else "M", form="gs"), person("F", form="g")
    signer = person(sex, form=ch(["gs", "GS", "i"]))
    tpl = ch([
        "{{signer}}\n{{addr}}\nTél : {{tel}}\n\nMadame, Monsieur,\n\nJe me permets de vous écrire car je suis {{ne}} le {{dob}} et la caisse me dit que mon numéro n'est pas bon. "
        "Mon numéro de sécurité sociale c'est le {{nir}} [illisible]. Mon fils {{k1}} s'occupe de mes papiers mais il habite loin. "
        "Ma petite-fille {{gk}} peut vous appeler au {{tel2}}.\nJ'ai eu des lunettes en [illisible] et je n'ai rien touché.\n\n"
        "Veuillez agréer, Madame, Monsieur, l'expression de mes sentiments distingués.\n\n{{sig}}",
        "Le {{ldate}}\n\nMessieurs,\n\nSuite au décès de mon {{conj}} {{k2}} survenu en octobre, je voudrais que la mutuelle ne prélève plus sur son compte. "
        "Je suis {{signer}}, {{ne}} le {{dob}}. Mon adresse n'a pas changé : {{addr}}.\nMon fils {{k1}} [illisible] au {{tel}}.\n"
        "Je vous prie de croire, Messieurs, à mes sentiments les meilleurs.\n{{sig}}",
        "[en-tête illisible]\nMonsieur le Directeur,\n\nJe soussigné {{signer}}, né en {{byear}}, demeurant {{addr}}, vous demande le remboursement des soins dentaires "
        "de {{conj2}} {{k2}}. Son numéro : {{nir}}. Notre petite-fille {{gk}} a fait la lettre avec moi.\nTéléphone {{tel}} (le soir).\n"
        "Dans l'attente, je vous prie d'agréer mes salutations respectueuses.\n{{sig}}"])
    dobform = ch(["w", "w", "dmy", "long"])
    dob = written_date(y, m, d) if dobform == "w" else fmt_date(y, m, d, dobform if dobform != "w" else "dmy")
    if dobform == "w" and "née le" not in tpl: dob = "le " + dob if R.random() < 0 else dob
    return render(tpl, signer=(signer, "PERSON"), addr=(addr, "ADDRESS"), tel=(odd_phone(), "PHONE"), tel2=(odd_phone(), "PHONE"),
                  dob=(dob, "DATE_OF_BIRTH"), nir=(nir(sex=sex, y=y, m=m), "NIR"), k1=(kid1, "PERSON"), k2=(kid2, "PERSON"), gk=(gk, "PERSON"),
                  sig=(ch([signer, signer.split()[-1]]), "PERSON"), ne="née" if sex == "F" else "né", conj="mari" if sex == "F" else "épouse", conj2="mon mari" if sex == "F" else "ma femme", byear=(str(y), "DATE_OF_BIRTH"),
                  ldate=f"{num_fr(ri(2,28))} {ch(MOIS)} deux mille vingt-{num_fr(ri(4,6))}")
def manuscrit_neg(k):
    return ch([
        f"Le {num_fr(ri(2,28))} {ch(MOIS)}\n\nMadame, Monsieur,\n\nMerci pour votre courrier du {care_date()}. Je n'ai pas bien compris le décompte pour la cure à "
        f"Saint-Amand-les-Eaux. Le pharmacien m'a donné du {ch(DRUGS)} au lieu du {ch(DRUGS)} [illisible].\nLe boulanger du village m'a aidée à remplir le papier. "
        f"Pouvez-vous me renvoyer le formulaire en gros caractères ?\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées.\n[signature illisible]",
        f"Messieurs,\nJe vous retourne la feuille de soins du {care_date()} pour la consultation à l'hôpital Sainte-Anne. Montant {amount()}.\n"
        f"Mon dossier est le {contract()}. Il fait bien froid ici au hameau, la route de la Croix Blanche est fermée depuis la Saint-Martin.\n"
        f"Je vous prie d'agréer, Messieurs, l'assurance de ma considération.\n[illisible]",
        f"[Transcription - courrier reçu le {care_date()}]\nBonjour,\nDélai trop long pour mes semelles orthopédiques (code LPP {ch(LPP)}). "
        f"Mon médecin de Pierre-Bénite dit que c'est remboursé. Un petit rose sur le papier indique {bad_luhn(9)} [illisible].\nMerci d'avance.\nUn adhérent fidèle depuis mil neuf cent soixante-dix"])

# ---------------------------------------------------------------- 3 dossier_invalidite_prevoyance
def invalid_pos(k):
    sex = ch("MF"); y, m, d = ri(1960, 1995), ri(1, 12), ri(1, 28)
    nm = person(sex, form=ch(["gs", "Sg", "GS"]))
    tpl = ch([
        "SYNTHÈSE MÉDECIN CONSEIL - DOSSIER {{ctr}}\nAssuré(e) : {{nom}}\nNIR : {{nir}}\nDate de naissance : {{dob}}\n"
        "Arrêt de travail depuis le {{arret}} (lombosciatique L5-S1). Avis du Dr {{doc}}, {{spec}} (RPPS {{rpps}}) : reprise à mi-temps thérapeutique envisageable.\n"
        "Conjoint(e) : {{conj}}, NIR {{nir2}}.\nSalaire de référence : {{sal}} brut mensuel. Taux d'incapacité retenu : {{taux}} %.",
        "ATTESTATION EMPLOYEUR\nLa société {{soc}}, SIRET {{siret}}, sise {{saddr}}, atteste que {{civ}} {{nom}}, né(e) le {{dob}}, "
        "domicilié(e) {{addr}}, est employé(e) depuis le {{emb}} en qualité de {{poste}}.\nDernier jour travaillé : {{arret}}. Salaire brut des 12 derniers mois : {{sal}}.\n"
        "Fait pour servir et valoir ce que de droit. Contact RH : {{rh}} - {{tel}}",
        "Note gestionnaire prévoyance\n{{nom}} ({{nir}}) - invalidité 2e catégorie notifiée par la CPAM le {{arret}}.\nRente complémentaire : {{sal}}/mois versée sur {{iban}}.\n"
        "Expertise par le Dr {{doc}} ({{spec}}, ADELI {{adeli}}) le {{arret2}}. Assuré joignable au {{tel}}, {{mail}}.\nNé(e) en {{byear}}."])
    return render(tpl, ctr=contract(), nom=(nm, "PERSON"), nir=(nir(sex=sex, y=y, m=m), "NIR"), dob=(fmt_date(y, m, d), "DATE_OF_BIRTH"),
                  arret=care_date(), arret2=care_date(), emb=fmt_date(ri(2000, 2020), ri(1, 12), ri(1, 28), "dmy"), doc=(person(form=ch(["s", "gs", "i"])), "PERSON"),
                  spec=ch(SPECS), rpps=(rpps(), "RPPS"), conj=(person(form="gs"), "PERSON"), nir2=(nir(), "NIR"), sal=amount(), taux=str(ri(10, 80)),
                  soc=ch(COMPANIES), siret=(fmt_siret(siret()), "SIRET"), saddr=(address(sep=" "), "ADDRESS"), civ=ch(["M.", "Mme"]), addr=(address(sep=", "), "ADDRESS"),
                  poste=ch(["cariste", "aide-soignante", "comptable", "boulanger", "chauffeur", "agent d'entretien"]), rh=(person(form="gs"), "PERSON"),
                  tel=(phone(), "PHONE"), iban=(iban(), "IBAN"), adeli=(adeli(), "ADELI"), mail=(email(), "EMAIL"), byear=(str(y), "DATE_OF_BIRTH"))
def invalid_neg(k):
    return (f"COMMISSION PRÉVOYANCE - SÉANCE DU {care_date()}\nOrdre du jour : dossiers d'incapacité temporaire, barème {ri(2020,2026)}.\n"
            f"Suite à l'avis du médecin conseil, le taux d'IPP retenu est de {ri(5,66)} %. Arrêt de travail du {care_date()} au {care_date()}.\n"
            f"Franchise de {ri(30,180)} jours. Indemnités journalières : {amount()}. Dossier {contract()}, référence employeur {bad_luhn(14)}.\n"
            f"Traitement : {ch(DRUGS)}, séances de rééducation (AMK 8,5). Pathologie : syndrome du canal carpien, {ch(['Dupuytren','Parkinson','Crohn'])}.\n"
            f"Délai de carence appliqué. Pouvez-vous transmettre les bulletins de salaire de {ch(MOIS)} ? Aucun élément nominatif dans cette synthèse.")

# ---------------------------------------------------------------- 4 echanges_courtier_xml
def xml_pos(k):
    sex = ch("MF"); y, m, d = ri(1950, 2000), ri(1, 12), ri(1, 28); nr = nir_raw(sex=sex, y=y, m=m)
    g, s = given(sex), surname()
    kind = k % 4
    if kind == 0:
        tpl = ('<adherent id="A{{id}}">\n  <nom>{{s}}</nom>\n  <prenom>{{g}}</prenom>\n  <nir>{{nir}}</nir>\n  <dateNaissance>{{dob}}</dateNaissance>\n'
               '  <adresse><ligne1>{{l1}}</ligne1><cp>{{cp}}</cp><ville>{{v}}</ville></adresse>\n  <iban>{{iban}}</iban>\n  <courriel>{{mail}}</courriel>\n'
               '  <codeGarantie>HOSP-{{id2}}</codeGarantie><formule>CONFORT 3</formule>\n</adherent>')
        cp, v = ch(CITIES)
        l1 = f"{ri(1,99)} {ch(STREETS)}"
        # address as one contiguous block is impossible across tags: label street line only, plus cp+city separately would violate lone rule -> label l1 only
        return render(tpl, id=str(ri(10000, 99999)), id2=str(ri(10, 99)), s=(s.upper(), "PERSON"), g=(g, "PERSON"), nir=(nr, "NIR"),
                      dob=(fmt_date(y, m, d, "iso"), "DATE_OF_BIRTH"), l1=(l1, "ADDRESS"), cp=cp, v=v, iban=(iban("raw"), "IBAN"), mail=(email(g, s), "EMAIL"))
    if kind == 1:
        tpl = ("S10.G00.00.001,'NET-ENTREPRISES'\nS21.G00.06.001,'{{siren}}'\nS21.G00.11.001,'{{nic}}'\nS21.G00.30.001,'{{nir}}'\nS21.G00.30.002,'{{s}}'\n"
               "S21.G00.30.004,'{{g}}'\nS21.G00.30.006,'{{dob}}'\nS21.G00.30.008,'{{l1}}'\nS21.G00.30.009,'{{cp}}'\nS21.G00.30.010,'{{v}}'\n"
               "S21.G00.40.001,'{{emb}}'\nS21.G00.51.013,'{{sal}}'\nS21.G00.70.004,'{{ctr}}'")
        cp, v = ch(CITIES)
        return render(tpl, siren=(siren(), "SIRET"), nic=f"{ri(1,99):05d}", nir=(nr[:13], "NIR"), s=(s.upper(), "PERSON"), g=(g.upper(), "PERSON"),
                      dob=(f"{d:02d}{m:02d}{y}", "DATE_OF_BIRTH"), l1=(f"{ri(1,120)} {ch(STREETS).upper()}", "ADDRESS"), cp=cp, v=v.upper(),
                      emb=f"{ri(1,28):02d}{ri(1,12):02d}{ri(2005,2024)}", sal=f"{ri(1500,5000)}.{ri(0,99):02d}", ctr=contract())
    if kind == 2:
        tpl = ('{"courtier": "{{cab}}", "orias": "{{orias}}", "souscripteur": {"siret": "{{siret}}", "raison_sociale": "{{soc}}"},\n'
               ' "assures": [{"nom": "{{n1}}", "naissance": "{{d1}}", "nir": "{{nir}}", "tel": "{{tel}}"},\n'
               '  {"nom": "{{n2}}", "naissance": "{{d2}}", "rang": 2, "lien": "conjoint"}],\n "prime_annuelle": {{prime}}, "statut": "VALIDE"}')
        y2, m2, d2 = dob_parts()
        return render(tpl, cab=ch(["Cabinet Pierre et Associés", "Courtage Atlantique", "Assurances Rose & Blanc"]), orias=str(ri(10**7, 10**8 - 1)),
                      siret=(siret(), "SIRET"), soc=ch(COMPANIES), n1=(f"{s.upper()} {g}", "PERSON"), d1=(fmt_date(y, m, d, "iso"), "DATE_OF_BIRTH"),
                      nir=(fmt_nir(nr, "raw"), "NIR"), tel=(phone(f=ch(["intl2", "raw"])), "PHONE"), n2=(person(form="Sg"), "PERSON"),
                      d2=(fmt_date(y2, m2, d2, "iso"), "DATE_OF_BIRTH"), prime=f"{ri(300,3000)}.{ri(0,99):02d}")
    tpl = ("NOEMIE 580 | TYPE=DECOMPTE | EMET={{emet}} | DEST=MUT{{m}}\n{{nir}}|{{s}}|{{g}}|{{dob}}|{{acte}}|{{mt}}|{{dt}}\n"
           "ADR|{{addr}}\nRIB|{{iban}}\nFIN|{{cnt}} enregistrement(s)")
    return render(tpl, emet=f"CPAM{ri(100,999)}", m=str(ri(1000, 9999)), nir=(fmt_nir(nr, "raw"), "NIR"), s=(s.upper(), "PERSON"), g=(g.upper(), "PERSON"),
                  dob=(f"{y}{m:02d}{d:02d}", "DATE_OF_BIRTH"), acte=ch(CCAM), mt=f"{ri(10,900)}.{ri(0,99):02d}", dt=f"{ch([2025,2026])}{ri(1,12):02d}{ri(1,28):02d}",
                  addr=(address(sep=" ").upper(), "ADDRESS"), iban=(iban("raw"), "IBAN"), cnt=str(ri(1, 9)))
def xml_neg(k):
    return ch([
        f'<lot id="{contract()}" date="{ch([2025,2026])}-{ri(1,12):02d}-{ri(1,28):02d}">\n  <agregat region="Bretagne" departement="FINISTERE" nb_adherents="{ri(100,9000)}" montant="{ri(1000,99999)}.{ri(0,99):02d}"/>\n'
        f'  <agregat region="Occitanie" departement="HAUTE-GARONNE" nb_adherents="{ri(100,9000)}"/>\n  <controle>{bad_luhn(14)}</controle><ref>{bad_nir()}</ref>\n</lot>',
        f"S10.G00.00.001,'NET-ENTREPRISES'\nS10.G00.00.002,'DSN-VAL'\nS10.G00.00.003,'P01V01'\nS20.G00.05.001,'01'\nS20.G00.05.002,'{ri(1,2):02d}'\n"
        f"S20.G00.05.005,'{ri(1,28):02d}{ri(1,12):02d}{ch([2025,2026])}'\nS21.G00.15.001,'{contract()}'\nS21.G00.15.002,'{bad_luhn(9)}'\nS21.G00.78.004,'{ri(1000,99999)}.00'",
        '{"intent": "tarif", "produit": "Santé Pierre Angulaire", "garanties": [{"code": "' + ch(CCAM) + '", "taux": ' + str(ri(100, 400)) + '}, {"code": "LPP ' + ch(LPP) + '", "plafond": ' + str(ri(50, 900)) + '}], "ref": "' + bad_luhn(14) + '", "statut": "Délai dépassé"}'])

# ---------------------------------------------------------------- 5 chatbot_logs
def ts(): return f"2026-{ri(1,11):02d}-{ri(1,28):02d} {ri(8,21):02d}:{ri(0,59):02d}:{ri(0,59):02d}"
def chat_pos(k):
    sex = ch("MF"); y, m, d = dob_parts(); g, s = given(sex), surname(); nr = nir_raw(sex=sex, y=y, m=m)
    t0 = ts()
    kind = k % 3
    if kind == 0:
        tel = phone(prefix=ch(["06", "07"]), f="sp")
        tpl = (f"[{t0}] BOT: Bonjour {{prenom}}, je suis Mila, l'assistante de la mutuelle. Comment puis-je vous aider ?\n"
               f"[{t0}] USER: bonjour je veux changer mon numéro de tel\n[{t0}] intent=maj_coordonnees conf=0.93\n"
               f"[{t0}] BOT: Pouvez-vous me donner votre nom et prénom ?\n[{t0}] USER: {{{{nm}}}}\n[{t0}] slot_nom={{{{snm}}}}\n"
               f"[{t0}] BOT: Merci <NOM>. Votre nouveau numéro ?\n[{t0}] USER: {{{{p1}}}}\n[{t0}] USER: {{{{p2}}}} voilà\n"
               f"[{t0}] slot_telephone={{{{tel}}}}\n[{t0}] BOT: Votre numéro se terminant par XX XX a bien été enregistré. Date de naissance pour vérification ?\n"
               f"[{t0}] USER: {{{{dob}}}}\n[{t0}] slot_date_naissance={{{{sdob}}}}\n[{t0}] BOT: Merci, à bientôt !")
        cut = ch([5, 8])
        return render(tpl, nm=(ch([f"{g.lower()} {s.lower()}", f"{s} {g}", f"{g} {s}"]), "PERSON"), snm=(s.upper(), "PERSON"), p1=(tel[:cut], "PHONE"),
                      p2=(tel[cut:].strip(), "PHONE"), tel=(tel.replace(" ", ""), "PHONE"), dob=(fmt_date(y, m, d, ch(["dmy", "long", "dmy2"])), "DATE_OF_BIRTH"),
                      sdob=(fmt_date(y, m, d, "iso"), "DATE_OF_BIRTH"))
    if kind == 1:
        nf = fmt_nir(nr, "sp")
        cut = ch([6, 9, 12])
        tpl = (f"{t0} | session=8f3a{ri(100,999)} | intent=suivi_remboursement\nBOT> Pour accéder à votre dossier, j'ai besoin de votre numéro de sécurité sociale (format : X XX XX XX XXX XXX XX).\n"
               "USER> c'est {{n1}}\nUSER> {{n2}}\nBOT> Merci. Je retrouve le dossier de {{civ}} {{nom}}. Votre remboursement du " + care_date() + " de " + amount() + " a été viré sur le compte se terminant par ****.\n"
               "USER> et pour ma fille {{fille}} née le {{fdob}} ?\nslot_beneficiaire={{fille2}}\nBOT> Je transfère à un conseiller. Délai estimé : 3 min.")
        y2, m2, d2 = ri(2005, 2020), ri(1, 12), ri(1, 28)
        fl = person("F", form="g")
        return render(tpl, n1=(nf[:cut].strip(), "NIR"), n2=(nf[cut:].strip(), "NIR"), civ=ch(["M.", "Mme"]), nom=(f"{g} {s.upper()}", "PERSON"),
                      fille=(fl, "PERSON"), fdob=(fmt_date(y2, m2, d2, "dmy"), "DATE_OF_BIRTH"), fille2=(fl, "PERSON"))
    tpl = (f"{t0} [webchat] intent=demande_rib_maj\nBOT: Bonjour ! Envoyez votre nouvel IBAN ou déposez votre RIB.\nUSER: {{{{ib}}}}\n"
           "NLU: slot_iban={{ib2}} slot_nom=None\nBOT: Merci. Pour confirmer, quelle est votre adresse e-mail ?\nUSER: {{mail}}\nUSER: ah non plutot {{mail2}}\n"
           "BOT: Parfait, un e-mail de confirmation a été envoyé à {email_adherent}. Votre adresse postale est-elle toujours {{adr}} ?\nUSER: oui\nBOT: Merci {prenom} !")
    ib = iban("raw")
    return render(tpl, ib=(ch([format_iban(ib), ib, format_iban(ib).lower()]), "IBAN"), ib2=(ib, "IBAN"), mail=(email(g, s), "EMAIL"),
                  mail2=(email(g, s).upper() if R.random() < .3 else email(g, s), "EMAIL"), adr=(address(sep=" "), "ADDRESS"))
def chat_neg(k):
    t0 = ts()
    return ch([
        f"[{t0}] BOT: Bonjour {{prenom}} ! Je suis Mila. Que puis-je faire pour vous ?\n[{t0}] USER: Délai de remboursement pour une couronne dent 26 ?\n"
        f"[{t0}] intent=delai_remboursement conf=0.88\n[{t0}] BOT: Le délai moyen est de 48 h après réception du flux NOEMIE. Code acte HBLD038, base {amount()}.\n"
        f"[{t0}] USER: Merci. Et le Doliprane c'est remboursé ?\n[{t0}] BOT: Oui, à 65 % par l'Assurance Maladie.\n[{t0}] slot_nom=None slot_date_naissance=None",
        f"{t0} | intent=devis_optique\nBOT> Bonjour <PRENOM> <NOM>, votre devis n° {contract()} est prêt.\nUSER> Pouvez-vous me dire le montant pour des verres progressifs ?\n"
        f"BOT> Formule Sérénité : {amount()} pris en charge. Référence {bad_luhn(9)}.\nUSER> Merci, je repasserai en agence à Saint-Étienne.\nBOT> Bonne journée {{prenom}} ! Votre identifiant : XXXX-XXXX.",
        f"[{t0}] USER: bonjour\n[{t0}] BOT: Bonjour ! Posez votre question.\n[{t0}] USER: Suite à mon hospitalisation à l'hôpital Sainte-Anne, le forfait journalier est pris en charge ?\n"
        f"[{t0}] intent=forfait_hospitalier\n[{t0}] BOT: Oui, le forfait journalier ({ri(15,25)} €/jour) est couvert sans limite de durée en Martinique comme en métropole.\n[{t0}] USER: Super merci Mila"])

# ---------------------------------------------------------------- 6 enquete_fraude
PLATES = lambda: f"{chr(65+ri(0,25))}{chr(65+ri(0,25))}-{ri(100,999)}-{chr(65+ri(0,25))}{chr(65+ri(0,25))}"
def finess():
    return bad_luhn(9)
def fraude_pos(k):
    a, b = surname(), surname(); sx = ch("MF"); ga, gb = given(sx), given(); fy, fm, fd = dob_parts()
    ib = iban()
    tpl = ch([
        "NOTE ENQ. {{ctr}} - CONFIDENTIEL\nSuspect n°1 : {{A}} alias « {{alias}} », NIR {{nir}}, né le {{dob}}.\nSuspect n°2 : {{B}}, même IBAN que {{a2}} ({{iban}}).\n"
        "Praticien concerné : Dr {{doc}}, RPPS {{rpps}}, cabinet {{caddr}}. Établissement FINESS " + finess() + " (non concerné).\n"
        "Véhicule {plate} aperçu devant le cabinet. Montant indûment versé : {amt}.\nRAS sur le tél. {{tel}}.",
        "Synthèse fraude - dossier {{ctr}}\n1) {{A}} - adr. déclarée {{addr}}\n2) {{B}} - même adresse ! tél {{tel}}\n3) Infirmier(e) {{doc}} (ADELI {{adeli}}) : "
        "{n} actes AMI facturés le même jour.\nSociété écran : {soc}, SIRET {{siret}}.\nCompte bénéficiaire {{iban}} ouvert au nom de {{a2}}.\nEmail utilisé : {{mail}}"])
    tpl = tpl.replace("{plate}", PLATES()).replace("{amt}", amount()).replace("{n}", str(ri(5, 40))).replace("{soc}", ch(COMPANIES))
    return render(tpl, ctr=contract(), A=(f"{a.upper()} {ga}", "PERSON"), alias=(ch([ga[:3] + "o", a[:4].upper(), f"{ga} {b}"]), "PERSON"), nir=(nir(sex=sx, y=fy, m=fm), "NIR"),
                  dob=(fmt_date(fy, fm, fd, ch(["dmy", "dmy2"])), "DATE_OF_BIRTH"), B=(f"{b.upper()} {gb.upper()}", "PERSON"), a2=(a.upper(), "PERSON"),
                  iban=(ib, "IBAN"), doc=(person(form=ch(["SG", "s", "i"])), "PERSON"), rpps=(rpps(), "RPPS"), caddr=(address(sep=" "), "ADDRESS"),
                  tel=(phone(), "PHONE"), addr=(address(sep=", "), "ADDRESS"), adeli=(adeli(), "ADELI"), siret=(fmt_siret(siret()), "SIRET"), mail=(email(ga, a), "EMAIL"))
def fraude_neg(k):
    return (f"CELLULE LCF - POINT HEBDO {care_date()}\n- {ri(3,30)} signalements reçus, dont {ri(1,9)} transmis au parquet.\n- Schéma récurrent : facturation de LPP {ch(LPP)} sans prescription.\n"
            f"- Établissement FINESS {finess()} : contrôle sur place prévu en {ch(MOIS)}.\n- Véhicule {PLATES()} signalé (hors périmètre).\n"
            f"- Préjudice estimé : {amount()}. Réf. {contract()} / {bad_luhn(14)}.\nPROCHAINE RÉUNION : SALLE PASTEUR, SIÈGE DE SAINT-DENIS. Merci de ne pas diffuser.")

# ---------------------------------------------------------------- 7 outre_mer_regional
OM = {
 "974": ([("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97430", "Le Tampon"), ("97460", "Saint-Paul")], ["0262", "0692", "0693"], ["chemin Ligne Paradis", "rue Sainte-Anne", "allée des Songes", "rue Pasteur", "chemin Bois de Nèfles"],
         ["Payet", "Hoarau", "Grondin", "Técher", "Rivière", "Nativel", "Clain", "Sinimalé", "Govindin", "Ramassamy", "Lauret"], ["Jimmy", "Cindy", "Johan", "Mickaëlla", "Rosemonde", "Marie-Josée"]),
 "971": ([("97110", "Pointe-à-Pitre"), ("97122", "Baie-Mahault"), ("97100", "Basse-Terre")], ["0590", "0690"], ["rue Frébault", "lotissement Bellevue", "section Bois-Jolan", "rue Achille René-Boisneuf"],
         ["Jean-Baptiste", "Sainte-Rose", "Lollia", "Dorville", "Bellance", "Jean-Louis", "Alexis"], ["Ludovic", "Rosette", "Fritz", "Josiane", "Eddy"]),
 "972": ([("97200", "Fort-de-France"), ("97220", "La Trinité"), ("97232", "Le Lamentin")], ["0596", "0696"], ["rue Victor Schœlcher", "route de Didier", "quartier Bellevue", "rue Lamartine"],
         ["Cadrot", "Bellance", "Alexis", "Sainte-Rose", "Dorville"], ["Marlène", "Sully", "Judes", "Man-Lise"]),
 "973": ([("97300", "Cayenne"), ("97310", "Kourou"), ("97320", "Saint-Laurent-du-Maroni")], ["0594", "0694"], ["avenue Léopold Héder", "rue Justin Catayée", "route de Montabo"],
         ["Ho-Sang", "Chong-Wa", "Jean-Louis", "Alexis"], ["Kenny", "Nadège", "Félix"]),
 "976": ([("97600", "Mamoudzou"), ("97615", "Pamandzi")], ["0269", "0639"], ["rue du Commerce", "route nationale 1, village de Passamaïnty"],
         ["Madi", "Ahamada", "Soilihi", "Abdallah", "Attoumani", "Chanfi"], ["Anli", "Zaïnaba", "Soilihi", "Mariama", "Houmadi"]),
 "2A": ([("20000", "Ajaccio"), ("20137", "Porto-Vecchio"), ("20100", "Sartène")], ["04", "06"], ["cours Napoléon", "rue Fesch", "route des Sanguinaires", "lieu-dit Pernicaggio"],
        ["Casanova", "Santoni", "Pietri", "Mattei", "Albertini", "Colonna"], ["Ghjuvanni", "Petru", "Maddalena", "Ghjulia", "Dumenicu", "Letizia"]),
 "2B": ([("20200", "Bastia"), ("20250", "Corte"), ("20260", "Calvi")], ["04", "06"], ["boulevard Paoli", "rue César Campinchi", "route du Cap"],
        ["Luciani", "Paoli", "Ottaviani", "Orsini", "Filippi"], ["Anghjulu", "Petru", "Letizia", "Maria-Ghjuvanna"]),
 "67": ([("67000", "Strasbourg"), ("67500", "Haguenau"), ("68000", "Colmar"), ("57000", "Metz")], ["03", "06"], ["rue des Tanneurs", "Grand'Rue", "rue du Vieux-Marché-aux-Poissons", "Krutenau, rue de Zurich"],
        ["Schaeffer", "Weiss", "Kieffer", "Schwartz", "Heitz", "Zimmermann", "Ehrhart", "Wagner", "Hoffmann"], ["Aloïse", "Odile", "Hans", "Materne", "Richarde", "Florent"]),
}
def om_phone(pref):
    d = pref + "".join(str(ri(0, 9)) for _ in range(10 - len(pref)))
    return ch([" ".join(d[i:i+2] for i in range(0, 10, 2)), f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}", d, f"+262 {d[1:4]} {d[4:6]} {d[6:8]} {d[8:]}" if pref in ("0262", "0692", "0693") else d])
def om_pos(k):
    dep = ch(list(OM)); cities, prefs, streets, sn, gn = OM[dep]
    sex = ch("MF"); y, m, d = dob_parts(); s = ch(sn); g = ch(gn)
    cp, c = ch(cities)
    ndep = "2A" if dep == "2A" else "2B" if dep == "2B" else dep if len(dep) == 3 else ch(["67", "68", "57"])
    addr = f"{ri(1,120)} {ch(streets)}{ch([', ', chr(10)])}{cp} {c}"
    tpl = ch([
        "Bonjour, mi lé {{nom}}, mi réside {{addr}}. Mon carte vitale i marche pas, numéro {{nir}}. Rappelez-moi au {{tel}} siouplé. Mon marmaille {{kid}} né le {{kdob}} lé sur mon contrat aussi.",
        "Adhérent : {{nom}} - né(e) le {{dob}} à " + c + "\nNIR : {{nir}}\nRégime : " + ("Alsace-Moselle (régime local)" if dep == "67" else "général") + "\nAdresse : {{addr}}\nTél. fixe {{tel}} / portable {{tel2}}\nCourriel : {{mail}}",
        "Dossier transmis par l'agence de " + c + ". L'assuré(e) {{nom}} (NIR {{nir}}) demande la prise en charge d'une évacuation sanitaire. Né en {{byear}}. "
        "Contact famille : {{kid}}, {{tel2}}. Domicile : {{addr}}."])
    kid = f"{ch(gn)} {s}" if R.random() < .5 else ch(gn)
    return render(tpl, nom=(ch([f"{g} {s}", f"{s.upper()} {g}"]), "PERSON"), addr=(addr, "ADDRESS"), nir=(fmt_nir(make_nir(sex, y, m, ndep, ri(1, 89) if len(ndep) == 3 else ri(1, 300), ri(1, 999))), "NIR"),
                  tel=(om_phone(prefs[0]), "PHONE"), tel2=(om_phone(prefs[-1]), "PHONE"), kid=(kid, "PERSON"),
                  kdob=(fmt_date(ri(2008, 2022), ri(1, 12), ri(1, 28), "dmy"), "DATE_OF_BIRTH"), dob=(fmt_date(y, m, d), "DATE_OF_BIRTH"), mail=(email(g, s), "EMAIL"),
                  civ=ch(["M.", "Mme"]), byear=(str(y), "DATE_OF_BIRTH"))
def om_neg(k):
    return ch([
        f"Agence de Saint-Pierre (La Réunion) : permanence le {ch(MOIS)} à la mairie, rue Sainte-Anne. Délai de traitement des évacuations sanitaires vers Saint-Denis : {ri(2,10)} jours. "
        f"Cyclone : fermeture exceptionnelle. Pouvez-vous relayer ? Tarif consultation majoré (coefficient DOM 1,{ri(10,30)}).",
        f"RÉGIME LOCAL ALSACE-MOSELLE\nLe régime local rembourse le ticket modérateur à {ri(80,90)} %. Départements concernés : BAS-RHIN, HAUT-RHIN, MOSELLE. "
        f"Cotisation : {ri(1,2)},{ri(0,9)} %. Référence circulaire {contract()}. Merci de votre attention.",
        f"Mayotte / Guyane : note de service. Le forfait évacuation (code {ch(CCAM)}) s'applique aux vols Cayenne–Saint-Laurent-du-Maroni. Montant plafond {amount()}. "
        f"Les centres de Mamoudzou et de Kourou sont fermés le {care_date()}. Lot {bad_luhn(9)}.",
        f"Corse : SANTONI PÈRE & FILS SARL (transports sanitaires) n'est plus conventionnée à Ajaccio. Dossier {contract()}, montant {amount()}. "
        f"Fête de la Saint-Jean à Bastia : agence fermée. Numéro de lot {bad_nir()}."])

# ---------------------------------------------------------------- 8 resiliation_portabilite
def resil_pos(k):
    sex = ch("MF"); y, m, d = ri(1955, 1998), ri(1, 12), ri(1, 28); g, s = given(sex), surname()
    kids = "\n".join(f"- {{{{b{i}}}}}, né(e) le {{{{bd{i}}}}}" for i in range(2))
    tpl = ch([
        "{{sig}}\n{{addr}}\n\nObjet : demande de portabilité des droits (art. L.911-8 CSS)\n\nMadame, Monsieur,\n\nJ'ai quitté la société {{soc}} (SIRET {{siret}}) le " + care_date() +
        " suite à une rupture conventionnelle. Je souhaite bénéficier du maintien des garanties pour moi-même ({{nir}}) ainsi que pour mes ayants droit :\n" + kids +
        "\n\nMerci de noter ma nouvelle adresse : {{addr2}}.\n\nCordialement,\n{{sig2}}\nTél. {{tel}}\n{{mail}}",
        "Objet : résiliation – loi Evin\n\nJe soussigné(e) {{sig}}, né(e) le {{dob}}, ancien(ne) salarié(e) de {{soc}} (SIREN {{siren}}), demande le maintien de ma couverture à titre individuel "
        "(article 4 de la loi Evin) à compter du " + care_date() + ".\nBénéficiaires :\n" + kids + "\nIBAN pour les prélèvements : {{iban}}\n\n{{sig2}}\n{{addr}}\n{{tel}}",
        "RÉSILIATION INFRA-ANNUELLE\nAdhérent : {{sig}} - contrat " + contract() + "\nMotif : départ en retraite le " + care_date() + ".\nNouvelle adresse à compter du " + care_date() + " : {{addr2}}\n"
        "Ayants droit radiés :\n" + kids + "\nSignature : {{sig2}}\n{{mail}} | {{tel}}"])
    vals = dict(sig=(ch([f"{g} {s}", f"{g} {s.upper()}", f"{s.upper()} {g}"]), "PERSON"), addr=(address(sep="\n"), "ADDRESS"), soc=ch(COMPANIES), siret=(fmt_siret(siret()), "SIRET"),
                siren=(fmt_siret(siren()), "SIRET"), nir=(nir(sex=sex, y=y, m=m), "NIR"), addr2=(address(sep=ch([", ", "\n"])), "ADDRESS"),
                sig2=(ch([f"{g} {s}", s.upper(), f"{g[0]}. {s}"]), "PERSON"), tel=(phone(), "PHONE"), mail=(email(g, s), "EMAIL"), dob=(fmt_date(y, m, d), "DATE_OF_BIRTH"),
                iban=(iban(), "IBAN"))
    for i in range(2):
        vals[f"b{i}"] = (ch([given(), f"{given()} {s}", f"{s.upper()} {given()}"]), "PERSON")
        vals[f"bd{i}"] = (fmt_date(ri(1995, 2022), ri(1, 12), ri(1, 28), ch(["dmy", "long", "first"])), "DATE_OF_BIRTH")
    return render(tpl, **vals)
def resil_neg(k):
    return ch([
        f"Objet : Résiliation de contrat collectif\n\nSuite à la dénonciation de l'accord de branche, le contrat {contract()} sera résilié au 31 décembre. Délai de préavis : deux mois.\n"
        f"La portabilité (article L.911-8) s'applique pour une durée maximale de 12 mois. Pouvez-vous informer vos salariés ? Référence SIRET à compléter : __________.\nMerci.\nLe service Entreprises",
        f"MODÈLE DE LETTRE – RÉSILIATION LOI CHATEL\n[Nom Prénom]\n[Adresse]\n\nMadame, Monsieur,\nJe vous prie de bien vouloir résilier mon contrat n° [XXXX] à l'échéance du {ri(1,28)} {ch(MOIS)}. "
        f"Veuillez agréer mes salutations.\n[Signature]",
        f"Délai de résiliation : {ri(15,60)} jours. Montant de la dernière cotisation : {amount()}. Pierre angulaire de la loi Evin : le maintien sans condition de durée. "
        f"Les anciens salariés de Martin Frères SAS (dossier {bad_luhn(14)}) sont concernés. Contact : agence Rose-des-Vents, Saint-Malo."])

# ---------------------------------------------------------------- 9 mixte_extreme
PART = ["de", "d'", "van", "ben", "ibn", "O'", "Le", "du", "de la", "El", "Mac"]
def odd_name():
    p = ch(PART); s = surname()
    base = f"{p}{s}" if p.endswith("'") else f"{p} {s}"
    return ch([f"{given()} {base}", f"{given()}-{given()} {s}-{surname()}", f"{given()[0]}.{given()[0]}. {s}", base.upper(), f"{given()} {base}"])
FW = str.maketrans("0123456789", "０１２３４５６７８９")
def weird(sdig, mode):
    if mode == "nbsp": return " ".join([sdig[:1], sdig[1:3], sdig[3:5]]) .replace(" ", "\u00a0") + "\u00a0" + "\u202f".join([sdig[5:7], sdig[7:10], sdig[10:13], sdig[13:]]).strip("\u202f")
    if mode == "fw": return sdig.translate(FW)
    if mode == "zw": return sdig[:5] + "\u200b" + sdig[5:10] + "\u200b" + sdig[10:]
    return sdig
def mixte_pos(k):
    sex = ch("MF"); y, m, d = dob_parts(); nr = nir_raw(sex=sex, y=y, m=m); s = surname(); g = given(sex)
    s1 = strip_acc(s).lower().replace(" ", "")
    mode = ch(["nbsp", "fw", "zw"])
    ib = iban("raw")
    tpl = ch([
        "Pièce jointe : scan_NIR_{{nirfn}}_{{fnname}}.pdf (scan reçu via https://extranet.mutuelle.fr/adherents/{{nirurl}}/documents?nom={{urlname}})\nAssuré : {{oddn}}, DOB {{dob}}, NIR {{nirw}}\nContact : {{mail}}",
        "{{oddn}} <{{mail}}> a écrit :\n> mon rib : {{ibw}}\n> né le {{dob}} (format US sur le formulaire : {{dobus}})\n> tél {{telw}}\nRe: Ticket #" + str(ri(10000, 99999)) + " - {{oddn2}} (initiales {{ini}})",
        "Coach : {{coach}}\nAdhérente : {{oddn}}\nDate de naissance ISO : {{dobiso}} / en toutes lettres : {{dobw}}\nSIRET employeur : {{siretw}}\nFichier : export_{{nirfile}}_{{low}}.csv\nTel : {{telw}}"])
    tw = phone(prefix=ch(["06", "07"]), f="raw")
    telw = ch([" ".join(tw[i:i+2] for i in range(0, 10, 2)).replace(" ", "\u00a0"), tw.translate(FW), tw[:4] + "\u200b" + tw[4:], "+33\u202f" + tw[1] + "\u202f" + tw[2:]])
    st = siret()
    return render(tpl, nirfn=(nr, "NIR"), fnname=(s1, "PERSON"), nirurl=(nr, "NIR"), urlname=(s1, "PERSON"), oddn=(odd_name(), "PERSON"), oddn2=(odd_name(), "PERSON"),
                  dob=(fmt_date(y, m, d, ch(["iso", "dmy", "long", "compact"])), "DATE_OF_BIRTH"), nirw=(weird(nr, mode), "NIR"),
                  mail=(ch([f"{s1}.{strip_acc(g).lower()}@mail.mutuelle-sante.fr", f"{strip_acc(g).upper()}.{s1.upper()}@EXTRANET.ORANGE.FR", f"{s1}+remb@sub.domaine.co.uk", email(g, s)]), "EMAIL"),
                  ibw=(ch([ib.translate(FW), format_iban(ib).replace(" ", "\u00a0"), ib[:10] + "\u200b" + ib[10:]]), "IBAN"), dobus=(fmt_date(y, m, d, "us"), "DATE_OF_BIRTH"),
                  telw=(telw, "PHONE"), ini=(f"{g[0]}.{s[0]}.", "PERSON"), coach=(person(form=ch(["gs", "g"])), "PERSON"), dobiso=(fmt_date(y, m, d, "iso"), "DATE_OF_BIRTH"),
                  dobw=(f"{d} {MOIS[m-1]} {y}", "DATE_OF_BIRTH"), siretw=(ch([st.translate(FW), f"{st[:3]}\u202f{st[3:6]}\u202f{st[6:9]}\u202f{st[9:]}", st[:9] + "\u200b" + st[9:]]), "SIRET"),
                  nirfile=(nr, "NIR"), low=(s1, "PERSON"))
def mixte_pos2(k):
    # filename variant with labelled parts
    sex = ch("MF"); nr = nir_raw(sex=sex); s = surname(); s1 = strip_acc(s).lower().replace(" ", "-")
    tpl = "Upload OK : scan_NIR_{{nir}}_{{nm}}.pdf ({{size}} Ko) — uploadé par {{up}} — lien : https://docs.mut.fr/f?id={{id}}&mail={{mail}}"
    g = given()
    return render(tpl, nir=(nr, "NIR"), nm=(s1, "PERSON"), size=str(ri(80, 900)), up=(odd_name(), "PERSON"), id=bad_luhn(12),
                  mail=(f"{strip_acc(g).lower()}.{s1}@gmail.com", "EMAIL"))
def mixte_neg(k):
    return ch([
        f"https://extranet.mutuelle.fr/garanties/{ch(CCAM)}/taux?id={bad_luhn(14)}&lang=fr\nFichier : export_stats_{ch(MOIS)}_{ri(2023,2026)}.csv\nRéf. {bad_nir()}\nCode\u00a0NGAP\u202fAMK 8,5 – dent ３６ – montant {amount()}",
        f"Version du logiciel : Doliprane-Sync v{ri(1,9)}.{ri(0,20)} (build {bad_luhn(9)}). Merci de redémarrer. Pouvez-vous vérifier le champ date_soins = {care_date()} ? Statut : Délai\u200bdépassé.",
        f"Le Petit Prince, Rose et Blanc : noms des formules 2026 (Formule Rose, Formule Blanc, Formule Pierre). Identifiant produit {bad_luhn(14)}. Code LPP\u00a0{ch(LPP)}.",
        f"Rapport ISO {ri(2020,2026)}-{ri(1,12):02d}-{ri(1,28):02d} : {ri(100,999)} dossiers traités, {ri(1,50)} rejets (clé NIR invalide, ex. motif {bad_nir()}). Aucun adhérent identifié."])

STYLES = [("releve_mutuelle_pdf", releve_pos, releve_neg), ("courrier_manuscrit_transcrit", manuscrit_pos, manuscrit_neg),
          ("dossier_invalidite_prevoyance", invalid_pos, invalid_neg), ("echanges_courtier_xml", xml_pos, xml_neg),
          ("chatbot_logs", chat_pos, chat_neg), ("enquete_fraude", fraude_pos, fraude_neg), ("outre_mer_regional", om_pos, om_neg),
          ("resiliation_portabilite", resil_pos, resil_neg), ("mixte_extreme", None, mixte_neg)]
N_POS, N_NEG = 91, 20

def main():
    for style, pos, neg in STYLES:
        items = []
        for k in range(N_POS):
            if style == "mixte_extreme":
                t, s = (mixte_pos if k % 3 else mixte_pos2)(k)
            else:
                t, s = pos(k)
            items.append((t, [x for x in s if x[2]]))
        for k in range(N_NEG):
            r = neg(k)
            items.append((r, []) if isinstance(r, str) else r)
        R.shuffle(items)
        for i, (t, s) in enumerate(items):
            OUT.append({"id": f"{style}-{i:03d}", "style": style, "text": t, "spans": sorted(s)})
    with open("/tmp/blind8/corpus.jsonl", "w", encoding="utf-8") as f:
        for o in OUT:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(OUT), "texts")

if __name__ == "__main__":
    main()
