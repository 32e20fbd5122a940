/**
 * CSV text -> records, for the sweep files the report reads (runs.csv, summary.csv). The writers quote
 * a cell only when it holds a comma, a quote or a line break (sim/io/csv.ts `csvText`), and no sweep
 * file has line breaks inside a cell, so a record is one line: cells split on commas outside quotes,
 * `""` inside quotes is one quote. Pure; reading files is the caller's.
 */

/** The cells of one line; throws on an unclosed quote. */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  cells.push(cell);
  return cells;
}

export interface CsvTable {
  header: string[];
  /** One array of cells per line after the header, each as long as the header. */
  rows: string[][];
}

/** Parse a whole file's text; `file` names it in errors (`runs.csv line 3: ...`). */
export function parseCsv(text: string, file: string): CsvTable {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0 || lines[0] === '') throw new Error(`${file}: no header line`);
  const header = parseCsvLine(lines[0] ?? '');
  const rows = lines.slice(1).map((line, i) => {
    let cells: string[];
    try {
      cells = parseCsvLine(line);
    } catch (error) {
      throw new Error(`${file} line ${i + 2}: ${(error as Error).message}`);
    }
    if (cells.length !== header.length) throw new Error(`${file} line ${i + 2}: ${cells.length} cells, the header has ${header.length}`);
    return cells;
  });
  return { header, rows };
}

/** A cell as a number: '' (undefined) is NaN; text that is not a number throws. */
export function cellNumber(cell: string, where: string): number {
  if (cell === '') return NaN;
  const v = Number(cell);
  if (Number.isNaN(v)) throw new Error(`${where}: "${cell}" is not a number`);
  return v;
}
