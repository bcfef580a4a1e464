"""Telling whether two ways of writing a person's name or email address mean the same person.

Online platforms show whatever people typed when they joined: "Minji Kim" for the
"Kim Min-ji" of the registration list, "Müller" as "Muller", an email in capitals.
These rules decide what counts as the same; they are deliberately plain, so an
organiser can predict them.
"""
import re
import unicodedata

# Titles people add to their display name; they say nothing about who it is.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "he", "amb", "sir", "dame"})

# Hyphens, apostrophes and dots join the parts of a word ("Min-ji" is "Minji", "O'Brien" is "OBrien");
# any other sign separates words.
_JOINERS = re.compile(r"[-‐‑‒–'’`´.]+")
_SEPARATORS = re.compile(r"[\W_]+")
_PARENTHESISED = re.compile(r"\(([^()]*)\)")


def fold(text: str) -> str:
    """Lower case, without accents, hyphens or punctuation, single spaces: "  Chang  Wook-jin " → "chang wookjin"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    joined = _JOINERS.sub("", without_accents.casefold())
    return " ".join(_SEPARATORS.sub(" ", joined).split())


def name_key(name: str) -> str:
    """What two spellings of one name share: folded, honorifics dropped, words in alphabetical order.

    Word order is ignored because the same person writes "Kim Min-ji" on the
    registration form and "Minji Kim" on a video platform.
    """
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(sorted(words))


def name_keys(name: str) -> frozenset[str]:
    """Every key a display name may stand for.

    Zoom's "Name (original name)" column holds "New name (Original name)" when
    someone renamed themselves, so the name inside the brackets and the name
    outside them count too.
    """
    keys = {name_key(name), name_key(_PARENTHESISED.sub(" ", name))}
    keys.update(name_key(inner) for inner in _PARENTHESISED.findall(name))
    return frozenset(key for key in keys if key)


def email_key(email: str) -> str:
    """Email addresses compare without case or surrounding spaces."""
    return (email or "").strip().casefold()


def matches_search(query: str, *texts: str) -> bool:
    """Whether every word of ``query`` appears, folded, within one of ``texts``: "min kim" finds "Kim Min-ji"."""
    haystack = " ".join(fold(text) for text in texts)
    return all(word in haystack for word in fold(query).split())


def search_text(*texts: str) -> str:
    """The folded text a browser filters on, so typing there follows the same rule as searching here."""
    return " ".join(fold(text) for text in texts if text)
