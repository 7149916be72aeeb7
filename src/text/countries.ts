import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

export interface CountryName {
  english: string;
  chinese: string;
}

/** The English names and aliases of a country, as i18n-iso-countries gives them: a string or a list. */
function namesOf(entry: string | string[] | undefined): string[] {
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/**
 * English country names, longest first, with their Chinese names. Abbreviations ("US", "U.S.") are left out:
 * "us" is a pronoun, and a two-letter code is seldom how a question names a country.
 */
const COUNTRIES: CountryName[] = Object.entries(en.countries as Record<string, string | string[]>)
  .flatMap(([code, names]) => {
    const chinese = namesOf((zh.countries as Record<string, string | string[]>)[code])[0];
    if (!chinese) return [];
    return namesOf(names)
      .filter((name) => /^[A-Za-z][a-z]/.test(name) && name.length >= 4 && !name.includes(','))
      .map((name) => ({ english: name.toLowerCase(), chinese }));
  })
  .sort((a, b) => b.english.length - a.english.length);

/**
 * Countries a lower-cased English text names as whole words ("israel", "south korea"). The text may have its
 * words in singular form (the glossary's comparison form), so "the united state" names the United States.
 */
export function countriesNamedIn(englishLower: string): CountryName[] {
  const found: CountryName[] = [];
  let rest = ` ${englishLower.replace(/[^a-z ]+/g, ' ')} `;
  for (const c of COUNTRIES) {
    const form = [c.english, c.english.replace(/(?<!s|u|i)s$/, '')].find((f) => rest.includes(` ${f} `));
    if (form === undefined) continue;
    found.push(c);
    rest = rest.split(` ${form} `).join('  ');
  }
  return found;
}
