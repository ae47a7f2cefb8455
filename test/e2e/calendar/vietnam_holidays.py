"""Prints the Vietnamese public holidays of the Python `holidays` package as JSON.

A second, independent source for `dondoc calendar`: written by other people, from
the announcements they cite. Usage: python vietnam_holidays.py <from-year> <to-year>
"""
import json
import sys

import holidays

first, last = int(sys.argv[1]), int(sys.argv[2])
years = {}
for year in range(first, last + 1):
    days = holidays.country_holidays("VN", years=year, language="vi")
    years[year] = sorted(({"date": d.isoformat(), "name": name} for d, name in days.items()), key=lambda d: d["date"])
print(json.dumps({"version": holidays.__version__, "years": years}, ensure_ascii=False))
