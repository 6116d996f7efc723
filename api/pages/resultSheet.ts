// The result sheet (考评表) as one self-contained A4 HTML document: the page the web app
// shows and prints, and what Chromium prints to PDF. A county's sheets are one document,
// a page break between managers. No script, no fetched resource: fonts are the system's
// (Noto Sans CJK), which Chromium embeds in the PDF.
import { shanghaiMinute } from '../../domain/calendar';
import { flagReasonText, nameOf } from '../../domain/codeNames';
import type { Language } from '../../domain/language';
import { cycleLabel, escapeHtml } from '../../domain/notifications';
import { compositeBreakdown } from '../../domain/scoring';
import type { ResultSheet } from '../resultSheet';

const words = {
  title: ['客户经理考评表', 'Customer manager evaluation sheet'],
  name: ['姓名', 'Name'],
  employeeNo: ['工号', 'Employee no.'],
  county: ['县区', 'County'],
  cycle: ['考评周期', 'Cycle'],
  stage: ['状态', 'Status'],
  composition: ['得分构成', 'How the score is made up'],
  formula: [
    '综合得分 = Σ（各项得分 × 占比）− 督察扣分；占比为该项权重占本期考评各项权重之和的比例。',
    'Composite = Σ (component score × share) − inspection deductions; a share is the weight over the sum of the weights this cycle gathers.',
  ],
  component: ['考评项目', 'Component'],
  weight: ['权重', 'Weight'],
  share: ['占比', 'Share'],
  score: ['得分', 'Score'],
  points: ['折合分', 'Points'],
  weighted: ['加权合计', 'Weighted total'],
  deductions: ['督察扣分', 'Inspection deductions'],
  complaintDeductions: ['投诉扣分（属实投诉）', 'Complaint deductions (confirmed complaints)'],
  composite: ['综合得分', 'Composite'],
  missing: ['缺失，按 0 分计', 'missing, counted as 0'],
  result: ['考评结果', 'Result'],
  rank: ['名次', 'Rank'],
  rankFromBottom: ['倒数名次', 'Rank from bottom'],
  star: ['星级变化', 'Star change'],
  monthlyStar: ['每月之星', 'Star of the month'],
  flags: ['标记', 'Flags'],
  none: ['无', 'none'],
  yes: ['是', 'yes'],
  kpis: ['经营指标（三自定目标）', 'KPIs against the manager’s targets'],
  kpi: ['指标', 'KPI'],
  target: ['自定目标', 'Target'],
  actual: ['实际', 'Actual'],
  met: ['达成', 'Met'],
  notMet: ['未达成', 'Not met'],
  inspection: ['督察检查', 'Inspection'],
  checkItem: ['检查项目', 'Check item'],
  outcome: ['结果', 'Outcome'],
  passed: ['合格', 'Passed'],
  failed: ['不合格', 'Failed'],
  deduction: ['扣分', 'Deduction'],
  note: ['说明', 'Note'],
  survey: ['客户满意度', 'Customer satisfaction'],
  surveyLine: [
    '满意率 {rate}，目标 {target}，{verdict}；回收 {n}/{of} 份。',
    'Satisfaction {rate}, target {target}: {verdict}; {n} of {of} answered.',
  ],
  comments: ['评价意见', 'Comments'],
  objection: ['申诉', 'Objection'],
  objectionLine: ['对 {components} 提出申诉：{reason}', 'Objected to {components}: {reason}'],
  decision: ['裁定', 'Decision'],
  history: ['近期成绩', 'Recent results'],
  signatures: ['审核与签字', 'Sign-off and signatures'],
  signedOff: ['县级审核', 'County sign-off'],
  approved: ['市级审批', 'City approval'],
  pending: ['尚未完成', 'not yet'],
  signManager: ['客户经理（签字）', 'Customer manager (signature)'],
  signCounty: ['县区负责人（签字）', 'County head (signature)'],
  signCity: ['市局考评组（签字、盖章）', 'City evaluation group (signature, seal)'],
  date: ['日期', 'Date'],
  printed: ['打印于', 'Printed'],
  round: ['第 {n} 轮', 'round {n}'],
} as const;

type Word = keyof typeof words;
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

class Writer {
  private section = 0;
  constructor(readonly lang: Language) {}
  w(k: Word, vars: Record<string, string | number> = {}): string {
    const text: string = words[k][this.lang === 'en' ? 1 : 0];
    return text.replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
  }
  h(k: Word): string {
    const n = this.section++;
    const label = this.lang === 'en' ? `${n + 1}. ${this.w(k)}` : `${numerals[n] ?? n + 1}、${this.w(k)}`;
    return `<h2>${escapeHtml(label)}</h2>`;
  }
  place(o: { name: string; nameEn: string } | null): string {
    return o ? (this.lang === 'en' ? o.nameEn : o.name) : '';
  }
}

const e = escapeHtml;
const num = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined
    ? '—'
    : v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (v: number, digits = 1) => `${num(v * 100, digits)}%`;
