import { MAX_COMMENT_CHARS } from '../../../src/server/limits.js';
import type { Api } from '../shared/api.js';
import { h, uid } from '../shared/dom.js';
import type { Strings } from '../shared/i18n.js';

/** The five levels of the national 好差评 convention, best first: 非常满意 = 5 … 非常不满意 = 1. */
const LEVELS = [5, 4, 3, 2, 1] as const;

/** Rating and optional comment for one answer, posted to /api/feedback; says in a status line whether it was accepted. */
export function ratingForm(api: Api, s: Strings, answerId: string): HTMLFormElement {
  const name = uid('rating');
  const commentId = uid('comment');
  const status = h('p', { class: 'rating-status', role: 'status' });
  const choices = LEVELS.map((value, i) =>
    h('label', { class: 'rating-choice' }, h('input', { type: 'radio', name, value: String(value) }), h('span', {}, s.ratings[i]!)),
  );
  const comment = h('textarea', { id: commentId, rows: '2', maxlength: String(MAX_COMMENT_CHARS) });
  const submit = h('button', { type: 'submit', class: 'rating-submit' }, s.submitRating);
  // The comment box and the submit button appear once a level is chosen: each answer stays short.
  const details = h('div', { class: 'rating-details', hidden: true }, h('label', { for: commentId, class: 'comment-label' }, s.commentLabel), comment, submit);
  const form = h(
    'form',
    { class: 'rating' },
    h('fieldset', {}, h('legend', {}, s.ratingLegend), h('div', { class: 'rating-choices' }, choices)),
    details,
    status,
  );
  form.addEventListener('change', () => {
    details.hidden = false;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
    if (!picked) {
      status.textContent = s.ratingChoose;
      return;
    }
    submit.disabled = true;
    try {
      const text = comment.value.trim();
      await api.feedback({ answerId, rating: Number(picked.value), ...(text ? { comment: text } : {}) });
      status.textContent = s.ratingThanks;
      form.classList.add('done');
      for (const input of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) input.disabled = true;
    } catch (err) {
      status.textContent = `${s.failed} (${err instanceof Error ? err.message : String(err)})`;
      submit.disabled = false;
    }
  });
  return form;
}
