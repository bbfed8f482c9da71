import { describe, expect, it } from 'vitest';
import { englishLines, englishWords } from './english.js';

describe('the English detector used on Spanish runs', () => {
  it.each([
    ['Row 3, column "Valor": "1,250,000.50" is not an amount in es-CO format', true],
    ['Writing facturas-links.csv.', false],
    ['Wrote 4 rows to facturas-links.csv.', true],
    ['Options:', false],
    ['  --help  Show help  [boolean]', true],
    ['run the same command again to finish', true],
    ['Fila 3, columna "Valor": "1,250,000.50" no es un monto en formato es-CO (parece en-US).', false],
    ['Listo: facturas.csv → facturas-links.csv', false],
    ['  ISSUED         4   $ 1.800.000', false],
    ['Ejecute el mismo comando con --out ./salida.csv y --rate 20.', false],
    ['{"level":"warn","event":"row","message":"Fila 3: falta el monto"}', false],
    ['{"level":"warn","event":"row","message":"Row 3: the amount is missing"}', true],
    ['La columna link_state tiene AMOUNT_INVALID para "the row"', false],
    ['La carpeta que escribió --split-by (p. ej. enero/links-by-Cobrador) o su manifiesto', false],
    ['Plantilla del asunto; marcadores {collector} {month} {file} {rows} {amount}', false],
    ['Subject template for the {collector} of the file', true],
    ['Wrote the files to enero/links-by-Cobrador', true],
  ])('%s → English: %s', (line, english) => {
    expect(englishLines(line).length > 0).toBe(english);
  });

  it('names the English words it found', () => {
    expect(englishWords('Row 3: the amount is missing')).toEqual(['row', 'the', 'amount', 'is']);
  });
});
