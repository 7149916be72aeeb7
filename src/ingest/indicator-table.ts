import type { IndicatorRow } from './types.js';

/** Trailing unit in parentheses: "地区生产总值（GDP）增长（%）" → name + "%". */
const UNIT = /^(.*?)[（(]([^（）()]+)[）)]$/;

export interface IndicatorTable {
  /** Column label of the target, from the header row ("2030年目标"). */
  targetLabel: string;
  rows: IndicatorRow[];
}

/** Splits the trailing parenthesised unit off an indicator name; inner parentheses ("（GDP）") stay. */
export function splitUnit(cell: string): { name: string; unit: string } {
  const m = UNIT.exec(cell.trim());
  return m && m[1] ? { name: m[1].trim(), unit: m[2].trim() } : { name: cell.trim(), unit: '' };
}

/**
 * Reads the indicator table of a document export, where each cell is a line starting with a tab,
 * a cell that wrapped continues on lines without a tab ("高质量发展" + "指标", "11以上" + "（累计）"),
 * and rows are separated by blank lines. Category and number cells are filled only on the first row
 * they cover; a row with five cells is a nested sub-row (parent name, sub name). Cells are joined
 * without a separator: the text is Chinese and the wraps are the export's, not the author's.
 */
export function parseIndicatorTable(lines: string[]): IndicatorTable {
  const rows: string[][] = [];
  let cells: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && !line.startsWith('\t')) {
      if (cells.length > 0) rows.push(cells);
      cells = [];
    } else if (line.startsWith('\t')) {
      cells.push(line.slice(1).trim());
    } else if (cells.length > 0) {
      cells[cells.length - 1] += line.trim();
    }
  }
  if (cells.length > 0) rows.push(cells);

  let targetLabel = '目标';
  let category = '';
  let number = '';
  let parentName = '';
  const out: IndicatorRow[] = [];
  for (const row of rows) {
    if (row.includes('序号')) {
      targetLabel = row[row.length - 1] || targetLabel;
      continue;
    }
    if (row.length < 4) continue;
    const [cat, num] = row;
    const target = row[row.length - 1];
    if (cat) category = cat;
    if (num) number = num;
    if (row.length >= 5) {
      // Nested sub-row: "每千人口拥有医护人员数" → "执业（助理）医师数（人）".
      if (row[2]) parentName = row[2];
      const sub = splitUnit(row[3]);
      out.push({ category, number, name: `${parentName}：${sub.name}`, unit: sub.unit, target });
    } else {
      parentName = '';
      const { name, unit } = splitUnit(row[2]);
      out.push({ category, number, name, unit, target });
    }
  }
  return { targetLabel, rows: out };
}

/**
 * One readable line per row for the cleaned text; it holds name, unit and target verbatim so the
 * indicator chunk can be an exact slice of the cleaned document.
 * e.g. "高质量发展指标 1. 地区生产总值（GDP）增长（%）：2030年目标 高于全市平均"
 */
export function formatIndicatorRow(row: IndicatorRow, targetLabel: string): string {
  const unit = row.unit ? `（${row.unit}）` : '';
  return `${row.category} ${row.number}. ${row.name}${unit}：${targetLabel} ${row.target}`;
}
