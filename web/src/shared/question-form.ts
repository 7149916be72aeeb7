import { h } from './dom.js';
import type { Strings } from './i18n.js';

/** Enter sends and Shift+Enter breaks the line (never while an input method is composing); sending empties the box. */
export function bindQuestionForm(form: HTMLFormElement, input: HTMLTextAreaElement, ask: (question: string) => void): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = '';
    ask(question);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

export interface AskFlow {
  log: HTMLElement;
  sendButton: HTMLButtonElement;
  strings: () => Strings;
  /** Shows the question before its answer arrives (the widget's bubble; the staff page shows it with the answer). */
  showQuestion?: (question: string) => void;
  /** Fetches and renders the answer. */
  answer: (question: string) => Promise<Node>;
}

/**
 * One question at a time: a "looking it up" line while the server answers, then the answer in its place, or a
 * message saying what failed; the send button is off meanwhile.
 */
export function askOneAtATime(flow: AskFlow): (question: string) => Promise<void> {
  let busy = false;
  return async (question) => {
    const q = question.trim();
    if (!q || busy) return;
    busy = true;
    flow.sendButton.disabled = true;
    const t = flow.strings();
    flow.showQuestion?.(q);
    const pending = h('p', { class: 'msg pending' }, t.thinking);
    flow.log.append(pending);
    pending.scrollIntoView({ block: 'nearest' });
    try {
      pending.replaceWith(await flow.answer(q));
    } catch (err) {
      pending.replaceWith(h('p', { class: 'msg error', role: 'alert' }, `${t.failed}（${err instanceof Error ? err.message : String(err)}）`));
    } finally {
      busy = false;
      flow.sendButton.disabled = false;
      flow.log.lastElementChild?.scrollIntoView({ block: 'nearest' });
    }
  };
}
