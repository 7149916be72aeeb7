import type { QuestionAnalysis } from './analyze-question.js';

/**
 * The word a definition question asks about: the one right before "是什么意思", "指什么"
 * ("…OPC社区的创新生态，OPC是什么意思？" → "opc"), when one of its topic words is part of it. The words around it
 * describe where the asker met it.
 */
export function definitionFocus(analysis: QuestionAnalysis): string | undefined {
  if (analysis.intent !== 'definition') return undefined;
  const focus = phraseAskedAbout(analysis);
  return focus !== undefined && analysis.contentTerms.some((t) => !aroundFocus(focus, t)) ? focus : undefined;
}

/** Whether a topic word stands around the focus (where the asker met the word asked about), not in it: none without a focus. */
export function aroundFocus(focus: string | undefined, term: string): boolean {
  return focus !== undefined && !focus.includes(term) && !term.includes(focus);
}

function phraseAskedAbout(analysis: QuestionAnalysis): string | undefined {
  // Quotes are dropped on both sides ("“一高三新”产业"), and a possessive ends the phrase ("园区的X" asks about X).
  // "那个“46X”生态体系具体指什么": a pointing word before the phrase and an adverb after it are not part of it.
  const text = analysis.matchText.replace(/[“”"『』「」]/g, '').replace(/(?:具体|到底|究竟)(?=是什么|什么意思|指|的意思)/g, '');
  const m = /((?:(?!的)[\p{Script=Han}a-z0-9+]){1,12})(?:是什么意思|什么意思|是什么|指的是什么|指什么|是指什么|的意思|的含义|的定义)/u.exec(text);
  return m?.[1]?.split(/那个|这个|所谓/).at(-1) || undefined;
}
