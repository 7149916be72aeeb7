/** The staff chat page (/): conversations with history, highlighted figures, citations, the source view, why-this-answer. */
import { createApi, type AskResult, type DocSummary } from '../shared/api.js';
import { answerText, citationCard } from '../shared/answer-view.js';
import { byId, clear, h, uid } from '../shared/dom.js';
import { askOneAtATime, bindQuestionForm } from '../shared/question-form.js';
import { STAFF_EXAMPLES, STRINGS } from '../shared/i18n.js';
import { ConversationStore, type Turn } from './conversations.js';
import { explainTable } from './explain-view.js';

const s = STRINGS['zh-Hans'];
const api = createApi(location.origin);
const store = new ConversationStore();

const log = byId<HTMLDivElement>('log');
const form = byId<HTMLFormElement>('ask-form');
const input = byId<HTMLTextAreaElement>('question');
const sendButton = byId<HTMLButtonElement>('send');
const conversationList = byId<HTMLUListElement>('conversations');
const panel = byId<HTMLElement>('citation-panel');
const panelBody = byId<HTMLDivElement>('citation-body');
const panelClose = byId<HTMLButtonElement>('citation-close');
let panelOpener: HTMLElement | null = null;

function openCitation(result: AskResult, n: number, opener: HTMLElement): void {
  clear(panelBody);
  panelBody.append(citationCard(api, result, n, s, 'h3'));
  panel.hidden = false;
  panelOpener = opener;
  for (const b of document.querySelectorAll('.cite-marker[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-expanded', 'true');
  byId<HTMLHeadingElement>('citation-heading').focus();
}

function closeCitation(): void {
  panel.hidden = true;
  panelOpener?.setAttribute('aria-expanded', 'false');
  panelOpener?.focus();
  panelOpener = null;
}

/** Plain text of an answer and its sources, for pasting into a reply or a memo. */
function copyText(turn: Turn): string {
  const sources = turn.result.citations.map((c, i) => `[${i + 1}] 《${c.docTitle}》${c.section ? ` ${c.section}` : ''}`);
  return [turn.result.answer, '', ...sources].join('\n');
}

function turnView(turn: Turn): HTMLElement {
  const { result } = turn;
  const status = h('span', { class: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'copy' }, '复制回答');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(copyText(turn));
      status.textContent = '已复制';
    } catch {
      status.textContent = '复制失败，请手动选择文字复制';
    }
  });
  const explainId = uid('explain');
  const explainToggle = h('button', { type: 'button', class: 'explain-toggle', 'aria-expanded': 'false', 'aria-controls': explainId }, '查看依据');
  const explainBox = h('div', { id: explainId, class: 'explain-box', hidden: true });
  explainToggle.addEventListener('click', () => {
    if (!explainBox.firstChild) explainBox.append(explainTable(result));
    explainBox.hidden = !explainBox.hidden;
    explainToggle.setAttribute('aria-expanded', String(!explainBox.hidden));
  });
  // The passages the answer cites come first; the other retrieved ones stay folded away.
  const cited = new Set([...result.answer.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])));
  const sourceItem = (n: number) => {
    const c = result.citations[n - 1]!;
    const b = h('button', { type: 'button', class: 'cite-marker', 'aria-expanded': 'false', 'aria-controls': 'citation-panel' }, `[${n}] 《${c.docTitle}》 ${c.section}`);
    b.addEventListener('click', () => openCitation(result, n, b));
    return h('li', {}, b);
  };
  const numbers = result.citations.map((_, i) => i + 1);
  const main = result.found ? numbers.filter((n) => cited.has(n)) : numbers;
  const others = result.found ? numbers.filter((n) => !cited.has(n)) : [];
  const sources = h(
    'div',
    { class: 'sources' },
    main.length ? [h('h3', {}, result.found ? '引用' : '可能相关的段落'), h('ol', {}, main.map(sourceItem))] : null,
    others.length ? h('details', {}, h('summary', {}, `其他相关段落（${others.length}）`), h('ol', {}, others.map(sourceItem))) : null,
  );
  return h(
    'section',
    { class: 'turn', 'aria-label': turn.question.slice(0, 60) },
    h('div', { class: 'msg user' }, h('span', { class: 'who' }, '问：'), turn.question),
    h(
      'article',
      { class: `msg bot${result.found ? '' : ' not-found'}` },
      h('span', { class: 'who' }, '答：'),
      answerText(result, s, (n, button) => openCitation(result, n, button), () => 'citation-panel'),
      result.citations.length ? sources : null,
      h('div', { class: 'actions' }, copy, explainToggle, status),
      explainBox,
      h('p', { class: 'disclaimer' }, s.disclaimer),
    ),
  );
}

