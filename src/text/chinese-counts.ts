const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "五个" → "5个", "十大" → "10大": the documents count in digits ("5个战略性新兴产业"). */
export function countInDigits(word: string): string {
  const m = word.match(/^([一二两三四五六七八九十]{1,3})([个项大种条类家座所])$/);
  if (!m) return word;
  const [tens, units] = m[1]!.includes('十') ? m[1]!.split('十') : ['', m[1]!];
  const n = (m[1]!.includes('十') ? (CHINESE_DIGITS[tens!] ?? 1) * 10 : 0) + (CHINESE_DIGITS[units!] ?? 0);
  return `${n}${m[2]}`;
}
