/**
 * Amounts in an English question, written the way the documents write them, so that they match as words:
 * "30 million yuan or more" is "3000万元以上", "over 10 billion yuan" "超百亿元", "$1 billion" "10亿美元".
 * Chinese counts in 万 and 亿, so the number changes with the unit; only the scale decides which.
 */
// (No bare "m" or "k": "100 m" is a length as often as money.)
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12, 'hundred million': 1e8 };

const AMOUNT =
  /(?:\b(over|more than|above|exceeding|upwards of|at least|no less than|nearly|almost|close to|about|around|roughly)\s+)?(us\$|\$|¥|rmb|cny|usd)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(hundred million|thousand|million|billion|trillion|bn|mn)\b(?:\s?(yuan|rmb|renminbi|cny|us dollars|dollars|usd))?(?:\s+(or more|and above|or above|or higher|plus))?/g;

/** The documents write round hundreds and thousands of 亿 in words ("超百亿元", "千亿级", "两千亿级"). */
const ROUND_YI: Record<string, string> = { '100': '百', '1000': '千', '2000': '两千' };

const BEFORE: Record<string, string> = { over: '超', 'more than': '超', above: '超', exceeding: '超', 'upwards of': '超', nearly: '近', almost: '近', 'close to': '近' };
const AFTER: Record<string, string> = { 'at least': '以上', 'no less than': '以上', about: '左右', around: '左右', roughly: '左右' };

function chineseNumber(value: number): string {
  const plain = (n: number) => String(Number(n.toFixed(4)));
  if (value >= 1e8) {
    const yi = plain(value / 1e8);
    return `${ROUND_YI[yi] ?? yi}亿`;
  }
  return value >= 1e4 ? `${plain(value / 1e4)}万` : plain(value);
}

/** The amounts of a lower-cased English question in the documents' Chinese, and the question without them. */
export function englishAmounts(english: string): { amounts: string[]; rest: string } {
  const amounts: string[] = [];
  const rest = english.replace(AMOUNT, (_m, before: string | undefined, sign: string | undefined, n: string, scale: string, currency: string | undefined, after: string | undefined) => {
    const money = `${sign ?? ''}${currency ?? ''}`;
    const unit = /\$|dollar|usd/.test(money) ? '美元' : money ? '元' : '';
    const prefix = before ? (BEFORE[before] ?? '') : '';
    const suffix = after ? '以上' : before ? (AFTER[before] ?? '') : '';
    amounts.push(`${prefix}${chineseNumber(Number(n.replace(/,/g, '')) * SCALE[scale]!)}${unit}${suffix}`);
    return ' ';
  });
  return { amounts, rest };
}

/** An English price, rent, fee or wage is an amount of money ("at constant prices" is the basis of a growth rate, not a price). */
export const ENGLISH_PRICE = /\b(?<!(?:constant|current|comparable) )(?:prices?|rents?|fees?|salar(?:y|ies)|wages?|tuition)\b/;
