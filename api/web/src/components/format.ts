// Times, numbers and people as the reader writes them (Beijing time).
import type { Language } from '@domain/language';

export function formatTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function formatMoney(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '—';
  const amount = value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'zh-CN' ? `${amount} 元` : `¥${amount}`;
}

export const person = (m: { name: string; employeeNo: string } | null | undefined): string =>
  m ? `${m.name}（${m.employeeNo}）` : '';

export const countyName = (c: { name: string; nameEn: string } | null | undefined, lang: Language): string =>
  c ? (lang === 'zh-CN' ? c.name : c.nameEn) : '';

export const todayInShanghai = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
