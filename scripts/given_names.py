"""Write resources/given_names.tsv from the 1990 US Census first-name lists.

  pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
  python scripts/given_names.py names-0.3.0/names

The US Census Bureau's 1990 frequency lists of first names (dist.male.first and
dist.female.first, public domain; shipped in the MIT-licensed ``names`` package)
give each name's share of men and of women. A name is written with "he" or "she"
when at least 95% of the people who bear it are of one sex; names shared more
evenly ("Kelly", "Jordan", "Jamie") are left out, so they decide nothing. So are
names of one or two letters ("Li", "In") and the common East Asian family names
the lists hold as rare first names ("Lin", "Song", "Wei"): news names Chinese,
Korean and Vietnamese people family name first ("Lu Kang", "Song Min-soon").
"""

from __future__ import annotations

import argparse
from pathlib import Path

_SHARE = 0.95

#: Family names that come first in East Asian names, never read as a given name.
_FAMILY_FIRST = frozenset(
    [
        "Li",
        "Lu",
        "Wang",
        "Zhang",
        "Liu",
        "Chen",
        "Yang",
        "Huang",
        "Zhao",
        "Wu",
        "Zhou",
        "Xu",
        "Sun",
        "Ma",
        "Zhu",
        "Hu",
        "Guo",
        "He",
        "Lin",
        "Gao",
        "Luo",
        "Zheng",
        "Liang",
        "Xie",
        "Song",
        "Tang",
        "Han",
        "Feng",
        "Deng",
        "Cao",
        "Peng",
        "Zeng",
        "Xiao",
        "Tian",
        "Dong",
        "Pan",
        "Yuan",
        "Cai",
        "Jiang",
        "Yu",
        "Du",
        "Ye",
        "Cheng",
        "Wei",
        "Su",
        "Ding",
        "Ren",
        "Shen",
        "Yao",
        "Qin",
        "Kim",
        "Lee",
        "Park",
        "Choi",
        "Jung",
        "Kang",
        "Cho",
        "Yoon",
        "Jang",
        "Lim",
        "Shin",
        "Seo",
        "Kwon",
        "Hwang",
        "Ahn",
        "Yoo",
        "Hong",
        "Jeon",
        "Ko",
        "Moon",
        "Son",
        "Bae",
        "Baek",
        "Nguyen",
        "Tran",
        "Le",
        "Pham",
        "Hoang",
        "Phan",
        "Vu",
        "Dang",
        "Bui",
        "Do",
        "Ho",
        "Ngo",
        "Duong",
        "Ly",
        "Chan",
        "Min",
        "Jin",
        "Yan",
        "Ling",
        "Mai",
        "Wong",
        "Chang",
        "Chung",
        "Kwan",
        "Lam",
        "Tse",
        "Yip",
        "Chow",
        "Leung",
        "Cheung",
        "Fong",
        "Tam",
        "Yeung",
        "Ng",
    ]
)

_HEADER = """\
# Given names: the pronoun a person with this first name is most likely to go by, for
# "he said" and "she said". The article's honorifics and gendered titles (Mr., Ms.,
# congresswoman) win over this list; this list wins over the pronouns that follow a
# name, which often stand for someone else.
# Source: the US Census Bureau's 1990 first-name frequency lists (public domain),
# written by scripts/given_names.py. A name is listed when at least 95% of the
# people who bear it are of one sex; names shared more evenly are left out.
# Columns (tab-separated): name, pronoun, reason. Matching ignores case.
name\tpronoun\treason
"""


def _read(path: Path) -> dict[str, float]:
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            shares[fields[0].title()] = float(fields[1])
    return shares


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("census", type=Path, help="folder with dist.male.first and dist.female.first")
    default = Path(__file__).parent.parent / "resources" / "given_names.tsv"
    ap.add_argument("--out", type=Path, default=default)
    o = ap.parse_args()
    male, female = _read(o.census / "dist.male.first"), _read(o.census / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        if len(name) < 3 or name in _FAMILY_FIRST:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        share = m / (m + f)
        if share >= _SHARE:
            rows.append(f"{name}\the\t1990 US Census: {share:.0%} of bearers men")
        elif share <= 1 - _SHARE:
            rows.append(f"{name}\tshe\t1990 US Census: {1 - share:.0%} of bearers women")
    o.out.write_text(_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {o.out}")


if __name__ == "__main__":
    main()