function renderConversations(): void {
  clear(conversationList);
  for (const c of store.all) {
    const current = c.id === store.current?.id;
    const b = h('button', { type: 'button', class: 'conversation', 'aria-current': current ? 'true' : undefined }, c.title);
    b.addEventListener('click', () => {
      store.select(c.id);
      renderAll();
    });
    conversationList.append(h('li', {}, b));
  }
}

function renderLog(): void {
  clear(log);
  const conv = store.current;
  if (!conv) log.append(h('p', { class: 'empty' }, '请在下方输入问题，或点击左侧的示例问题。答案中的数字均摘自原文，标号可打开引用段落。'));
  for (const t of conv?.turns ?? []) log.append(turnView(t));
}

function renderAll(): void {
  renderConversations();
  renderLog();
}

const ask = askOneAtATime({
  log,
  sendButton,
  strings: () => s,
  showQuestion: () => log.querySelector('.empty')?.remove(),
  answer: async (q) => {
    const result = await api.ask(q, store.history(), { interface: 'staff', explain: true });
    const turns = store.add(q, result).turns;
    renderConversations();
    return turnView(turns[turns.length - 1]!);
  },
});

function renderExamples(): void {
  const list = byId<HTMLUListElement>('examples');
  for (const q of STAFF_EXAMPLES) {
    const b = h('button', { type: 'button', class: 'example' }, q);
    b.addEventListener('click', () => void ask(q));
    list.append(h('li', {}, b));
  }
}

function documentOutline(doc: DocSummary): HTMLElement {
  const top = doc.sections.map((sec, i) => ({ sec, i })).filter(({ sec }) => sec.level <= 2);
  return h(
    'details',
    { class: 'doc' },
    h('summary', {}, doc.title),
    h('p', {}, h('a', { href: `/docs/${encodeURIComponent(doc.id)}` }, '阅读全文')),
    h('ul', {}, top.map(({ sec, i }) => h('li', { class: `level-${sec.level}` }, h('a', { href: `/docs/${encodeURIComponent(doc.id)}#s-${i}` }, sec.title)))),
  );
}

async function renderDocuments(): Promise<void> {
  const box = byId<HTMLDivElement>('documents');
  try {
    const { documents } = await api.documents();
    for (const d of documents) box.append(documentOutline(d));
  } catch {
    box.append(h('p', {}, '文件目录加载失败。'));
  }
}

async function renderMode(): Promise<void> {
  try {
    const health = (await (await fetch('/healthz')).json()) as { mode: string };
    byId<HTMLSpanElement>('mode').textContent = `检索：${health.mode === 'lexical' ? '词法（未加载语义模型）' : health.mode}`;
  } catch {
    /* the badge is informational */
  }
}

bindQuestionForm(form, input, (q) => void ask(q));
byId<HTMLButtonElement>('new-conversation').addEventListener('click', () => {
  store.startNew();
  renderAll();
  input.focus();
});
panelClose.addEventListener('click', closeCitation);
panel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeCitation();
});

renderAll();
renderExamples();
void renderDocuments();
void renderMode();
