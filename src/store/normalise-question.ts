/** The question as logged and grouped: NFKC, spaces collapsed, closing punctuation dropped ("GDP 是多少？" = "GDP 是多少"). */
export function normaliseQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?？!！。.\s]+$/u, '');
}

/** Salted SHA-256 of a client address (Web Crypto, so Workers share it); the address itself is never stored. */
export async function hashClient(address: string, salt: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${address}`));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
