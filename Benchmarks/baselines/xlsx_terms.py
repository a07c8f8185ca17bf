#!/usr/bin/env python3
"""Baseline for writing a terms sheet: Python's XlsxWriter writing the rows of a terms.csv.

  python3 baselines/xlsx_terms.py terms.csv OUT.xlsx

Reads the CSV Chancery wrote (so both write the same rows), then times only the
writing: a bold header, numbers as numbers, constant_memory mode as Chancery uses
for big sheets.
"""
import csv
import resource
import sys
import time

import xlsxwriter


def main(source, target):
    with open(source, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    start = time.perf_counter()
    workbook = xlsxwriter.Workbook(target, {"constant_memory": len(rows) > 100_000, "strings_to_formulas": False})
    sheet = workbook.add_worksheet("Terms")
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, rows[0], bold)
    for index, row in enumerate(rows[1:], start=1):
        sheet.write_string(index, 0, row[0])
        for column, value in enumerate(row[1:], start=1):
            if value:
                sheet.write_number(index, column, float(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows) - 1, len(rows[0]) - 1)
    workbook.close()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"python   xlsx-terms {len(rows) - 1:9d} rows {seconds:8.2f} s  peak RSS {peak:7.1f} MB (includes the CSV read into memory)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
