import { normalizeForMatch } from '../text/normalize.js';
import { countInDigits } from '../text/chinese-counts.js';
import { membersListed } from '../text/kind-members.js';
import { withoutPairsOf } from '../text/paired-words.js';
import { partsWithSynonym, synonymsIn } from '../text/synonyms.js';
import { segmentWords, tagWords } from '../text/tokenize.js';

/**
 * How rare a term is across the passages, counted by substring so that it works for any term a
 * question contains, segmented or not. A term found nowhere gets the highest weight: a question
 * about something the documents never mention must not look answered.
 */
const CACHE_LIMIT = 20_000;
const ABSENT_NON_NOUN = 0.3;

/** Whether jieba tags the term as a noun (or a Latin word): "餐厅" n, "米其林" nr, "工资" vn, "gdp" eng. */
function namesAThing(term: string): boolean {
  const tags = tagWords(term);
  return tags.length !== 1 || /^(n|vn|eng|j)/.test(tags[0]!.tag);
}

export class TermStats {
  private readonly texts: string[];
  private readonly cache = new Map<string, number>();
  private readonly variantCache = new Map<string, string[]>();
  private readonly weightCache = new Map<string, number>();
  private readonly partsCache = new Map<string, string[]>();
  private readonly widenedCache = new Map<string, RegExp | undefined>();

  constructor(passages: string[]) {
    this.texts = passages.map(normalizeForMatch);
  }

  documentFrequency(term: string): number {
    let df = this.cache.get(term);
    if (df === undefined) {
      df = this.texts.reduce((n, t) => n + (t.includes(term) ? 1 : 0), 0);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear(); // question terms are unbounded
      this.cache.set(term, df);
    }
    return df;
  }

