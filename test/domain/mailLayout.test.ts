// One layout for every mail: the company at the top, a summary table, one button, a footer
// in Beijing time; no doubled punctuation when a reason already ends a sentence.
import { layoutMail, sentence } from '../../domain/mailLayout';
import { renderTaskNotification } from '../../domain/notifications';
import { renderOverdueDigest } from '../../domain/notifications';

const task = {
  kind: 'returned' as const,
  recipientName: '东城县负责人',
  taskKind: 'COUNTY_SIGN_OFF' as const,
  cycleLabel: '2026年11月考评',
  assigneeName: '东城县负责人',
  dueDate: '2026-12-13',
  taskUrl: 'http://x/app/#/tasks/1',
  reason: '督察扣分依据不足，请复核。',
  company: '示范市烟草专卖局（公司）',
};

test('a sentence ends once: “。” is added only when the text has no end of its own', () => {
  expect(sentence('请复核。', 'zh-CN')).toBe('请复核。');
  expect(sentence('请复核', 'zh-CN')).toBe('请复核。');
  expect(sentence('Check again!', 'en')).toBe('Check again!');
  expect(sentence('check again', 'en')).toBe('check again.');
  const text = renderTaskNotification(task, 'zh-CN').text;
  expect(text).toContain('原因：督察扣分依据不足，请复核。请重新审核');
  expect(text).not.toMatch(/。。|：：|，，/);
});

test("every mail: the company's name on top, a summary table, the button and a Beijing-time footer", () => {
  const zh = renderTaskNotification(task, 'zh-CN');
  expect(zh.text.split('\n')[0]).toBe('【示范市烟草专卖局（公司） · 考评系统】');
  expect(zh.text).toContain('考评周期：2026年11月考评');
  expect(zh.text).toContain('截止日期：2026-12-13（北京时间当日 24:00 前）');
  expect(zh.text).toContain(
    '本邮件由示范市烟草专卖局（公司）考评系统自动发送，请勿直接回复。文中日期和时间均为北京时间。',
  );
  expect(zh.html).toContain('<th align="left"');
  expect(zh.html).toContain('href="http://x/app/#/tasks/1"');
  const en = renderTaskNotification({ ...task, company: 'Demo City Company' }, 'en');
  expect(en.text).toContain('Due: 2026-12-13 (by midnight, Beijing time)');
  expect(en.text).toContain('All dates and times are Beijing time (UTC+8).');
  expect(en.html).toContain('Demo City Company · Kaoping evaluation system');
});

test('a digest lists its items as rows of the summary table and says how many are left out', () => {
  const item = {
    taskKind: 'SELF_ASSESSMENT' as const,
    managerName: '李娜',
    assigneeName: '李娜',
    dueDate: '2026-12-06',
    daysOverdue: 2,
    escalationLevel: 1,
  };
  const mail = renderOverdueDigest(
    { recipientName: '人力资源部', date: '2026-12-08', total: 3, items: [item, item], url: 'http://x/app/#/cycles' },
    'zh-CN',
  );
  expect(mail.text).toContain('自我评价（李娜）：办理人 李娜，截止 2026-12-06，已逾期 2 天，已督办 1 次');
  expect(mail.text).toContain('下表列出前 2 项，另有 1 项请在系统中查看。');
});

test('names and values are escaped in the HTML', () => {
  const m = layoutMail(
    {
      subject: 's',
      greeting: '<b>',
      paragraphs: ['"x"'],
      summary: [['<k>', '<v>']],
      action: { url: 'http://x/?a=1&b=2', label: 'go' },
    },
    'zh-CN',
    { company: '<script>' },
  );
  expect(m.html).not.toMatch(/<script>|<b>|<k>|<v>/);
  expect(m.html).toContain('href="http://x/?a=1&amp;b=2"');
});
