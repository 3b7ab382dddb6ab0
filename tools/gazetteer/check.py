#!/usr/bin/env python3
"""Validate the gazetteer files ontology/gazetteer/*.toml.

usage: python3 tools/gazetteer/check.py [GAZETTEER_DIR] [--quiet]

Checks, for every [[entity]] in every file:
  - only the known keys, with the right value types; required keys present;
  - id is [a-z0-9_]+ and unique across all files; type is one of the five types;
  - capital / capital_of / leader_of / serves point to existing ids of the right type,
    and capital and capital_of agree with each other;
  - Arabic fields hold Arabic script, English fields hold no Arabic script;
  - no entity lists two Arabic names that the loader would fold to one
    (they differ only in hamza/alef forms, ta marbuta, alef maqsura, diacritics, ج/غ, گ/ك);
  - no two current holders (no `until`) of one entity share a title;
  - no two entities share a normalised Arabic name (label, names, nicknames, nisbas)
    unless one of them lists that name in shared_names.
Exits 1 when anything is wrong; prints a summary of entity counts per type.
Needs only the Python standard library (3.11+, for tomllib).
"""
import pathlib
import re
import sys
import tomllib
from collections import Counter, defaultdict

TYPES = {"Country", "City", "Person", "Organization", "Region"}
REQUIRED = {"id": str, "type": str, "en": str, "ar": str}
OPTIONAL = {
    "names_ar": list, "names_en": list, "nisba_ar": list, "nisba_en": list, "nisba_ar_in_context": list,
    "nicknames_ar": list, "capital": str, "capital_of": str, "leader_of": str, "serves": str,
    "titles_ar": list, "gender": str, "iso": str, "wikidata": str, "since": int,
    "until": int, "shared_names": list,
}
ONLY_FOR = {"capital": {"Country"}, "iso": {"Country"}, "nisba_ar_in_context": {"Country"}, "capital_of": {"City"},
            "leader_of": {"Person"}, "serves": {"Person"}, "titles_ar": {"Person"}}
AR_FIELDS = ("ar", "names_ar", "nisba_ar", "nisba_ar_in_context", "nicknames_ar")
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")
DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")


def normalise(name, fold_variants=True):
    """The name as the collision check sees it: one form per loader-equivalent spelling,
    with a leading ال dropped from every word."""
    s = DIACRITICS.sub("", name)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه")
    s = re.sub("[ؤئ]", "ء", s)
    if fold_variants:
        s = s.replace("غ", "ج").replace("گ", "ك")
    s = re.sub(r"[-_ـ/()\"'«»،,.]+", " ", s)
    words = []
    for w in s.split():
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        words.append(w)
    return " ".join(words)


def loader_form(name):
    """Only the folds the loader itself applies (no article stripping)."""
    s = DIACRITICS.sub("", name)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه").replace("غ", "ج").replace("گ", "ك")
    return re.sub(r"\s+", " ", s).strip()


def arabic_names(e):
    yield e.get("ar", "")
    for f in ("names_ar", "nicknames_ar", "nisba_ar", "nisba_ar_in_context"):
        yield from e.get(f, [])