const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
const table = (head: string[], rows: string[], cls = '') =>
  `<table${cls ? ` class="${cls}"` : ''}><thead>${row(head.map(e), 'th')}</thead><tbody>${rows.join('')}</tbody></table>`;

function composition(s: ResultSheet, x: Writer): string {
  const ex = s.explanation;
  const scores = Object.fromEntries(s.scores.map((c) => [c.component, c.value]));
  const missing = new Set(s.scores.filter((c) => c.missing).map((c) => c.component));
  const b = compositeBreakdown(ex.weights, scores, ex.gathered, ex.deductions);
  const lines = b.lines.map((l) =>
    row([
      e(nameOf('component', l.component, x.lang)),
      num(l.weight, 0),
      percent(l.share),
      missing.has(l.component) ? `0 <span class="bad">（${e(x.w('missing'))}）</span>` : num(l.score),
      num(l.points),
    ]),
  );
  const sum = (label: string, value: string, cls = '') =>
    `<tr class="sum ${cls}"><td colspan="4">${e(label)}</td><td>${value}</td></tr>`;
  return (
    x.h('composition') +
    table(
      [x.w('component'), x.w('weight'), x.w('share'), x.w('score'), x.w('points')],
      [
        ...lines,
        sum(x.w('weighted'), num(b.weighted)),
        sum(x.w('deductions'), ex.inspectionDeductions ? `−${num(ex.inspectionDeductions)}` : num(0)),
        ...(ex.complaints.length
          ? [
              sum(
                `${x.w('complaintDeductions')} × ${ex.complaints.length}`,
                `−${num(b.deductions - ex.inspectionDeductions)}`,
              ),
            ]
          : []),
        sum(x.w('composite'), `<strong>${num(s.compositeScore)}</strong>`, 'total'),
      ],
      'numbers',
    ) +
    `<p class="small">${e(x.w('formula'))}</p>`
  );
}

function result(s: ResultSheet, x: Writer): string {
  const star = s.explanation.star;
  const flags = s.flagReasons.map((f) => flagReasonText(f, x.lang));
  const cells: [Word, string][] = [
    ['composite', `<strong>${num(s.compositeScore)}</strong>`],
    ['rank', s.rank ? `${s.rank} / ${s.cohortSize ?? '—'}` : '—'],
    ['rankFromBottom', s.rankFromBottom ? String(s.rankFromBottom) : '—'],
    ['star', star ? `${star.from} → ${star.to}` : '—'],
    ['monthlyStar', s.monthlyStar ? e(x.w('yes')) : '—'],
    ['flags', flags.length ? e(flags.join(x.lang === 'en' ? '; ' : '；')) : e(x.w('none'))],
  ];
  return x.h('result') + `<table class="pairs">${pairs(cells, x, 3)}</table>`;
}

function pairs(cells: [Word, string][], x: Writer, perRow: number): string {
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += perRow)
    rows.push(
      `<tr>${cells
        .slice(i, i + perRow)
        .map(([k, v]) => `<th>${e(x.w(k))}</th><td>${v}</td>`)
        .join('')}</tr>`,
    );
  return rows.join('');
}

function kpis(s: ResultSheet, x: Writer): string {
  if (!s.kpis) return '';
  const lines = s.kpis.map((k) =>
    row([
      e(nameOf('kpi', k.kpi, x.lang)),
      num(k.target),
      num(k.actual),
      k.met === null ? '—' : k.met ? e(x.w('met')) : `<span class="bad">${e(x.w('notMet'))}</span>`,
    ]),
  );
  return x.h('kpis') + table([x.w('kpi'), x.w('target'), x.w('actual'), x.w('met')], lines, 'numbers');
}

function inspection(s: ResultSheet, x: Writer): string {
  const items = s.explanation.inspection;
  if (!items) return '';
  const lines = items.map((i) =>
    row([
      e(nameOf('checkItem', i.item, x.lang)),
      i.passed ? e(x.w('passed')) : `<span class="bad">${e(x.w('failed'))}</span>`,
      i.passed ? '0' : `−${num(i.deduction)}`,
      e(i.note ?? ''),
    ]),
  );
  return x.h('inspection') + table([x.w('checkItem'), x.w('outcome'), x.w('deduction'), x.w('note')], lines);
}

function survey(s: ResultSheet, x: Writer): string {
  const v = s.explanation.survey;
  if (!v) return '';
  const verdict = v.meetsTarget ? x.w('met') : x.w('notMet');
  return (
    x.h('survey') +
    `<p>${e(x.w('surveyLine', { rate: percent(v.satisfactionRate), target: percent(v.target, 0), verdict, n: v.responses, of: v.invited }))}</p>`
  );
}

function comments(s: ResultSheet, x: Writer): string {
  const said = s.explanation.comments;
  if (!said.length) return '';
  const items = said.map((c) => {
    const round = c.round > 1 ? ` · ${x.w('round', { n: c.round })}` : '';
    return `<li><b>${e(nameOf('taskKind', c.kind, x.lang))}${e(round)} · ${e(c.by)}：</b>${e(c.text)}</li>`;
  });
  return x.h('comments') + `<ul class="comments">${items.join('')}</ul>`;
}

