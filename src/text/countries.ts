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
 * The adjectives of a country ("german", "japanese", "israeli", "korean"), by the usual English endings; irregular
 * ones are listed. (Forms shorter than six letters are left out: "peru" would make "per".)
 */
function adjectivesOf(name: string): string[] {
  const stem = name.replace(/[aeiouy]$/, '');
  const made = [`${name}n`, `${stem}ian`, `${stem}an`, `${name}ese`, `${name}i`, ...(name.endsWith('y') ? [stem] : [])];
  return [...made.filter((f) => f.length >= 6 && !f.includes(' ') === !name.includes(' ')), ...(IRREGULAR_ADJECTIVES[name] ?? [])];
}
const IRREGULAR_ADJECTIVES: Readonly<Record<string, string[]>> = {
  france: ['french'],
  netherlands: ['dutch'],
  'united kingdom': ['british'],
  spain: ['spanish'],
  switzerland: ['swiss'],
  sweden: ['swedish'],
  denmark: ['danish'],
  finland: ['finnish'],
  poland: ['polish'],
  greece: ['greek'],
  thailand: ['thai'],
  philippines: ['filipino'],
  'united states of america': ['american'],
  'south korea': ['korean'],
};

/** Each country with the forms that name it: its name, without a plural ending, and its adjectives. */
const COUNTRY_FORMS = COUNTRIES.map((country) => ({ country, forms: [country.english, country.english.replace(/(?<!s|u|i)s$/, ''), ...adjectivesOf(country.english)] }));

/**
 * Countries a lower-cased English text names as whole words ("israel", "south korea"). The text may have its
 * words in singular form (the glossary's comparison form), so "the united state" names the United States.
 */
export function countriesNamedIn(englishLower: string): CountryName[] {
  const found: CountryName[] = [];
  let rest = ` ${englishLower.replace(/[^a-z ]+/g, ' ')} `;
  for (const { country: c, forms } of COUNTRY_FORMS) {
    const form = forms.find((f) => rest.includes(` ${f} `));
    if (form === undefined) continue;
    found.push(c);
    rest = rest.split(` ${form} `).join('  ');
  }
  return found;
}