def main(argv):
    quiet = "--quiet" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parents[2] / "ontology" / "gazetteer"
    errors, warnings = [], []
    entities = {}  # id -> (file, entity)
    files = sorted(root.glob("*.toml"))
    if not files:
        sys.exit(f"no .toml files in {root}")
    for path in files:
        try:
            doc = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            errors.append(f"{path.name}: TOML error: {exc}")
            continue
        extra = set(doc) - {"entity"}
        if extra:
            errors.append(f"{path.name}: unknown top-level keys {sorted(extra)}")
        for i, e in enumerate(doc.get("entity", [])):
            where = f"{path.name}: entity #{i + 1} ({e.get('id', '?')})"
            for k, t in REQUIRED.items():
                if k not in e:
                    errors.append(f"{where}: missing {k}")
                elif not isinstance(e[k], t) or (t is str and not e[k].strip()):
                    errors.append(f"{where}: {k} must be a non-empty {t.__name__}")
            for k, v in e.items():
                if k in REQUIRED:
                    continue
                if k not in OPTIONAL:
                    errors.append(f"{where}: unknown key {k!r}")
                    continue
                t = OPTIONAL[k]
                if t is int and (not isinstance(v, int) or isinstance(v, bool)):
                    errors.append(f"{where}: {k} must be an integer")
                elif t is not int and not isinstance(v, t):
                    errors.append(f"{where}: {k} must be a {t.__name__}")
                elif t is list:
                    if not all(isinstance(x, str) and x.strip() for x in v):
                        errors.append(f"{where}: {k} must hold non-empty strings")
                    dup = [x for x, n in Counter(v).items() if n > 1]
                    if dup:
                        errors.append(f"{where}: {k} repeats {dup}")
                if k in ONLY_FOR and e.get("type") not in ONLY_FOR[k]:
                    errors.append(f"{where}: {k} is only for {sorted(ONLY_FOR[k])}")
            eid = e.get("id", "")
            if not re.fullmatch(r"[a-z0-9_]+", str(eid)):
                errors.append(f"{where}: bad id {eid!r}")
            if e.get("type") not in TYPES:
                errors.append(f"{where}: bad type {e.get('type')!r}")
            if "gender" in e and e["gender"] not in ("m", "f"):
                errors.append(f"{where}: gender must be m or f")
            if "iso" in e and not re.fullmatch(r"[A-Z]{2}", str(e["iso"])):
                errors.append(f"{where}: iso must be two capital letters")
            if "wikidata" in e and not re.fullmatch(r"Q[1-9][0-9]*", str(e["wikidata"])):
                errors.append(f"{where}: wikidata must look like Q123")
            if isinstance(e.get("since"), int) and isinstance(e.get("until"), int) and e["until"] < e["since"]:
                errors.append(f"{where}: until before since")
            for f in AR_FIELDS + ("titles_ar", "shared_names"):
                vals = e.get(f, [])
                for x in ([vals] if isinstance(vals, str) else vals):
                    if isinstance(x, str) and (LATIN.search(x) or not ARABIC.search(x)):
                        errors.append(f"{where}: {f} {x!r} is not Arabic script")
            for f in ("en", "names_en", "nisba_en"):
                vals = e.get(f, [])
                for x in ([vals] if isinstance(vals, str) else vals):
                    if isinstance(x, str) and ARABIC.search(x):
                        errors.append(f"{where}: {f} {x!r} holds Arabic script")
            # names the loader folds together anyway should not be listed twice
            seen = {}
            for f in ("ar", "names_ar", "nicknames_ar"):
                vals = e.get(f, [])
                for x in ([vals] if isinstance(vals, str) else vals):
                    if not isinstance(x, str):
                        continue
                    lf = loader_form(x)
                    if lf in seen and seen[lf] != x:
                        errors.append(f"{where}: {x!r} differs from {seen[lf]!r} only in forms the loader folds")
                    elif lf in seen and not (f == "names_ar" and vals.count(x) > 1):
                        errors.append(f"{where}: {f} repeats {x!r}")
                    seen.setdefault(lf, x)
            if e.get("en") in e.get("names_en", []):
                errors.append(f"{where}: names_en repeats the label {e['en']!r}")
            if eid in entities:
                errors.append(f"{where}: id also in {entities[eid][0]}")
            else:
                entities[eid] = (path.name, e)

    # references
    for eid, (fname, e) in entities.items():
        where = f"{fname}: {eid}"
        for k, want in (("capital", "City"), ("capital_of", "Country"), ("leader_of", None), ("serves", None)):
            if k in e:
                target = entities.get(e[k])
                if target is None:
                    errors.append(f"{where}: {k} -> unknown id {e[k]!r}")
                elif want and target[1].get("type") != want:
                    errors.append(f"{where}: {k} -> {e[k]!r} is not a {want}")
                elif k in ("leader_of", "serves") and target[1].get("type") == "Person":
                    errors.append(f"{where}: {k} -> a Person")
        if "capital" in e and e["capital"] in entities:
            back = entities[e["capital"]][1].get("capital_of")
            if back != eid:
                errors.append(f"{where}: capital {e['capital']!r} has capital_of {back!r}")
        if "capital_of" in e and e["capital_of"] in entities:
            back = entities[e["capital_of"]][1].get("capital")
            if back != eid:
                errors.append(f"{where}: capital_of {e['capital_of']!r} whose capital is {back!r}")

    # cross-entity collisions of normalised Arabic names
    owners = defaultdict(set)
    for eid, (_, e) in entities.items():
        for n in arabic_names(e):
            if isinstance(n, str) and n.strip():
                owners[normalise(n)].add(eid)
    declared = defaultdict(set)
    for eid, (_, e) in entities.items():
        for n in e.get("shared_names", []):
            declared[normalise(n)].add(eid)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            undeclared = ids - declared[key]
            if len(undeclared) > 1:
                errors.append(f"name {key!r} claimed by {sorted(ids)} (declare it in shared_names)")
    for key, ids in declared.items():
        if not ids <= owners.get(key, set()):
            warnings.append(f"shared_names {key!r} declared by {sorted(ids - owners.get(key, set()))} who do not list it")

    # Two current holders (no `until`) of one entity under one title make role nouns ambiguous.
    holders = defaultdict(list)
    for eid, (_, e) in entities.items():
        for k in ("leader_of", "serves"):
            if e.get("type") == "Person" and k in e and "until" not in e:
                for t in e.get("titles_ar", []):
                    holders[(e[k], normalise(t))].append(eid)
    for (state, title), ids in sorted(holders.items()):
        if len(ids) > 1:
            errors.append(f"title {title!r} of {state!r} held now by {sorted(ids)}")

    # English labels: two entities with one label is almost always a mistake
    labels = defaultdict(set)
    for eid, (_, e) in entities.items():
        labels[str(e.get("en", "")).casefold()].add(eid)
    for lab, ids in labels.items():
        if len(ids) > 1:
            errors.append(f"English label {lab!r} used by {sorted(ids)}")

    for w in warnings:
        print("warning:", w)
    for err in errors:
        print("error:", err)
    counts = Counter(e.get("type") for _, e in entities.values())
    if not quiet or errors:
        print(f"{len(entities)} entities in {len(files)} files: "
              + ", ".join(f"{t} {counts.get(t, 0)}" for t in sorted(TYPES)))
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
