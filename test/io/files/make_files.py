"""Builds the reader test files in this folder with the programs clerks' files
really come from (openpyxl, xlsxwriter, pandas, LibreOffice headless) and
hand-encodes the cp850 / MacRoman CSVs. Run from this folder:

    python3 make_files.py

The files are committed; this script is their provenance. LibreOffice steps
need `soffice` on PATH.
"""
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.worksheet.table import Table, TableStyleInfo

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["Referencia", "Nombre", "Valor", "Vencimiento"]


def out(name):
    return os.path.join(HERE, name)


def openpyxl_hidden_first():
    """A hidden 'Plantilla' first, a veryHidden 'Config', then 'Facturas'
    (openpyxl writes absolute relationship targets: /xl/worksheets/sheet2.xml).
    Row 4 hidden by hand, row 6 hidden by an autofilter on Estado."""
    wb = openpyxl.Workbook()
    tpl = wb.active
    tpl.title = "Plantilla"
    tpl.append(HEADER)
    tpl.append(["EJEMPLO-1", "Ejemplo", 1000, dt.date(2027, 1, 15)])
    tpl.sheet_state = "hidden"
    cfg = wb.create_sheet("Config")
    cfg.append(["clave", "valor"])
    cfg.sheet_state = "veryHidden"
    ws = wb.create_sheet("Facturas")
    ws.append(HEADER + ["Estado"])
    rows = [
        ["F-1", "Ana Peña", 1250000, dt.date(2027, 1, 15), "Pendiente"],
        ["F-2", "Luis Gómez", 99.5, dt.date(2027, 1, 20), "Pendiente"],
        ["F-3", "Oculta a mano", 5000, dt.date(2027, 1, 21), "Pendiente"],
        ["F-4", "Otro", 7000, dt.date(2027, 1, 22), "Pendiente"],
        ["F-5", "Filtrada", 8000, dt.date(2027, 1, 23), "Pagada"],
    ]
    for r in rows:
        ws.append(r)
    for row in range(2, 7):
        ws.cell(row=row, column=4).number_format = "dd/mm/yyyy"
    ws.row_dimensions[4].hidden = True
    ws.auto_filter.ref = "A1:E6"
    ws.auto_filter.add_filter_column(4, ["Pendiente"])
    ws.row_dimensions[6].hidden = True
    wb.active = 2
    wb.save(out("openpyxl-hidden-first.xlsx"))


