"""Writes the CSV files of test/e2e/sheets-people-mean.test.ts the way other
programs write them: Windows-1252 with ; and CRLF (Excel "CSV" in es-CO),
UTF-8 with , (an ERP export). Run: python3 make.py (from this folder)."""
import codecs

def write(name, lines, encoding, eol='\r\n'):
    with codecs.open(name, 'w', encoding=encoding) as f:
        f.write(eol.join(lines) + eol)

NBSP = '\u00a0'
NNBSP = '\u202f'

# A statement with a key/value title block above the table, a TOTAL row with a
# filled-down date, and footers.
write('statement.csv', [
    'Total a pagar:;$ 1.350.000;Fecha límite de pago:;15/01/2027',
    ';;;',
    'Cuota;Factura;Vencimiento;Valor',
    '1;FAC-1;15/01/2027;450.000',
    '2;FAC-2;15/02/2027;450.000',
    '3;FAC-3;15/03/2027;450.000',
    ';TOTAL;15/03/2027;1.350.000',
    'Elaborado por: María Pérez;;;',
    'Fecha de impresión: 27/11/2026;;;',
], 'cp1252')

# Near misses of the total rule, a subtotal, a gran total.
write('near-misses.csv', [
    'Referencia;Cliente;Concepto;Valor;Vence',
    'F-10;Totalgas S.A.S.;Gas noviembre;120.000;15/01/2027',
    'F-11;Ana Peña;Pago total del servicio;80.000;15/01/2027',
    ';Subtotal Zona Norte;;200.000;15/01/2027',
    ';GRAN TOTAL;;200.000;',
], 'cp1252')

write('miles.csv', [
    'Factura;Cliente;Valor (miles de pesos);Vencimiento',
    'M-1;José Ángel;1.250;15/01/2027',
    'M-2;Peña Ñuñez;3,5;15/02/2027',
], 'cp1252')

write('usd.csv', [
    'Factura;Cliente;Valor (USD);Vencimiento',
    'U-1;Acme Inc;1.500;15/01/2027',
], 'cp1252')

# An ERP export: dot decimals, day-first dates.
write('erp.csv', [
    'Invoice,Customer,Amount,Due date',
    'E-1,Ana,1250000.00,10/02/2027',
    'E-2,Luis,99.50,28/02/2027',
], 'utf-8', eol='\n')

# Month names, spaced thousands, dates out of the window, a number for a date.
write('dates.csv', [
    'Factura;Valor;Vencimiento',
    'D-1;1 250 000;15-ene-2027',
    f'D-2;1{NBSP}250{NBSP}000,50;15 de enero de 2027',
    'D-3;450.000;ene 15, 2027',
    'D-4;450.000;15-Jan-2027',
    'D-5;450.000;31/12/9999',
    'D-6;450.000;15/01/2207',
    'D-7;450.000;1052027',
    'D-8;1 250.000;15/01/2027',
], 'cp1252')

write('narrow-nbsp.csv', [
    'Factura;Valor;Vencimiento',
    f'N-1;1{NNBSP}250{NNBSP}000;15-dic-2026',
], 'utf-8')

# A workbook written by openpyxl: a title, the table, a subtotal and a TOTAL row with dates.
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.title = 'Facturas'
ws.append(['Cartera noviembre'])
ws.append([])
ws.append(['Factura', 'Cliente', 'Valor', 'Vencimiento'])
ws.append(['X-1', 'Totalgas S.A.S.', 450000, '15/01/2027'])
ws.append(['X-2', 'Ana Peña', 300000, '15/01/2027'])
ws.append([None, 'Subtotal', 750000, '15/01/2027'])
ws.append(['TOTAL', None, 750000, '15/01/2027'])
wb.save('totals.xlsx')
