// The customer survey page (客户满意度调查), opened from a personal link on a phone:
// no account, Simplified Chinese by default with an English switch, plain HTML form
// that works without JavaScript; errors are shown next to their question.
import { ratingText, surveyQuestions, surveyQuestionText, type SurveyQuestion } from '../../domain/customerSurvey';
import { escapeHtml, type Language } from '../../domain/notifications';

export type SurveyPageState =
  | {
      kind: 'form';
      managerName: string;
      periodLabel: string;
      dueDate: string;
      values?: Record<string, string>;
      errors?: Record<string, string>;
    }
  | { kind: 'thanks' | 'alreadyAnswered' | 'expired' | 'notFound' };

const text = {
  title: { 'zh-CN': '客户满意度调查', en: 'Customer satisfaction survey' },
  intro: {
    'zh-CN': (m: string, p: string, d: string) =>
      `请您对客户经理 ${m} ${p}的服务作出评价。本链接仅可使用一次，${d} 后失效。回答匿名统计。`,
    en: (m: string, p: string, d: string) =>
      `Please rate the service of your customer manager ${m} in ${p}. This link works once and expires after ${d}. Answers are anonymous.`,
  },
  comment: { 'zh-CN': '意见和建议（选填）', en: 'Comments (optional)' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  fix: { 'zh-CN': '请完成标红的问题后再提交。', en: 'Please answer the questions marked in red.' },
  thanks: { 'zh-CN': '感谢您的评价！您的回答已提交。', en: 'Thank you! Your answers have been submitted.' },
  alreadyAnswered: {
    'zh-CN': '此链接已使用过，每位客户只能填写一次。感谢您的参与！',
    en: 'This link has been used already: each customer answers once. Thank you!',
  },
  expired: { 'zh-CN': '此调查已结束，链接已失效。', en: 'This survey has ended and the link no longer works.' },
  notFound: {
    'zh-CN': '链接无效。如您收到过新的提醒邮件，请使用最新邮件中的链接。',
    en: 'This link is not valid. If you received a newer reminder, please use the link in it.',
  },
  switchTo: { 'zh-CN': 'English', en: '中文' },
};

export function renderSurveyPage(state: SurveyPageState, lang: Language, selfUrl: string): string {
  const other: Language = lang === 'zh-CN' ? 'en' : 'zh-CN';
  let main: string;
  if (state.kind === 'form') {
    const errors = state.errors ?? {};
    const questions = surveyQuestions
      .map((q: SurveyQuestion) => {
        const current = state.values?.[q];
        const options = ([5, 4, 3, 2, 1] as const)
          .map(
            (r) =>
              `<label class="opt"><input type="radio" name="${q}" value="${r}"${current === String(r) ? ' checked' : ''} required> ${escapeHtml(ratingText[r][lang])}</label>`,
          )
          .join('');
        const err = errors[q] ? `<p class="err" id="${q}-error">${escapeHtml(errors[q])}</p>` : '';
        return `<fieldset${errors[q] ? ' class="invalid" aria-describedby="' + q + '-error"' : ''}><legend>${escapeHtml(surveyQuestionText[q][lang])}</legend>${options}${err}</fieldset>`;
      })
      .join('');
    const commentErr = errors.comment ? `<p class="err">${escapeHtml(errors.comment)}</p>` : '';
    main = `<p>${escapeHtml(text.intro[lang](state.managerName, state.periodLabel, state.dueDate))}</p>
${Object.keys(errors).length ? `<p class="err" role="alert">${escapeHtml(text.fix[lang])}</p>` : ''}
<form method="post" action="${escapeHtml(selfUrl)}?lang=${lang}">${questions}
<label class="comment">${escapeHtml(text.comment[lang])}<textarea name="comment" maxlength="500" rows="3">${escapeHtml(state.values?.comment ?? '')}</textarea></label>${commentErr}
<button type="submit">${escapeHtml(text.submit[lang])}</button></form>`;
  } else {
    main = `<p class="done">${escapeHtml(text[state.kind][lang])}</p>`;
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title[lang])}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f8;color:#222}main{max-width:560px;margin:0 auto;padding:16px}
h1{font-size:1.3rem}fieldset{border:1px solid #ccd;border-radius:8px;margin:0 0 12px;padding:8px 12px;background:#fff}fieldset.invalid{border-color:#c00}
legend{font-weight:600;padding:0 4px}.opt{display:block;padding:6px 0}textarea{width:100%;box-sizing:border-box;font:inherit}.comment{display:block;margin:8px 0}
button{width:100%;padding:12px;font-size:1.1rem;background:#0a5;color:#fff;border:0;border-radius:8px}.err{color:#c00;margin:4px 0}.lang{float:right}.done{font-size:1.1rem;background:#fff;padding:16px;border-radius:8px}</style>
</head><body><main><a class="lang" href="${escapeHtml(selfUrl)}?lang=${other}">${text.switchTo[lang]}</a><h1>${escapeHtml(text.title[lang])}</h1>${main}</main></body></html>`;
}
