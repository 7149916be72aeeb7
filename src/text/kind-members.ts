/**
 * Kinds the documents name by their members rather than by the kind's word: "建成沪武高速扩建武进段、花海大道二期、
 * 腾龙大道二期等关键工程" lists roads and never writes 道路. A member is a name ending in one of the kind's endings,
 * with a phase or an extension after it ("二期", "南延", "扩建武进段").
 */
const MEMBER_ENDINGS: Readonly<Record<string, string>> = {
  道路: '大道|高速|公路|路',
};

const AFTER_NAME = '(?:[东西南北]延段?|[一二三四五六七八九]期|扩建\\p{Script=Han}{0,5}?段)?';

/** Two members of the kind listed together ("…大道二期、…大道二期"), which say the kind; undefined for other terms. */
export function membersListed(kind: string): RegExp | undefined {
  const endings = MEMBER_ENDINGS[kind];
  if (endings === undefined) return undefined;
  const member = `\\p{Script=Han}{2,8}?(?:${endings})${AFTER_NAME}`;
  return new RegExp(`${member}[、和及与]${member}`, 'u');
}
