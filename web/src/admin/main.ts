/** /admin: staff analytics from /api/admin/stats (bearer token kept for this tab only) and CSV exports. */
import type { AdminStats } from '../../../src/store/types.js';
import { byId, clear, h } from '../shared/dom.js';

const form = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token');
const days = byId<HTMLSelectElement>('days');
const status = byId<HTMLParagraphElement>('status');
const out = byId<HTMLDivElement>('stats');
const TOKEN_KEY = 'wjqa.admin.token';

const authed = (path: string) => fetch(path, { headers: { authorization: `Bearer ${tokenInput.value}` } });

function table(caption: string, headers: string[], rows: (string | number | Node)[][]): HTMLElement {
  if (rows.length === 0) return h('section', {}, h('h2', {}, caption), h('p', {}, '暂无数据。'));
  return h(
    'section',
    {},
    h('h2', {}, caption),
    h(
      'table',
      { class: 'stats-table' },
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell) => h('td', {}, typeof cell === 'number' ? String(cell) : cell))))),
    ),
  );
}

function meter(value: number, max: number, label: string): HTMLMeterElement {
  return h('meter', { min: '0', max: String(Math.max(1, max)), value: String(value), 'aria-label': label });
}

function render(s: AdminStats): void {
  clear(out);
  const t = s.totals;
  const maxDay = Math.max(...s.perDay.map((d) => d.questions), 1);
  const maxRating = Math.max(...s.satisfaction.map((r) => r.count), 1);
  out.append(
    h('p', { class: 'totals' }, `自 ${s.since.slice(0, 10)} 起：提问 ${t.questions} 次（网站组件 ${t.byInterface.widget}，工作台 ${t.byInterface.staff}，接口 ${t.byInterface.api}），未能回答 ${t.unanswered} 次，评价 ${t.feedback} 条。`),
    h('p', { class: 'exports' }, exportButton('questions', '导出提问记录（CSV）'), ' ', exportButton('feedback', '导出评价（CSV）')),
    table('每日提问', ['日期', '提问', '未能回答', ''], s.perDay.map((d) => [d.day, d.questions, d.unanswered, meter(d.questions, maxDay, `${d.day} 提问 ${d.questions}`)])),
    table('文件未能回答的问题（待补充）', ['问题', '次数', '最近一次'], s.unanswered.map((q) => [q.question, q.count, q.lastAsked.replace('T', ' ').slice(0, 16)])),
    table('热门问题', ['问题', '次数', '已回答'], s.topQuestions.map((q) => [q.question, q.count, q.answered])),
    table('满意度', ['评价', '条数', ''], s.satisfaction.map((r) => [r.label, r.count, meter(r.count, maxRating, `${r.label} ${r.count}`)])),
    table('评价意见', ['时间', '评价', '问题', '意见'], s.comments.map((c) => [c.at.replace('T', ' ').slice(0, 16), String(c.rating), c.question ?? '（已清理）', c.comment])),
    table('最慢的回答', ['问题', '用时（ms）', '入口', '时间'], s.slowest.map((q) => [q.question, q.latencyMs.toFixed(1), q.interface, q.at.replace('T', ' ').slice(0, 16)])),
  );
}

function exportButton(table: 'questions' | 'feedback', label: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'export' }, label);
  b.addEventListener('click', async () => {
    const res = await authed(`/api/admin/export.csv?table=${table}`);
    if (!res.ok) {
      status.textContent = `导出失败：HTTP ${res.status}`;
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: `wujin-qa-${table}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  });
  return b;
}

async function load(): Promise<void> {
  status.textContent = '正在加载……';
  const res = await authed(`/api/admin/stats?days=${days.value}`);
  const body = (await res.json().catch(() => ({}))) as AdminStats & { error?: { message: string } };
  if (!res.ok) {
    clear(out);
    status.textContent = res.status === 401 ? '令牌不正确。' : res.status === 503 ? '管理功能未开启：请在服务器上设置 ADMIN_TOKEN。' : `加载失败：${body.error?.message ?? res.status}`;
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
  status.textContent = '统计已更新。';
  render(body);
  out.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) {
  tokenInput.value = saved;
  void load();
}