def openpyxl_formats():
    """Currency and display formats as Excel writes them, one per row, and a
    plain number in a non-date cell beside a date-formatted one."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Facturas"
    ws.append(HEADER + ["Formato"])
    formats = [
        ("F-USD409", 1250.5, "[$USD-409] #,##0.00"),
        ("F-USD", 1250.5, "[$USD] #,##0.00"),
        ("F-USDQ", 99, '"US$"#,##0.00'),
        ("F-USDBARE", 99, "US$#,##0.00"),
        ("F-EUR", 1500, "#,##0.00 €"),
        ("F-EURLOC", 1500, "#,##0.00\\ [$€-C0A]"),
        ("F-COP", 450000, "[$COP] #,##0"),
        ("F-ESCO", 450000, "[$$-240A] #,##0"),
        ("F-DOLLAR", 450000, '"$"#,##0'),
        ("F-DOLLAR2", 450000, "$ #,##0.00"),
        ("F-HIDDENDEC", 119399.84, "#,##0"),
        ("F-GENERAL", 45000, "General"),
        ("F-ACCT", 1234.5, '_-"$"* #,##0.00_-;\\-"$"* #,##0.00_-;_-"$"* "-"??_-;_-@_-'),
        ("F-PCT", 0.5, "0%"),
    ]
    for i, (ref, value, fmt) in enumerate(formats, start=2):
        ws.append([ref, "Cliente", value, dt.date(2027, 2, 1), fmt])
        ws.cell(row=i, column=3).number_format = fmt
        ws.cell(row=i, column=4).number_format = "d-mmm-yyyy"
    # A plain number in the due-date column, not date-formatted: stays a number.
    ws.append(["F-SERIAL", "Cliente", 1000, 46402, "date column, General"])
    wb.save(out("openpyxl-formats.xlsx"))


def xlsxwriter_table_total():
    """An Excel table with a totals row (totalsRowCount=1), and a second visible
    sheet that is not a billing sheet."""
    wb = xlsxwriter.Workbook(out("xlsxwriter-table-total.xlsx"))
    notes = wb.add_worksheet("Notas")
    notes.write(0, 0, "Hoja de notas")
    ws = wb.add_worksheet("Cartera")
    money = wb.add_format({"num_format": "[$$-240A] #,##0"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    data = [
        ["F-10", "Ana", 450000, dt.date(2027, 1, 15)],
        ["F-11", "Luis", 300000, dt.date(2027, 1, 15)],
    ]
    ws.add_table(
        "A2:D5",
        {
            "data": data,
            "total_row": True,
            "columns": [
                {"header": "Referencia", "total_string": "Total"},
                {"header": "Nombre"},
                {"header": "Valor", "total_function": "sum", "format": money},
                {"header": "Vencimiento", "format": date},
            ],
        },
    )
    ws.write(0, 0, "Cartera enero")
    ws.set_row(3, None, None, {"hidden": True})
    wb.close()


def xlsxwriter_two_billing_sheets():
    """Two visible sheets that both look like billing sheets: ambiguous."""
    wb = xlsxwriter.Workbook(out("xlsxwriter-two-billing.xlsx"))
    for name, ref in (("Enero", "E-1"), ("Febrero", "FB-1")):
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, HEADER)
        ws.write_row(1, 0, [ref, "Ana", 1000])
        ws.write_datetime(1, 3, dt.datetime(2027, 1, 15), wb.add_format({"num_format": "yyyy-mm-dd"}))
    wb.close()


def pandas_two_sheets():
    """pandas (openpyxl engine): 'Plantilla' then 'Facturas', Plantilla hidden afterwards
    with openpyxl, as a clerk's macro-less template would be."""
    path = out("pandas-plantilla.xlsx")
    tpl = pd.DataFrame([["EJEMPLO", "Ejemplo", 1, "2027-01-01"]], columns=HEADER)
    bills = pd.DataFrame(
        [["P-1", "Ana", 1250000, dt.datetime(2027, 1, 15)], ["P-2", "Luis", 2500, dt.datetime(2027, 1, 16)]],
        columns=HEADER,
    )
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        tpl.to_excel(writer, sheet_name="Plantilla", index=False)
        bills.to_excel(writer, sheet_name="Facturas", index=False)
    wb = openpyxl.load_workbook(path)
    wb["Plantilla"].sheet_state = "hidden"
    wb.active = 1
    wb.save(path)