function objection(s: ResultSheet, x: Writer): string {
  const o = s.objection;
  if (!o) return '';
  const list = o.components.map((c) => nameOf('component', c, x.lang)).join(x.lang === 'en' ? ', ' : '、');
  const decision = o.decision
    ? `<p>${e(x.w('decision'))}：${e(nameOf('objectionDecision', o.decision, x.lang))}${o.decisionReason ? ` — ${e(o.decisionReason)}` : ''}</p>`
    : '';
  return (
    x.h('objection') +
    `<p>${e(x.w('objectionLine', { components: list, reason: o.reason }))}（${e(nameOf('objectionStatus', o.status, x.lang))}）</p>${decision}`
  );
}

function history(s: ResultSheet, x: Writer): string {
  const recent = s.explanation.history.slice(-6);
  if (recent.length < 2) return '';
  const lines = recent.map((h) =>
    row([
      e(`${nameOf('cycleType', h.type, x.lang)} ${h.period}`) + (h.evaluationId === s.evaluationId ? ' ◀' : ''),
      num(h.compositeScore),
      h.rank ? `${h.rank} / ${h.cohortSize ?? '—'}` : '—',
    ]),
  );
  return x.h('history') + table([x.w('cycle'), x.w('composite'), x.w('rank')], lines, 'numbers');
}

function signatures(s: ResultSheet, x: Writer): string {
  const decided = s.explanation.decisions.map((d) => {
    const label: Word = d.kind === 'COUNTY_SIGN_OFF' ? 'signedOff' : 'approved';
    const by = d.by ? `${e(d.by)} · ${e(shanghaiMinute(d.at))}` : `<span class="muted">${e(x.w('pending'))}</span>`;
    return [label, by] as [Word, string];
  });
  const line = (k: Word) =>
    `<div class="sign"><div>${e(x.w(k))}：</div><div class="blank"></div><div>${e(x.w('date'))}：<span class="blank short"></span></div></div>`;
  return (
    x.h('signatures') +
    `<table class="pairs">${pairs(decided, x, 2)}</table>` +
    `<div class="signs">${line('signManager')}${line('signCounty')}${line('signCity')}</div>`
  );
}

function sheetHtml(s: ResultSheet, lang: Language): string {
  const x = new Writer(lang);
  const head: [Word, string][] = [
    ['name', e(s.manager.name)],
    ['employeeNo', e(s.manager.employeeNo)],
    ['county', e(x.place(s.county))],
    ['cycle', e(cycleLabel(s.cycle.type, s.cycle.period, lang))],
    ['stage', e(nameOf('evaluationStage', s.stage, lang))],
    ['printed', e(shanghaiMinute(new Date()))],
  ];
  return `<section class="sheet" data-evaluation="${e(s.evaluationId)}">
<h1>${e(`${x.place(s.city)} ${x.w('title')}`.trim())}</h1>
<table class="pairs head">${pairs(head, x, 3)}</table>
${composition(s, x)}${result(s, x)}${kpis(s, x)}${inspection(s, x)}${survey(s, x)}${comments(s, x)}${objection(s, x)}${history(s, x)}${signatures(s, x)}
</section>`;
}

const style = `
@page { size: A4; margin: 12mm 14mm 14mm; }
* { box-sizing: border-box; }
html { background: #f0f2f5; }
body { margin: 0; font: 9.5pt/1.4 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #1f1f1f; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 12px auto; padding: 14mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8px; letter-spacing: 1px; }
h2 { font-size: 10.5pt; margin: 8px 0 3px; border-left: 3px solid #1677ff; padding-left: 6px; }
table { width: 100%; border-collapse: collapse; margin: 2px 0; break-inside: avoid; }
th, td { border: 1px solid #8c8c8c; padding: 2px 6px; text-align: left; vertical-align: top; }
thead th, .pairs th { background: #f5f5f5; font-weight: 600; white-space: nowrap; }
.numbers td:not(:first-child), .numbers th:not(:first-child) { text-align: right; }
.sum td { background: #fafafa; }
.sum.total td { font-size: 10.5pt; }
.small { font-size: 8.5pt; color: #595959; margin: 2px 0 0; }
.bad { color: #cf1322; }
.muted { color: #8c8c8c; }
ul.comments { margin: 2px 0; padding-left: 18px; }
p { margin: 2px 0; }
.signs { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8mm; margin-top: 6mm; break-inside: avoid; }
.sign .blank { border-bottom: 1px solid #1f1f1f; height: 9mm; margin-bottom: 3mm; }
.sign .blank.short { display: inline-block; width: 26mm; height: 1em; margin: 0; }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page; }
  .sheet:last-child { break-after: auto; }
}`;

/** One HTML document with every sheet, each on its own A4 page. */
export function renderResultSheets(sheets: ResultSheet[], lang: Language, title: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${e(title)}</title><style>${style}</style></head><body>${sheets.map((s) => sheetHtml(s, lang)).join('\n')}</body></html>`;
}
