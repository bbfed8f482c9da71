"""Writes formats.xlsx for test/e2e/cell-formats.test.ts with openpyxl: one
row per number format, the bills that must still bill and the formats that
must be refused (scaled displays, currencies that are not pesos, currency
signs paylinks does not recognise). Run: python3 make.py (from this folder).

The rv-*.xlsx files beside it are the reviewer's reproductions, kept as they
were written (also by openpyxl): "Valor (miles)" over 1250000 formatted
#,##0, (scaled), the same without the header note (scaled_nohdr), 0.5 as 0%
(pct), colones [$₡-140A] #,##0.00 (crc) and soles "S/" #,##0.00 (pen)."""
from datetime import datetime
from openpyxl import Workbook

ROWS = [
    # Near misses: real bills, billed.
    ('F-1', 1250000, '#,##0'),
    ('F-2', 1250000.5, '"$" #,##0.00'),
    ('F-3', 450000, '#,##0 "unid."'),
    ('F-4', 450000, '#,##0 "kg"'),
    ('F-5', 450000, '#,##0.0 "L"'),
    ('F-6', 450000, '[$COP] #,##0'),
    ('F-7', 450000, '#,##0 "%"'),
    # Scaled displays: refused.
    ('F-8', 1250000, '#,##0,'),
    ('F-9', 1250000, '#,##0.0,,'),
    ('F-10', 0.5, '0%'),
    # Other currencies: refused in a COP run.
    ('F-11', 125000.5, '[$₡-140A] #,##0.00'),
    ('F-12', 125000.5, '"S/" #,##0.00'),
    ('F-13', 125000, '"Bs" #,##0'),
    ('F-14', 125000, '"Q"#,##0.00'),
    ('F-15', 125000, '"RD$"#,##0.00'),
    # Signs not recognised: refused, never taken for no currency.
    ('F-16', 125000, '[$₭-454]#,##0'),
    ('F-17', 125000, '"X/." #,##0.00'),
]

wb = Workbook()
ws = wb.active
ws.title = 'Cartera'
ws.append(['Referencia', 'Cliente', 'Valor', 'Fecha de vencimiento'])
for reference, amount, code in ROWS:
    ws.append([reference, 'Acme SAS', amount, datetime(2026, 12, 15)])
    ws.cell(row=ws.max_row, column=3).number_format = code
    ws.cell(row=ws.max_row, column=4).number_format = 'dd/mm/yyyy'
wb.save('formats.xlsx')