def mac_order():
    """Tabs 'Enero' then 'Resumen', but the zip stores Resumen's part first and
    names it sheet1.xml, as Mac Excel does after tabs are reordered."""
    tmp = out("mac-order.tmp.xlsx")
    wb = openpyxl.Workbook()
    resumen = wb.active
    resumen.title = "Resumen"
    resumen.append(["Resumen del mes"])
    resumen.append(["Total", 3000])
    enero = wb.create_sheet("Enero")
    enero.append(HEADER)
    enero.append(["M-1", "Ana", 3000, dt.date(2027, 1, 15)])
    enero.cell(row=2, column=4).number_format = "dd/mm/yyyy"
    wb.move_sheet("Enero", offset=-1)  # Enero first in the tab order
    wb.active = 0
    wb.save(tmp)
    # openpyxl numbers parts in tab order; rename so Resumen's part is sheet1.xml and comes first.
    with zipfile.ZipFile(tmp) as src:
        parts = {info.filename: src.read(info.filename) for info in src.infolist()}
    os.remove(tmp)
    swap = {"xl/worksheets/sheet1.xml": "xl/worksheets/sheet2.xml", "xl/worksheets/sheet2.xml": "xl/worksheets/sheet1.xml"}
    renamed = {swap.get(name, name): data for name, data in parts.items()}
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("sheet1.xml", "@@").replace("sheet2.xml", "sheet1.xml").replace("@@", "sheet2.xml")
    renamed["xl/_rels/workbook.xml.rels"] = rels.encode()
    ct = parts["[Content_Types].xml"]
    renamed["[Content_Types].xml"] = ct
    order = ["[Content_Types].xml", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
    rest = [n for n in renamed if n not in order]
    with zipfile.ZipFile(out("mac-order.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order + rest:
            dst.writestr(name, renamed[name])


def libreoffice_files():
    """LibreOffice headless: an .ods, an .xlsx written by LibreOffice, an HTML
    page and a SpreadsheetML 2003 file saved with .xls names."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "libreoffice.xlsx")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Facturas"
        ws.append(HEADER)
        ws.append(["L-1", "Ana Peña", 450000, dt.date(2027, 1, 15)])
        ws.cell(row=2, column=3).number_format = "[$COP] #,##0"
        ws.cell(row=2, column=4).number_format = "dd/mm/yyyy"
        ws.append(["L-2", "Oculta", 1000, dt.date(2027, 1, 16)])
        ws.row_dimensions[3].hidden = True
        hidden = wb.create_sheet("Oculta")
        hidden.append(HEADER)
        hidden.sheet_state = "hidden"
        wb.save(src)

        csv = os.path.join(tmp, "libreoffice.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("Referencia,Nombre,Valor,Vencimiento\nL-1,Ana Peña,450000,2027-01-15\n")

        def convert(source, target, produced_name, final):
            subprocess.run(
                ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", target, "--outdir", tmp, source],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            shutil.move(os.path.join(tmp, produced_name), out(final))

        convert(src, "ods", "libreoffice.ods", "libreoffice.ods")
        convert(src, "html:HTML (StarCalc)", "libreoffice.html", "libreoffice-html.xls")
        # LibreOffice 7.4's SpreadsheetML 2003 export (an XSLT) loops on a sheet
        # with 1024 repeated columns: it is made from a CSV instead.
        convert(csv, "xml:MS Excel 2003 XML", "libreoffice.xml", "libreoffice-2003.xls")
        # Round trip through LibreOffice's own XLSX writer.
        ods = os.path.join(tmp, "lo.ods")
        shutil.copy(out("libreoffice.ods"), ods)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "x"), ods],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.move(os.path.join(tmp, "x", "lo.xlsx"), out("libreoffice.xlsx"))


def legacy_csvs():
    """Excel's "CSV (MS-DOS)" is cp850; Mac Excel's "CSV (Macintosh)" is MacRoman."""
    text = "Referencia;Nombre;Valor;Vencimiento\r\nC-1;José Muñoz Ñáñez;1.250.000;15/01/2027\r\nC-2;Begoña Díaz;450.000;20/01/2027\r\n"
    with open(out("excel-msdos-cp850.csv"), "wb") as f:
        f.write(text.encode("cp850"))
    with open(out("excel-mac-roman.csv"), "wb") as f:
        f.write(text.replace("\r\n", "\r").encode("mac_roman"))
    # Windows-1252 stays what Excel on Windows writes for "CSV (delimitado por comas)".
    with open(out("excel-windows-1252.csv"), "wb") as f:
        f.write(text.encode("cp1252"))
    # Text that was already mojibake when it was typed (UTF-8 read as Windows-1252 once).
    garbled = "Referencia;Nombre;Valor;Vencimiento\r\nG-1;JosÃ© MuÃ±oz;1.000;15/01/2027\r\nG-2;Ana;2.000;16/01/2027\r\n"
    with open(out("mojibake-utf8.csv"), "wb") as f:
        f.write(garbled.encode("utf-8"))


if __name__ == "__main__":
    openpyxl_hidden_first()
    openpyxl_formats()
    xlsxwriter_table_total()
    xlsxwriter_two_billing_sheets()
    pandas_two_sheets()
    mac_order()
    libreoffice_files()
    legacy_csvs()
