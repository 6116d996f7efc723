// The two languages every message a person reads exists in: Simplified Chinese (default) and English.
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** A text in both languages. */
export type Names = Record<Language, string>;

export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}