  idf(term: string): number {
    const n = this.texts.length;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The term, its count in digits ("五个" → "5个") and its synonyms that occur in the corpus (the forms a passage may use). */
  variants(term: string): string[] {
    let forms = this.variantCache.get(term);
    if (!forms) {
      // A synonym that is part of a term the documents use ("就业" of "新增城镇就业") is broader than what was
      // asked: it neither stands in for the term in a passage nor lowers its weight. A term the documents
      // never write ("专精特新小巨人") can only be found through its parts.
      const own = this.documentFrequency(term) > 0;
      const synonyms = synonymsIn(term).filter((s) => !own || !term.includes(s));
      forms = [term, countInDigits(term), ...synonyms, ...(own ? [] : this.longForms(term))].filter((v, i, all) => all.indexOf(v) === i && this.documentFrequency(v) > 0);
      if (this.variantCache.size >= CACHE_LIMIT) this.variantCache.clear();
      this.variantCache.set(term, forms);
    }
    return forms;
  }

  /**
   * The documents' words that a term they never write shortens: its characters in order, the first and last kept, with up to
   * two characters left out between each two ("科技奖" for 科学技术奖). Only when they write one or two such words.
   */
  private longForms(term: string): string[] {
    const chars = [...term];
    if (chars.length < 3 || chars.length > 6 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return [];
    const pattern = new RegExp(chars.join('\\p{Script=Han}{0,2}'), 'gu');
    const found = new Set<string>();
    for (const text of this.texts) for (const m of text.matchAll(pattern)) if (m[0].length > term.length && m[0].length <= 2 * term.length) found.add(m[0]);
    return found.size <= 2 ? [...found] : [];
  }

  /**
   * Whether a label names the term: in one of its forms, where a synonym of a part stands in for that part only and
   * the rest of the term must be said too ("城镇新增就业" names 新增城镇就业; "实际利用外资" does not name 外资项目).
   */
  namedBy(term: string, label: string): boolean {
    if (label.includes(term) || this.widened(term)?.test(label)) return true;
    if (this.documentFrequency(term) === 0) return this.saidIn(term, label);
    return this.variants(term).some(
      (v) =>
        label.includes(v) &&
        // The term itself is one of its parts, so its own synonyms pass with nothing left to say.
        (v === countInDigits(term) || partsWithSynonym(term, v).some((part) => term.split(part).every((rest) => label.includes(rest)))),
    );
  }

  /** Whether a (normalised) text says the term in one of its forms. */
  saidIn(term: string, text: string): boolean {
    text = withoutPairsOf(term, text);
    return text.includes(term) || this.variants(term).some((v) => text.includes(v)) || (this.widened(term)?.test(text) ?? false);
  }

  /**
   * A term of several words may be written with one short word inserted between two of them ("存量工业用地" as
   * "存量工业建设用地"), and a kind may be said by listing its members: a pattern for those forms, or undefined for a term
   * too short to widen safely and no such kind.
   */
  widened(term: string): RegExp | undefined {
    if (this.widenedCache.has(term)) return this.widenedCache.get(term);
    const words = term.length >= 5 ? tiling(term, segmentWords(term, false).filter((w) => w !== term && w.length >= 2)) : [];
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const forms = words.slice(1).map((_, gap) => `${words.slice(0, gap + 1).map(escape).join('')}\\p{Script=Han}{1,2}${words.slice(gap + 1).map(escape).join('')}`);
    // A kind the documents name by its members ("花海大道二期、腾龙大道二期" for 道路) is said by a list of them.
    const members = membersListed(term);
    if (members) forms.push(members.source);
    const pattern = forms.length > 0 ? new RegExp(forms.join('|'), 'u') : undefined;
    if (this.widenedCache.size >= CACHE_LIMIT) this.widenedCache.clear();
    this.widenedCache.set(term, pattern);
    return pattern;
  }

  /**
   * The words a term the documents never write is made of, when they all occur ("贸易总额" → 贸易 + 总额): such a
   * compound is the asker's wording for something the documents may name otherwise ("进出口总额"). Empty otherwise.
   */
  knownParts(term: string): string[] {
    let parts = this.partsCache.get(term);
    if (!parts) {
      parts = this.documentFrequency(term) > 0 ? [] : tiling(term, segmentWords(term, false).filter((w) => w !== term && w.length >= 2));
      if (!parts.every((w) => this.documentFrequency(w) > 0)) parts = [];
      if (this.partsCache.size >= CACHE_LIMIT) this.partsCache.clear();
      this.partsCache.set(term, parts);
    }
    return parts;
  }

  /**
   * A term's weight is that of its most common corpus form, so a synonym that maps onto the documents' wording counts fully.
   * A term the documents never use weighs most when it is a noun (a thing asked about that is not there: "米其林餐厅",
   * "房价"); a word of another kind ("下来", "一样", "看病") is how the question is put, and weighs little.
   */
  weight(term: string): number {
    let w = this.weightCache.get(term);
    if (w === undefined) {
      const forms = this.variants(term);
      const parts = forms.length === 0 ? this.knownParts(term) : [];
      w =
        forms.length > 0 ? Math.min(...forms.map((f) => this.idf(f)))
        : parts.length > 0 ? Math.max(...parts.map((p) => this.idf(p)))
        : this.idf(term) * (namesAThing(term) ? 1 : ABSENT_NON_NOUN);
      if (this.weightCache.size >= CACHE_LIMIT) this.weightCache.clear();
      this.weightCache.set(term, w);
    }
    return w;
  }
}

/** Words that laid end to end write the whole term, longest first at each place (a shorter one where the longest leads nowhere); empty when none do. */
function tiling(term: string, words: string[]): string[] {
  const from = (at: number): string[] | undefined => {
    if (at === term.length) return [];
    for (const next of words.filter((w) => term.startsWith(w, at)).sort((a, b) => b.length - a.length)) {
      const rest = from(at + next.length);
      if (rest) return [next, ...rest];
    }
    return undefined;
  };
  const out = from(0) ?? [];
  return out.length >= 2 ? out : [];
}
