/**
 * `<script src="…/widget.js" data-api="…" defer>`: a floating 智能问答 button and chat panel, rendered in a
 * shadow root so that the host page's CSS and the widget's cannot touch each other.
 */
import { MAX_QUESTION_CHARS } from '../../../src/server/limits.js';
import { createApi, type AskResult, type ChatTurn } from '../shared/api.js';
import { answerText, citationCard } from '../shared/answer-view.js';
import { clear, h, uid } from '../shared/dom.js';
import { askOneAtATime, bindQuestionForm } from '../shared/question-form.js';
import { HOT_QUESTIONS, isLang, LANG_NAMES, LANGS, preferredLang, STRINGS, type Lang } from '../shared/i18n.js';
import { readStored, writeStored } from '../shared/storage.js';
import { ratingForm } from './rating-form.js';
import baseCss from '../shared/base.css';
import widgetCss from './widget.css';

const TAG = 'wujin-qa-widget';
const css = `${baseCss}\n${widgetCss}`;
const KEY = { open: 'wjqa.widget.open', lang: 'wjqa.widget.lang', elder: 'wjqa.widget.elder' };
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const HTML_LANG: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

function apiBase(script: HTMLScriptElement | null): string {
  if (script?.dataset.api) return script.dataset.api;
  if (script?.src) return new URL(script.src, location.href).origin;
  return location.origin;
}

function mount(script: HTMLScriptElement | null): void {
  if (document.querySelector(TAG)) return;
  const api = createApi(apiBase(script));
  const host = document.createElement(TAG);
  // Inline !important beats any host stylesheet rule that targets the element itself.
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('position', 'static', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in shadow) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    (shadow as ShadowRoot).appendChild(Object.assign(document.createElement('style'), { textContent: css }));
  }

  let lang = readStored<Lang>(KEY.lang, preferredLang(navigator.languages ?? [navigator.language]), isLang);
  let elder = readStored(KEY.elder, false, isBool);
  let open = readStored(KEY.open, false, isBool);
  const history: ChatTurn[] = [];
  const s = () => STRINGS[lang];

  const panelId = 'wjqa-panel';
  const launcher = h('button', { type: 'button', class: 'launcher', 'aria-controls': panelId, 'aria-expanded': 'false' });
  const title = h('h2', { id: 'wjqa-title', class: 'title' });
  const langLabel = h('label', { for: 'wjqa-lang', class: 'visually-hidden' });
  const langSelect = h('select', { id: 'wjqa-lang' }, LANGS.map((l) => h('option', { value: l, lang: HTML_LANG[l] }, LANG_NAMES[l])));
  const elderButton = h('button', { type: 'button', class: 'elder-toggle', 'aria-pressed': 'false' });
  const closeButton = h('button', { type: 'button', class: 'close' }, '×');
  const greeting = h('div', { class: 'greeting' });
  const log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'wjqa-title', tabindex: '0' }, greeting);
  const disclaimer = h('p', { class: 'disclaimer' });
  const questionLabel = h('label', { for: 'wjqa-question', class: 'question-label' });
  const input = h('textarea', { id: 'wjqa-question', rows: '2', maxlength: String(MAX_QUESTION_CHARS), autocomplete: 'off' });
  const sendButton = h('button', { type: 'submit', class: 'send' });
  const form = h('form', { class: 'ask' }, questionLabel, h('div', { class: 'ask-row' }, input, sendButton));
  const panel = h(
    'section',
    { id: panelId, class: 'panel', role: 'dialog', 'aria-labelledby': 'wjqa-title' },
    h('header', { class: 'bar' }, title, h('div', { class: 'tools' }, langLabel, langSelect, elderButton, closeButton)),
    log,
    disclaimer,
    form,
  );
  const root = h('div', { class: 'root' }, launcher, panel);
  shadow.appendChild(root);

  function renderGreeting(): void {
    clear(greeting);
    const t = s();
    greeting.append(
      h('p', {}, t.greeting),
      h('h3', { class: 'hot-title' }, t.hotQuestions),
      h(
        'ul',
        { class: 'hot' },
        HOT_QUESTIONS[lang].map((q) => {
          const b = h('button', { type: 'button', class: 'hot-question' }, q);
          b.addEventListener('click', () => void ask(q));
          return h('li', {}, b);
        }),
      ),
    );
  }

  function applyLanguage(): void {
    const t = s();
    root.setAttribute('lang', HTML_LANG[lang]);
    launcher.textContent = t.appName;
    launcher.setAttribute('aria-label', t.open);
    title.textContent = t.appName;
    langLabel.textContent = t.language;
    langSelect.value = lang;
    elderButton.textContent = t.elderMode;
    closeButton.setAttribute('aria-label', t.close);
    disclaimer.textContent = t.disclaimer;
    questionLabel.textContent = t.questionLabel;
    input.placeholder = t.placeholder;
    sendButton.textContent = t.send;
    renderGreeting();
  }

  function applyElder(): void {
    root.classList.toggle('elder', elder);
    elderButton.setAttribute('aria-pressed', String(elder));
  }

  function setOpen(next: boolean, focus = true): void {
    open = next;
    writeStored(KEY.open, open);
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (!focus) return;
    if (open) input.focus();
    else launcher.focus();
  }

  function answerMessage(question: string, result: AskResult): HTMLElement {
    const t = s();
    const cards = h('div', { class: 'citations' });
    const cardId = (n: number) => `${uid('cite')}-${n}`;
    const ids = result.citations.map((_, i) => cardId(i + 1));
    const text = answerText(
      result,
      t,
      (n, button) => {
        const id = ids[n - 1]!;
        let card = cards.querySelector<HTMLElement>(`[id="${id}"]`);
        if (!card) {
          card = citationCard(api, result, n, t);
          card.id = id;
          card.hidden = true;
          cards.append(card);
        }
        card.hidden = !card.hidden;
        button.setAttribute('aria-expanded', String(!card.hidden));
      },
      (n) => ids[n - 1]!,
    );
    return h('article', { class: 'msg bot' }, text, cards, result.id ? ratingForm(api, t, result.id) : null);
  }

  const ask = askOneAtATime({
    log,
    sendButton,
    strings: s,
    showQuestion: (q) => log.append(h('div', { class: 'msg user' }, h('span', { class: 'visually-hidden' }, `${s().you}：`), q)),
    answer: async (q) => {
      const result = await api.ask(q, history, { interface: 'widget' });
      history.push({ role: 'user', content: q }, { role: 'assistant', content: result.answer });
      return answerMessage(q, result);
    },
  });

  launcher.addEventListener('click', () => setOpen(true));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
    }
  });
  langSelect.addEventListener('change', () => {
    if (!isLang(langSelect.value)) return;
    lang = langSelect.value;
    writeStored(KEY.lang, lang);
    applyLanguage();
  });
  elderButton.addEventListener('click', () => {
    elder = !elder;
    writeStored(KEY.elder, elder);
    applyElder();
  });
  bindQuestionForm(form, input, (q) => void ask(q));

  applyLanguage();
  applyElder();
  setOpen(open, false);
  document.body.appendChild(host);
}

const current = document.currentScript as HTMLScriptElement | null;
if (document.body) mount(current);
else document.addEventListener('DOMContentLoaded', () => mount(current), { once: true });
