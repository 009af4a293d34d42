import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, toCsv } from './csv.ts';

/** A reader of RFC 4180 (quoted cells, doubled quotes, CRLF lines), to check what a spreadsheet gets back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell);
      rows.push([]);
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows.slice(0, -1);
}

describe('csv', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('-1e3')).toBe("'-1e3");
  });

  it('leaves numbers alone, negative ones included, whether numbers or decimal strings', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('-7')).toBe('-7');
    expect(csvCell('120.00')).toBe('120.00');
    // Not a plain decimal: text, neutralised.
    expect(csvCell('-12.50+1')).toBe("'-12.50+1");
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
  });

  it('writes a BOM, CRLF lines, and reads back as written (formula cells with their apostrophe)', () => {
    const file = toCsv(['id', 'name'], [['1', 'Иван, "Партнёр"']]);
    expect(file.startsWith('\uFEFFid,name\r\n')).toBe(true);
    expect(readCsv(file.slice(1))).toEqual([
      ['id', 'name'],
      ['1', 'Иван, "Партнёр"'],
    ]);
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const back = readCsv(
          toCsv(
            Array.from({ length: width }, (_, i) => `c${i}`),
            even,
          ).slice(1),
        ).slice(1);
        const neutralised = (c: string) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c);
        expect(back).toEqual(even.map((r) => r.map((c) => (neutralised(c) ? `'${c}` : c))));
      }),
    );
  });
});
