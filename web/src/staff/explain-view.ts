import type { AskResult } from '../shared/api.js';
import { h } from '../shared/dom.js';

const DECLINED: Record<string, string> = {
  scope: '问题超出文件范围（年份、地区或事项）',
  coverage: '最相关段落未覆盖问题的主要词语',
  'other-year': '段落所述年份与问题不同',
  'no-figure': '问数字，但段落中没有数字',
  'unlabelled-figure': '段落中的数字并非所问事项',
  'quantity-kind': '数字的种类（金额、比例、数量等）与所问不同',
  'counted-thing': '数字所计的事物与所问不同',
  'asked-measure': '段落未提及所问的量（如补贴、销量）',
  'other-place': '段落未提及所问地区',
  'no-date': '问具体日期，但段落中没有日期',
};

/** Why this answer: the ranked passages with their scores and ranks, and which check declined, if one did. */
export function explainTable(result: AskResult): HTMLElement {
  const passages = result.passages ?? [];
  const rows = passages.map((p, i) =>
    h(
      'tr',
      {},
      h('td', {}, String(i + 1)),
      h('td', {}, p.score.toFixed(3)),
      h('td', {}, p.lexicalRank === undefined ? '—' : String(p.lexicalRank)),
      h('td', {}, p.denseRank === undefined ? '—' : String(p.denseRank)),
      h('td', {}, h('span', { class: 'explain-section' }, p.section), h('br'), p.text),
    ),
  );
  return h(
    'div',
    { class: 'explain' },
    h('p', {}, `检索方式：${result.mode}；用时 ${result.tookMs} ms。`, result.declinedBy ? `未作答原因：${DECLINED[result.declinedBy] ?? result.declinedBy}。` : ''),
    passages.length === 0
      ? h('p', {}, '问题在检索前即被判定为超出文件范围，没有候选段落。')
      : h(
          'table',
          {},
          h('caption', {}, '候选段落（按得分排序）'),
          h('thead', {}, h('tr', {}, ['名次', '得分', '词法名次', '语义名次', '段落'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows),
        ),
  );
}
