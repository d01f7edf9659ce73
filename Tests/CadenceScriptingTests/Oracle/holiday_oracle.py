"""The oracle for Cadence's holiday calendars (Scripts/holidays/*.lua).

Prints the public holidays PyPI's `holidays` package gives for one country's
national calendar (its default category, no subdivision unless one is
named), one line a day:
"YYYY-MM-DD<TAB>name", for each year from FIRST to LAST that the package
covers. The first line says which years those were: "years<TAB>FIRST<TAB>LAST".
Names are in the country's English, or American English where it speaks
another language. A day with two holidays (the package joins their names with "; ") prints one
line per name. Exits non-zero, saying why, when the package is missing or is
not the version the tests were written against.

    python3 holiday_oracle.py US 1900 2200
    python3 holiday_oracle.py GB/ENG 1900 2200     (a subdivision: England)

"easter" for the country prints Easter Sunday of every year from FIRST to
LAST by python-dateutil's computus (a dependency of the package), which
reaches the years the package's calendars stop short of.
"""
import sys
import warnings

# The package warns when a year is beyond its lunar tables (India): the test
# lists those holidays as exceptions, and its output must stay clean.
warnings.filterwarnings("ignore")

try:
    import holidays
except ImportError:
    sys.exit("the Python package 'holidays' is missing: run tools/install-dependencies (it installs holidays==0.109)")

PINNED = "0.109"
if holidays.__version__ != PINNED:
    sys.exit(f"holidays {holidays.__version__} is installed; the tests were checked against {PINNED} "
             "(run tools/install-dependencies)")

country, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# "GB/ENG": a subdivision's calendar (England's), for the calendars that give one.
country, _, subdiv = country.partition("/")
if country == "easter":
    from dateutil.easter import easter, EASTER_WESTERN
    for year in range(first, last + 1):
        print(easter(year, EASTER_WESTERN).isoformat())
    sys.exit(0)
kind = holidays.country_holidays(country).__class__
first, last = max(first, kind.start_year), min(last, kind.end_year)
print(f"years\t{first}\t{last}")
# The country's own English where it speaks English ("Whit Monday" in
# Ireland), else American English ("Labor Day" in Germany).
language = kind.default_language if kind.default_language.startswith("en") else "en_US"
days = holidays.country_holidays(country, subdiv=subdiv or None, years=range(first, last + 1), language=language)
for day, names in sorted(days.items()):
    for name in names.split("; "):
        print(f"{day.isoformat()}\t{name}")
