// 考评 Kaoping: the pages of every role, one page app without a build step. It talks to
// the JSON API with the signed-in user's token and in the chosen language.
(function () {
  const { el, field, readForm, showProblem } = window.Forms;
  let lang = localStorage.getItem('kaoping.lang') === 'en' ? 'en' : 'zh-CN';
  let token = sessionStorage.getItem('kaoping.token');
  let me = null;
  let refreshTimer = null;
  const t = (key) => window.I18N[lang][key] ?? key;
  const name = (group, key) => window.NAMES[group]?.[key]?.[lang === 'zh-CN' ? 0 : 1] ?? key;
  const main = () => document.getElementById('main');
  const has = (...roles) => !!me && me.roles.some((r) => roles.includes(r.role));
  const fmtTime = (iso) =>
    iso ? new Date(iso).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' }) : '';

  async function api(method, path, body) {
    const headers = { 'accept-language': lang };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (res.status === 401 && path !== '/api/auth/login') {
      token = null;
      sessionStorage.removeItem('kaoping.token');
      location.hash = '#/login';
    }
    return { status: res.status, ok: res.ok, body: json };
  }

  function header() {
    const top = document.getElementById('top');
    top.replaceChildren(
      ...[
        el('a', { class: 'brand', href: '#/inbox' }, '考评 Kaoping'),
        ...(me
          ? [
              el('a', { href: '#/inbox' }, t('inbox')),
              has('HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD', 'INSPECTOR', 'MARKETING_REVIEWER')
                ? el('a', { href: '#/cycles' }, t('cycles'))
                : null,
              has('HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD') ? el('a', { href: '#/quotas' }, t('quotas')) : null,
              has('HR', 'CITY_APPROVER', 'ADMIN', 'COUNTY_HEAD') ? el('a', { href: '#/cases' }, t('cases')) : null,
              el('a', { href: '#/pay' }, t('payroll')),
              has('ADMIN', 'HR') ? el('a', { href: '#/admin' }, t('admin')) : null,
            ]
          : []),
        el('span', { class: 'spacer' }),
        me ? el('a', { href: '#/account', id: 'account-link' }, `${t('loggedInAs')}: ${me.displayName}`) : null,
        el(
          'button',
          {
            class: 'link',
            id: 'lang-switch',
            onclick: () => {
              lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
              localStorage.setItem('kaoping.lang', lang);
              document.documentElement.lang = lang;
              route();
            },
          },
          t('language'),
        ),
        me
          ? el(
              'button',
              {
                class: 'link',
                onclick: async () => {
                  await api('POST', '/api/auth/logout');
                  token = null;
                  me = null;
                  sessionStorage.removeItem('kaoping.token');
                  location.hash = '#/login';
                },
              },
              t('logout'),
            )
          : null,
      ].filter(Boolean),
    );
  }

  // ---- login ----
  function viewLogin() {
    const form = el(
      'form',
      { class: 'card', id: 'login-form' },
      el('h1', {}, t('login')),
      field({ name: 'username', label: t('username'), type: 'text' }),
      field({ name: 'password', label: t('password'), type: 'password' }),
      el('button', { class: 'primary', type: 'submit' }, t('login')),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const res = await api('POST', '/api/auth/login', readForm(form));
      if (!res.ok) return showProblem(form, res.body, t);
      token = res.body.token;
      me = null; // another account may have been signed in in this tab
      sessionStorage.setItem('kaoping.token', token);
      location.hash = sessionStorage.getItem('kaoping.after') || '#/inbox';
      sessionStorage.removeItem('kaoping.after');
    });
    main().replaceChildren(form);
  }

  // ---- inbox ----
  async function viewInbox() {
    const [open, done] = await Promise.all([
      api('GET', '/api/tasks?status=OPEN'),
      api('GET', '/api/tasks?status=SUBMITTED'),
    ]);
    const rows = (tasks) =>
      tasks.map((x) =>
        el(
          'tr',
          {},
          el(
            'td',
            {},
            el(
              'a',
              { href: `#/tasks/${x.id}`, class: 'task-link', dataset: { kind: x.kind } },
              name('taskKind', x.kind),
            ),
          ),
          el('td', {}, x.evaluation ? `${x.evaluation.manager.name} (${x.evaluation.manager.employeeNo})` : ''),
          el('td', {}, `${name('cycleType', x.cycle.type)} ${x.cycle.period}`),
          el('td', {}, x.dueDate),
          el('td', {}, el('span', { class: `pill ${x.status}` }, name('taskStatus', x.status))),
        ),
      );
    const table = (tasks) =>
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el('tr', {}, ...[t('kind'), t('manager'), t('cycle'), t('due'), t('status')].map((h) => el('th', {}, h))),
        ),
        el('tbody', {}, rows(tasks)),
      );
    main().replaceChildren(
      el('h1', {}, t('inbox')),
      open.body.tasks.length ? table(open.body.tasks) : el('p', { class: 'muted' }, t('noTasks')),
      done.body.tasks.length
        ? el('details', {}, el('summary', {}, name('taskStatus', 'SUBMITTED')), table(done.body.tasks.slice(0, 50)))
        : null,
    );
  }

  // ---- one task ----
  const kpiNames = ['salesVolumeCompletion', 'orderSuccessRate', 'basicDataMaintenance'];
  const kpiFields = (prefix, values = {}) =>
    kpiNames.map((k) =>
      field({
        name: `${prefix}.${k}`,
        label: name('kpi', k),
        type: 'number',
        min: 0,
        max: k === 'salesVolumeCompletion' ? 300 : 100,
        value: values[k],
      }),
    );

  /** 三自定: the manager's own targets, plan and focus; a form while they may change it, else the record. */
  function periodPlanCard(evaluation) {
    const p = evaluation.periodPlan;
    if (!evaluation.periodPlanEditable) {
      if (!p)
        return el(
          'div',
          { class: 'card', id: 'period-plan' },
          el('h2', {}, t('periodPlan')),
          el('p', { class: 'muted' }, t('periodPlanNotSet')),
        );
      return el(
        'div',
        { class: 'card', id: 'period-plan' },
        el('h2', {}, t('periodPlan')),
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ...[t('kpi'), t('target'), t('actual'), t('met')].map((h) => el('th', {}, h)))),
          el(
            'tbody',
            {},
            ...p.outcome.map((o) =>
              el(
                'tr',
                {},
                el('td', {}, name('kpi', o.kpi)),
                el('td', {}, o.target),
                el('td', {}, o.actual ?? '—'),
                el('td', {}, o.met === null ? '—' : o.met ? `✓ ${t('yes')}` : `✗ ${t('no')}`),
              ),
            ),
          ),
        ),
        el('p', {}, el('strong', {}, `${t('planText')}：`), p.plan),
        el('p', {}, el('strong', {}, `${t('focusText')}：`), p.focus),
      );
    }
    const form = el(
      'form',
      { class: 'card', id: 'period-plan-form', novalidate: true },
      el('h2', {}, t('periodPlan')),
      el('p', { class: 'muted' }, t('periodPlanHint')),
      el('div', { class: 'row' }, ...kpiFields('targets', p?.targets)),
      field({ name: 'plan', label: t('planText'), type: 'textarea', value: p?.plan }),
      field({ name: 'focus', label: t('focusText'), type: 'text', value: p?.focus }),
      el('button', { class: 'secondary', type: 'submit' }, t('save')),
      el('span', { class: 'muted', id: 'period-plan-saved' }),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await api('PUT', `/api/evaluations/${evaluation.id}/period-plan`, readForm(form));
      if (!r.ok) return showProblem(form, r.body, t);
      window.Forms.clearErrors(form);
      form.querySelector('#period-plan-saved').textContent = ` ${t('saved')} ${fmtTime(r.body.updatedAt)}`;
    });
    return form;
  }
  // A task's form is rendered from its kind's entry in the task-kind registry
  // (window.TASK_KINDS, served from domain/taskKinds by /app/task-kinds.js).
  const kindOf = (kind) => (window.TASK_KINDS || []).find((k) => k.kind === kind);
  const text = (names) => names[lang] ?? names['zh-CN'];
  const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  async function taskFields(task) {
    const parts = [];
    for (const spec of kindOf(task.kind)?.form ?? []) parts.push(...(await formField(task, spec)));
    return parts;
  }

  async function formField(task, spec) {
    const base = { name: spec.name, visibleWhen: spec.visibleWhen };
    switch (spec.type) {
      case 'score':
        return [field({ ...base, label: text(spec.label), type: 'number', min: 0, max: 100 })];
      case 'text':
      case 'textarea':
        return [field({ ...base, label: text(spec.label), type: spec.type })];
      case 'date':
        return [field({ ...base, label: text(spec.label), type: 'date', value: todayInShanghai() })];
      case 'select':
        return [
          field({
            ...base,
            label: text(spec.label),
            type: 'select',
            options: spec.options.map((o) => [o.value, text(o.label)]),
          }),
        ];
      case 'fixed':
        return [field({ ...base, type: 'text', value: spec.value, hidden: true })];
      case 'kpis':
        return [el('div', { class: 'row' }, ...kpiFields(spec.name))];
      case 'checkItems':
        return [checkItemFields(spec.name)];
      case 'countyManager':
        return spec.cycleTypes.includes(task.cycle.type) ? [await countyManagerField(task, spec)] : [];
      case 'gradeProposals':
        return gradeProposalFields(task, spec.name);
      case 'gradeDecisions':
        return gradeSignOffFields(task, spec.name);
      default:
        return [];
    }
  }

  async function countyManagerField(task, spec) {
    const managers = (await api('GET', `/api/org/managers?countyId=${task.countyId}`)).body.managers || [];
    return field({
      name: spec.name,
      label: text(spec.label),
      type: 'select',
      options: [['', '—'], ...managers.map((m) => [m.id, `${m.name} (${m.employeeNo})`])],
    });
  }

  /** The inspection's check items: passed, deduction, note and evidence each. */
  function checkItemFields(prefix) {
    return el(
      'div',
      { dataset: { fieldGroup: prefix } },
      ...Object.keys(window.NAMES.checkItem).map((item, i) =>
        el(
          'div',
          { class: 'check-item', dataset: { fieldGroup: `${prefix}.${i}` } },
          el('strong', {}, name('checkItem', item)),
          field({ name: `${prefix}.${i}.item`, type: 'text', value: item, hidden: true }),
          el(
            'div',
            { class: 'row' },
            field({ name: `${prefix}.${i}.passed`, label: t('passed'), type: 'checkbox', value: true }),
            field({
              name: `${prefix}.${i}.deduction`,
              label: t('deduction'),
              type: 'number',
              min: 0,
              max: 100,
              value: 0,
            }),
          ),
          field({ name: `${prefix}.${i}.note`, label: t('note'), type: 'text' }),
          field({ name: `${prefix}.${i}.evidence`, label: t('evidence'), type: 'list' }),
        ),
      ),
    );
  }

  async function gradeProposalFields(task, prefix) {
    const review = (await api('GET', `/api/grade-reviews/${task.gradeReviewId}`)).body;
    const pending = new Set(
      task.round > 1
        ? review.managers
            .filter((m) => m.changes.some((c) => c.round === task.round - 1 && c.status === 'REJECTED'))
            .map((m) => m.managerId)
        : review.managers.map((m) => m.managerId),
    );
    const gradeOptions = Object.keys(window.NAMES.grade).map((g) => [g, name('grade', g)]);
    const rows = review.managers
      .filter((m) => pending.has(m.managerId))
      .map((m, i) =>
        el(
          'tr',
          {},
          el('td', {}, `${m.name} (${m.employeeNo})`),
          el('td', {}, name('grade', m.grade)),
          el(
            'td',
            {},
            `${m.basicConditions.education} / ${m.basicConditions.yearsOfWork} / ${m.basicConditions.yearsInPost}`,
          ),
          el('td', {}, m.skill ? `${m.skill.score} ${m.skill.skillLevel ?? ''}` : '—'),
          el('td', {}, m.annual ? `${m.annual.compositeScore} (${m.annual.rank}/${m.annual.cohortSize})` : '—'),
          el(
            'td',
            { dataset: { fieldGroup: `${prefix}.${i}` } },
            field({ name: `${prefix}.${i}.managerId`, type: 'text', value: m.managerId, hidden: true }),
            field({
              name: `${prefix}.${i}.proposedGrade`,
              label: t('proposedGrade'),
              type: 'select',
              options: gradeOptions,
              value: m.grade,
            }),
          ),
          el('td', {}, field({ name: `${prefix}.${i}.reason`, label: t('reason'), type: 'text' })),
        ),
      );
    return [
      el(
        'table',
        { dataset: { fieldGroup: prefix } },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[
              t('manager'),
              t('currentGrade'),
              t('educationYears'),
              t('skill'),
              t('annual'),
              t('proposedGrade'),
              t('reason'),
            ].map((h) => el('th', {}, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
    ];
  }

  async function gradeSignOffFields(task, prefix) {
    const review = (await api('GET', `/api/grade-reviews/${task.gradeReviewId}`)).body;
    const changes = review.managers.flatMap((m) =>
      m.changes.filter((c) => c.round === task.round && c.status === 'PROPOSED').map((c) => ({ ...c, m })),
    );
    const rows = changes.map((c, i) =>
      el(
        'tr',
        {},
        el('td', {}, `${c.m.name} (${c.m.employeeNo})`),
        el('td', {}, `${name('grade', c.fromGrade)} → ${name('grade', c.toGrade)}`),
        el('td', {}, c.reason),
        el('td', {}, c.effectiveDate),
        el(
          'td',
          { dataset: { fieldGroup: `${prefix}.${i}` } },
          field({ name: `${prefix}.${i}.managerId`, type: 'text', value: c.managerId, hidden: true }),
          field({
            name: `${prefix}.${i}.decision`,
            label: t('decision'),
            type: 'select',
            options: [
              ['approve', t('approve')],
              ['reject', t('reject')],
            ],
          }),
          field({
            name: `${prefix}.${i}.reason`,
            label: t('reason'),
            type: 'text',
            visibleWhen: { field: `${prefix}.${i}.decision`, in: ['reject'] },
          }),
        ),
      ),
    );
    return [
      el(
        'table',
        { dataset: { fieldGroup: prefix } },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[t('manager'), t('proposedGrade'), t('reason'), t('effectiveDate'), t('decision')].map((h) =>
              el('th', {}, h),
            ),
          ),
        ),
        el('tbody', {}, rows),
      ),
    ];
  }

  async function viewTask(id) {
    const res = await api('GET', `/api/tasks/${id}`);
    if (!res.ok) return main().replaceChildren(el('div', { class: 'problem' }, res.body.title));
    const task = res.body.task;
    const who = task.evaluation ? `${task.evaluation.manager.name} (${task.evaluation.manager.employeeNo})` : '';
    const info = el(
      'div',
      { class: 'card' },
      el('h1', {}, `${name('taskKind', task.kind)} · ${name('cycleType', task.cycle.type)} ${task.cycle.period}`),
      el(
        'p',
        {},
        who ? `${t('manager')}: ${who} · ` : '',
        `${t('due')}: ${task.dueDate} · ${t('assignee')}: ${task.assignee.displayName} · `,
        el('span', { class: `pill ${task.status}` }, name('taskStatus', task.status)),
      ),
      task.evaluationId ? el('a', { href: `#/managers/${task.evaluation.managerId}/timeline` }, t('timeline')) : null,
    );
    const parts = [info];
    const kind = kindOf(task.kind);
    if (kind?.showsPeriodPlan) {
      const evaluation = await api('GET', `/api/evaluations/${task.evaluationId}`);
      if (evaluation.ok) parts.push(periodPlanCard(evaluation.body));
    }
    if (task.status === 'OPEN' && task.assigneeId === me.id && kind?.submittedByStaff) {
      const form = el(
        'form',
        { class: 'card', id: 'task-form', novalidate: true },
        ...(await taskFields(task)),
        el('button', { class: 'primary', type: 'submit' }, t('submit')),
      );
      window.Forms.watchVisibility(form);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('POST', `/api/tasks/${task.id}/submission`, readForm(form));
        if (!r.ok) return showProblem(form, r.body, t);
        form.replaceWith(el('div', { class: 'notice', id: 'task-done' }, t('submitted')));
      });
      parts.push(form);
    } else if (task.submission) {
      parts.push(el('div', { class: 'card' }, el('pre', {}, JSON.stringify(task.submission.payload, null, 2))));
    }
    if (task.status === 'OPEN' && has('HR')) {
      const extend = el(
        'form',
        { class: 'card', id: 'extend-form', novalidate: true },
        el('h2', {}, `${t('hrTools')}: ${t('extend')}`),
        field({ name: 'dueDate', label: t('newDueDate'), type: 'date' }),
        field({ name: 'reason', label: t('reason'), type: 'text' }),
        el('button', { class: 'secondary', type: 'submit' }, t('extend')),
      );
      extend.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('POST', `/api/tasks/${task.id}/extend`, readForm(extend));
        if (!r.ok) return showProblem(extend, r.body, t);
        extend.replaceWith(el('div', { class: 'notice' }, `${t('extended')}: ${r.body.dueDate}`));
      });
      parts.push(extend);
      if (kind?.submittedByStaff) {
        const people = (await api('GET', `/api/tasks/${task.id}/assignees`)).body.users || [];
        const reassign = el(
          'form',
          { class: 'card', id: 'reassign-form', novalidate: true },
          el('h2', {}, `${t('hrTools')}: ${t('reassign')}`),
          field({
            name: 'assigneeId',
            label: t('assignee'),
            type: 'select',
            options: people
              .filter((p) => p.id !== task.assigneeId)
              .map((p) => [p.id, `${p.displayName} (${p.username})`]),
          }),
          field({ name: 'reason', label: t('reason'), type: 'text' }),
          el('button', { class: 'secondary', type: 'submit' }, t('reassign')),
        );
        reassign.addEventListener('submit', async (e) => {
          e.preventDefault();
          const r = await api('POST', `/api/tasks/${task.id}/reassign`, readForm(reassign));
          if (!r.ok) return showProblem(reassign, r.body, t);
          route();
        });
        parts.push(reassign);
      }
    }
    main().replaceChildren(...parts);
  }

  // ---- cycles (HR's dashboard) ----
  async function viewCycles() {
    const [cycles, counties] = await Promise.all([api('GET', '/api/cycles'), api('GET', '/api/org/counties')]);
    const parts = [el('h1', {}, t('cycles'))];
    if (has('HR')) {
      const form = el(
        'form',
        { class: 'card', id: 'open-cycle-form', novalidate: true },
        el('h2', {}, t('openCycle')),
        el(
          'div',
          { class: 'row' },
          field({
            name: 'type',
            label: t('type'),
            type: 'select',
            options: Object.keys(window.NAMES.cycleType).map((k) => [k, name('cycleType', k)]),
          }),
          field({ name: 'period', label: `${t('period')} (2026-11 / 2026-Q4 / 2026-H2 / 2026)`, type: 'text' }),
          field({
            name: 'countyId',
            label: t('county'),
            type: 'select',
            options: [
              ['', t('wholeCity')],
              ...(counties.body.counties || []).map((c) => [c.id, lang === 'zh-CN' ? c.name : c.nameEn]),
            ],
          }),
        ),
        el('button', { class: 'primary', type: 'submit' }, t('openCycle')),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('POST', '/api/cycles', readForm(form));
        if (!r.ok) return showProblem(form, r.body, t);
        location.hash = `#/cycles/${r.body.id}`;
      });
      parts.push(form);
    }
    parts.push(
      el(
        'table',
        { id: 'cycle-list' },
        el('thead', {}, el('tr', {}, ...[t('cycle'), t('status'), t('opened')].map((h) => el('th', {}, h)))),
        el(
          'tbody',
          {},
          ...(cycles.body.cycles || []).map((c) =>
            el(
              'tr',
              {},
              el(
                'td',
                {},
                el(
                  'a',
                  { href: `#/cycles/${c.id}` },
                  `${name('cycleType', c.type)} ${c.period} · ${c.scope ? (lang === 'zh-CN' ? c.scope.name : c.scope.nameEn) : ''}`,
                ),
              ),
              el('td', {}, name('cycleStatus', c.status)),
              el('td', {}, fmtTime(c.openedAt)),
            ),
          ),
        ),
      ),
    );
    if (has('HR', 'CITY_APPROVER', 'ADMIN')) parts.push(await calendarCard());
    main().replaceChildren(...parts);
  }

  /** 考评日历: when each cycle type opens; HR moves the day and time or pauses one, with a note. */
  async function calendarCard() {
    const res = await api('GET', '/api/calendars');
    const card = el('div', { class: 'card', id: 'calendars' }, el('h2', {}, t('calendar')));
    if (!res.ok) return card;
    const present = res.body.calendars.filter((c) => !c.missing);
    const pad = (n) => String(n).padStart(2, '0');
    card.append(
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[t('type'), t('opensOn'), t('status'), t('nextOpenings'), t('note')].map((h) => el('th', {}, h)),
          ),
        ),
        el(
          'tbody',
          {},
          ...present.map((c) =>
            el(
              'tr',
              { dataset: { type: c.type } },
              el('td', {}, name('cycleType', c.type)),
              el(
                'td',
                {},
                `${t('dayOfMonthPrefix')}${c.dayOfMonth}${t('dayOfMonthSuffix')} ${pad(c.hour)}:${pad(c.minute)}`,
              ),
              el(
                'td',
                {},
                el(
                  'span',
                  { class: `pill ${c.paused ? 'CANCELLED' : 'SUBMITTED'}` },
                  c.paused ? t('paused') : t('running'),
                ),
              ),
              el('td', {}, c.nextOpenings.join('，') || '—'),
              el('td', {}, c.note ?? ''),
            ),
          ),
        ),
      ),
    );
    if (has('HR') && present.length) {
      const form = el(
        'form',
        { id: 'calendar-form', novalidate: true },
        el('h3', {}, t('changeCalendar')),
        el(
          'div',
          { class: 'row' },
          field({
            name: 'type',
            label: t('type'),
            type: 'select',
            options: present.map((c) => [c.type, name('cycleType', c.type)]),
          }),
          field({
            name: 'dayOfMonth',
            label: t('dayOfMonth'),
            type: 'number',
            min: 1,
            max: 28,
            value: present[0].dayOfMonth,
          }),
          field({ name: 'hour', label: t('hour'), type: 'number', min: 0, max: 23, value: present[0].hour }),
          field({ name: 'minute', label: t('minute'), type: 'number', min: 0, max: 59, value: present[0].minute }),
        ),
        field({ name: 'paused', label: t('pauseCalendar'), type: 'checkbox', value: present[0].paused }),
        field({ name: 'note', label: t('note'), type: 'text' }),
        el('button', { class: 'secondary', type: 'submit' }, t('save')),
      );
      form.querySelector('select[name=type]').addEventListener('change', (e) => {
        const c = present.find((x) => x.type === e.target.value);
        for (const k of ['dayOfMonth', 'hour', 'minute']) form.querySelector(`[name=${k}]`).value = c[k];
        form.querySelector('[name=paused]').checked = c.paused;
      });
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const { type, ...body } = readForm(form);
        const r = await api('PUT', `/api/calendars/${type}`, body);
        if (!r.ok) return showProblem(form, r.body, t);
        route();
      });
      card.append(form);
    }
    return card;
  }

  function histogram(scores) {
    const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, n: 0 }));
    for (const s of scores) bins[Math.min(9, Math.floor(s / 10))].n++;
    const max = Math.max(1, ...bins.map((b) => b.n));
    const w = 40,
      hgt = 120;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const top = 16; // room for the count above the tallest bar
    svg.setAttribute('viewBox', `0 0 ${bins.length * w + 10} ${hgt + top + 25}`);
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '170');
    svg.setAttribute('id', 'score-chart');
    svg.setAttribute('role', 'img');
    bins.forEach((b, i) => {
      const bh = (b.n / max) * hgt;
      const rect = document.createElementNS(svg.namespaceURI, 'rect');
      Object.entries({ x: i * w + 8, y: top + hgt - bh, width: w - 6, height: bh, fill: '#0a6e4f' }).forEach(([k, v]) =>
        rect.setAttribute(k, v),
      );
      const label = document.createElementNS(svg.namespaceURI, 'text');
      Object.entries({ x: i * w + 10, y: top + hgt + 16 }).forEach(([k, v]) => label.setAttribute(k, v));
      label.textContent = `${b.from}–${b.from + 10}`;
      const count = document.createElementNS(svg.namespaceURI, 'text');
      Object.entries({ x: i * w + 20, y: top + hgt - bh - 4 }).forEach(([k, v]) => count.setAttribute(k, v));
      count.textContent = b.n ? String(b.n) : '';
      svg.append(rect, label, count);
    });
    return svg;
  }

  async function viewCycle(id) {
    const [status, results, overdue] = await Promise.all([
      api('GET', `/api/cycles/${id}/status`),
      api('GET', `/api/cycles/${id}/results`),
      api('GET', `/api/cycles/${id}/overdue`),
    ]);
    if (!status.ok) return main().replaceChildren(el('div', { class: 'problem' }, status.body.title));
    const c = status.body.cycle;
    const flow = Object.keys(window.NAMES.taskKind);
    const stageRows = status.body.byCountyAndStage
      .sort(
        (a, b) =>
          (a.county?.code ?? '').localeCompare(b.county?.code ?? '') || flow.indexOf(a.kind) - flow.indexOf(b.kind),
      )
      .map((r) => {
        const done = r.submitted + r.closedMissing;
        return el(
          'tr',
          {},
          el('td', {}, r.county ? (lang === 'zh-CN' ? r.county.name : r.county.nameEn) : ''),
          el('td', {}, name('taskKind', r.kind)),
          el(
            'td',
            {},
            el(
              'div',
              { class: 'bar', title: `${done}/${r.total}` },
              el('span', { style: `width:${r.total ? Math.round((100 * done) / r.total) : 0}%` }),
            ),
            `${done}/${r.total}`,
          ),
          el('td', {}, r.overdue),
          el('td', {}, r.escalated),
          el('td', {}, r.closedMissing),
        );
      });
    const scores = [];
    const rankingTables = (results.body.counties || []).map((county) =>
      el(
        'div',
        { class: 'card' },
        el('h2', {}, county.county ? (lang === 'zh-CN' ? county.county.name : county.county.nameEn) : ''),
        el(
          'table',
          { class: 'ranking' },
          el(
            'thead',
            {},
            el('tr', {}, ...[t('rank'), t('manager'), t('score'), t('star'), t('flags')].map((h) => el('th', {}, h))),
          ),
          el(
            'tbody',
            {},
            ...county.ranking.map((r) => {
              if (r.compositeScore !== null) scores.push(r.compositeScore);
              return el(
                'tr',
                {},
                el('td', {}, r.rank ?? '—'),
                el(
                  'td',
                  {},
                  el(
                    'a',
                    { href: `#/managers/${r.manager.id}/timeline` },
                    `${r.manager.name} (${r.manager.employeeNo})`,
                  ),
                ),
                el('td', {}, r.compositeScore ?? '—'),
                el('td', {}, r.monthlyStar ? '★' : ''),
                el(
                  'td',
                  {},
                  [...(r.flagReasons || []), ...(r.bottomRankFlag || []).map((f) => `末位:${f}`)].join(', '),
                ),
              );
            }),
          ),
        ),
      ),
    );
    const upload = has('MARKETING_REVIEWER') ? kpiUpload(id) : '';
    main().replaceChildren(
      el('h1', {}, `${name('cycleType', c.type)} ${c.period} · ${name('cycleStatus', c.status)}`),
      el('p', { class: 'muted' }, t('refresh')),
      upload,
      el(
        'div',
        { class: 'card' },
        el(
          'p',
          {},
          `${t('total')}: ${status.body.totals.total} · ${name('taskStatus', 'OPEN')}: ${status.body.totals.open} · ${name('taskStatus', 'SUBMITTED')}: ${status.body.totals.submitted} · ${t('overdue')}: ${status.body.totals.overdue} · ${t('escalated')}: ${status.body.totals.escalated} · ${t('closedMissing')}: ${status.body.totals.closedMissing}`,
        ),
        el(
          'table',
          { id: 'stage-table' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...[t('county'), t('stage'), t('progress'), t('overdue'), t('escalated'), t('closedMissing')].map((h) =>
                el('th', {}, h),
              ),
            ),
          ),
          el('tbody', {}, stageRows),
        ),
      ),
      overdue.ok && overdue.body.total
        ? el(
            'div',
            { class: 'card', id: 'overdue' },
            el('h2', {}, `${t('overdueTasks')} (${overdue.body.total})`),
            el(
              'table',
              {},
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  ...[t('kind'), t('manager'), t('county'), t('assignee'), t('due'), t('escalated')].map((h) =>
                    el('th', {}, h),
                  ),
                ),
              ),
              el(
                'tbody',
                {},
                ...overdue.body.tasks.map((x) =>
                  el(
                    'tr',
                    {},
                    el('td', {}, el('a', { href: `#/tasks/${x.id}` }, name('taskKind', x.kind))),
                    el(
                      'td',
                      {},
                      x.evaluation ? `${x.evaluation.manager.name} (${x.evaluation.manager.employeeNo})` : '',
                    ),
                    el('td', {}, x.county ? (lang === 'zh-CN' ? x.county.name : x.county.nameEn) : ''),
                    el('td', {}, x.assignee.displayName),
                    el('td', {}, x.dueDate),
                    el('td', {}, x.escalationLevel ? `${x.escalationLevel}` : ''),
                  ),
                ),
              ),
            ),
          )
        : '',
      el('div', { class: 'card' }, el('h2', {}, t('distribution')), histogram(scores)),
      el('h2', {}, t('ranking')),
      el(
        'p',
        {},
        downloadButton(t('exportXlsx'), `/api/cycles/${id}/results?format=xlsx`, `results-${c.period}.xlsx`),
        ' ',
        downloadButton(t('exportCsv'), `/api/cycles/${id}/results?format=csv`, `results-${c.period}.csv`),
      ),
      ...rankingTables,
    );
    refreshTimer = setTimeout(() => {
      if (location.hash === `#/cycles/${id}`) route();
    }, 10_000);
  }

  /** A marketing reviewer uploads the county's KPIs and reviews as one CSV file; a bad row rejects the file with its line. */
  function kpiUpload(cycleId) {
    const input = el('input', { type: 'file', accept: '.csv,text/csv', id: 'kpi-file' });
    const out = el('div', { id: 'kpi-result' });
    const form = el(
      'form',
      { class: 'card', id: 'kpi-form' },
      el('h2', {}, t('importCsv')),
      el('p', { class: 'muted' }, '员工编号,销量完成率,访销成功率,基础数据维护,审核评分,审核意见'),
      input,
      ' ',
      el('button', { class: 'secondary', type: 'submit' }, t('submit')),
      out,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearTimeout(refreshTimer);
      const file = input.files?.[0];
      if (!file) return;
      const res = await fetch(`/api/cycles/${cycleId}/marketing-reviews/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'accept-language': lang, 'content-type': 'text/csv' },
        body: await file.text(),
      });
      const body = await res.json();
      out.replaceChildren(
        res.ok
          ? el('div', { class: 'notice' }, `${t('imported')}: ${body.imported} (${body.alreadySubmitted})`)
          : el('div', { class: 'problem' }, body.title, ...(body.errors || []).map((x) => el('div', {}, x.message))),
      );
    });
    return form;
  }

  async function viewTimeline(managerId) {
    const res = await api('GET', `/api/managers/${managerId}/timeline`);
    if (!res.ok) return main().replaceChildren(el('div', { class: 'problem' }, res.body.title));
    main().replaceChildren(
      el('h1', {}, `${t('timeline')} · ${res.body.manager.name} (${res.body.manager.employeeNo})`),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...[t('when'), t('what'), t('kind'), t('who')].map((h) => el('th', {}, h)))),
        el(
          'tbody',
          {},
          ...res.body.events.map((e) =>
            el(
              'tr',
              {},
              el('td', {}, fmtTime(e.at)),
              el('td', {}, e.action),
              el('td', {}, e.taskKind ? name('taskKind', e.taskKind) : ''),
              el('td', {}, e.actor),
            ),
          ),
        ),
      ),
    );
  }

  async function viewEvaluation(id) {
    const res = await api('GET', `/api/evaluations/${id}`);
    if (!res.ok) return main().replaceChildren(el('div', { class: 'problem' }, res.body.title));
    const e = res.body;
    main().replaceChildren(
      el('h1', {}, `${e.manager.name} · ${name('cycleType', e.cycle.type)} ${e.cycle.period}`),
      el(
        'p',
        {},
        `${t('score')}: ${e.compositeScore ?? '—'} · ${t('rank')}: ${e.rank ?? '—'}/${e.cohortSize ?? '—'}${e.monthlyStar ? ' · ★' : ''}`,
      ),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', {}, t('component')), el('th', {}, t('value')))),
        el(
          'tbody',
          {},
          ...e.scores.map((s) =>
            el(
              'tr',
              {},
              el('td', {}, name('component', s.component)),
              el('td', {}, s.missing ? `0 (${t('closedMissing')})` : s.value),
            ),
          ),
        ),
      ),
      periodPlanCard(e),
    );
  }

  async function viewQuotas() {
    const res = await api('GET', '/api/grade-quotas');
    if (!res.ok) return main().replaceChildren(el('div', { class: 'problem' }, res.body.title));
    const rows = (usage) =>
      usage.map((u) =>
        el(
          'tr',
          {},
          el('td', {}, name('level', u.level)),
          el(
            'td',
            {},
            el(
              'div',
              { class: `bar${u.count > u.cap ? ' over' : ''}` },
              el('span', { style: `width:${Math.min(100, Math.round((100 * u.count) / Math.max(1, u.cap)))}%` }),
            ),
          ),
          el('td', {}, `${u.count} / ${u.cap}`),
        ),
      );
    const table = (title, usage) =>
      el(
        'div',
        { class: 'card' },
        el('h2', {}, title),
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', {}, t('level')),
              el('th', {}, t('progress')),
              el('th', {}, `${t('count')} / ${t('cap')}`),
            ),
          ),
          el('tbody', {}, rows(usage)),
        ),
      );
    main().replaceChildren(
      el('h1', {}, `${t('quotas')} (${res.body.headCount})`),
      table(t('now'), res.body.now),
      table(t('afterApproved'), res.body.afterApprovedChanges),
      el(
        'p',
        {},
        `${t('gradeChanges')}: `,
        downloadButton(t('exportXlsx'), '/api/grade-changes?format=xlsx', 'grade-changes.xlsx'),
        ' ',
        downloadButton(t('exportCsv'), '/api/grade-changes?format=csv', 'grade-changes.csv'),
      ),
    );
  }

  async function viewCases() {
    const res = await api('GET', '/api/bottom-rank-cases');
    if (!res.ok) return main().replaceChildren(el('div', { class: 'problem' }, res.body.title));
    main().replaceChildren(
      el('h1', {}, t('cases')),
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[t('manager'), t('period'), t('status'), t('action'), t('reason')].map((h) => el('th', {}, h)),
          ),
        ),
        el(
          'tbody',
          {},
          ...res.body.cases.map((c) =>
            el(
              'tr',
              {},
              el('td', {}, `${c.manager.name} (${c.manager.employeeNo})`),
              el('td', {}, c.flag.period),
              el('td', {}, c.status),
              el('td', {}, c.action ? name('action', c.action) : ''),
              el('td', {}, c.reason ?? ''),
            ),
          ),
        ),
      ),
    );
  }

  async function viewPay() {
    const month =
      sessionStorage.getItem('kaoping.payMonth') || new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const form = el(
      'form',
      { class: 'card', id: 'pay-form' },
      el(
        'div',
        { class: 'row' },
        field({ name: 'month', label: `${t('month')} (YYYY-MM)`, type: 'text', value: month }),
      ),
      el('button', { class: 'secondary', type: 'submit' }, t('open')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem('kaoping.payMonth', readForm(form).month || '');
      route();
    });
    const res = await api('GET', `/api/pay/statements?month=${encodeURIComponent(month)}`);
    const parts = [el('h1', {}, t('payroll')), form];
    if (!res.ok) {
      parts.push(el('div', { class: 'problem' }, res.body.detail || res.body.title));
      return main().replaceChildren(...parts);
    }
    const download = el(
      'span',
      {},
      downloadButton(
        t('exportXlsx'),
        `/api/pay/statements?month=${encodeURIComponent(month)}&format=xlsx`,
        `pay-${month}.xlsx`,
      ),
      ' ',
      downloadButton(
        t('exportCsv'),
        `/api/pay/statements?month=${encodeURIComponent(month)}&format=csv`,
        `pay-${month}.csv`,
      ),
    );
    const cols = [
      'employeeNo',
      'name',
      'county',
      'assessedGrade',
      'payGrade',
      'basePostWage',
      'floatingWage',
      'seniorityWage',
      'performanceCoefficient',
      'performanceWage',
      'total',
    ];
    const heads =
      lang === 'zh-CN'
        ? [
            '工号',
            '姓名',
            '县区',
            '评定等级',
            '计薪等级',
            '岗位基本工资',
            '岗位浮动工资',
            '年功工资',
            '绩效系数',
            '绩效工资',
            '应发合计',
          ]
        : [
            'No.',
            'Name',
            'County',
            'Assessed grade',
            'Paid at',
            'Base',
            'Floating',
            'Seniority',
            'Perf. coeff.',
            'Performance',
            'Total',
          ];
    parts.push(
      download,
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', {}, h)))),
        el(
          'tbody',
          {},
          ...res.body.statements.map((s) =>
            el('tr', {}, ...cols.map((k) => el('td', {}, k.endsWith('Grade') ? name('grade', s[k]) : s[k]))),
          ),
        ),
      ),
      el('p', {}, `${t('total')}: ${res.body.totals.managers} · ${res.body.totals.total}`),
    );
    main().replaceChildren(...parts);
  }

  // ---- administration: staff accounts, roles, counties ----
  const staffRoles = [
    'INSPECTOR',
    'MARKETING_REVIEWER',
    'INDUSTRY_PARTNER',
    'COUNTY_HEAD',
    'CITY_APPROVER',
    'HR',
    'ADMIN',
  ];
  async function viewAdmin() {
    const [users, counties] = await Promise.all([
      api('GET', '/api/admin/users?includeInactive=true'),
      api('GET', '/api/org/counties'),
    ]);
    if (!users.ok) return main().replaceChildren(el('div', { class: 'problem' }, users.body.title));
    const canWrite = has('ADMIN');
    const scopeOptions = [
      ['CITY', t('wholeCity')],
      ...counties.body.counties.map((c) => [c.code, `${lang === 'zh-CN' ? c.name : c.nameEn} (${c.code})`]),
    ];
    const roleText = (r) => `${name('role', r.role)} · ${r.scope === 'CITY' ? t('wholeCity') : r.scope}`;
    const rows = users.body.users.map((u) =>
      el(
        'tr',
        { dataset: { username: u.username } },
        el('td', {}, u.username),
        el('td', {}, u.displayName),
        el('td', {}, u.email),
        el('td', {}, u.roles.map(roleText).join('；')),
        el(
          'td',
          {},
          el('span', { class: `pill ${u.active ? 'SUBMITTED' : 'CANCELLED'}` }, u.active ? t('active') : t('closed')),
        ),
        el(
          'td',
          {},
          canWrite && !u.roles.some((r) => r.role === 'MANAGER') && u.id !== me.id
            ? el(
                'button',
                {
                  class: 'link',
                  onclick: async () => {
                    const reason = prompt(t('reason'));
                    if (!reason) return;
                    const r = await api('POST', `/api/admin/users/${u.id}/active`, { active: !u.active, reason });
                    if (!r.ok) return alert(r.body.detail || r.body.title);
                    if (r.body.openTasks) alert(`${t('openTasksToReassign')}: ${r.body.openTasks}`);
                    route();
                  },
                },
                u.active ? t('closeAccount') : t('reopenAccount'),
              )
            : '',
        ),
      ),
    );
    const parts = [
      el('h1', {}, t('admin')),
      el(
        'table',
        { id: 'user-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[t('username'), t('displayName'), t('email'), t('roles'), t('status'), ''].map((h) => el('th', {}, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
    ];
    if (canWrite) {
      const userForm = el(
        'form',
        { class: 'card', id: 'new-user-form', novalidate: true },
        el('h2', {}, t('newUser')),
        el(
          'div',
          { class: 'row' },
          field({ name: 'username', label: t('username'), type: 'text' }),
          field({ name: 'displayName', label: t('displayName'), type: 'text' }),
          field({ name: 'email', label: t('email'), type: 'text' }),
        ),
        el(
          'div',
          { class: 'row', dataset: { fieldGroup: 'roles' } },
          field({
            name: 'roles.0.role',
            label: t('role'),
            type: 'select',
            options: staffRoles.map((r) => [r, name('role', r)]),
          }),
          field({ name: 'roles.0.scope', label: t('scope'), type: 'select', options: scopeOptions }),
        ),
        field({ name: 'password', label: t('initialPassword'), type: 'password' }),
        el('button', { class: 'primary', type: 'submit' }, t('create')),
      );
      userForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('POST', '/api/admin/users', readForm(userForm));
        if (!r.ok) return showProblem(userForm, r.body, t);
        route();
      });
      const countyForm = el(
        'form',
        { class: 'card', id: 'new-county-form', novalidate: true },
        el('h2', {}, t('newCounty')),
        el(
          'div',
          { class: 'row' },
          field({ name: 'code', label: t('code'), type: 'text' }),
          field({ name: 'name', label: t('nameZh'), type: 'text' }),
          field({ name: 'nameEn', label: t('nameEn'), type: 'text' }),
        ),
        el('button', { class: 'secondary', type: 'submit' }, t('create')),
      );
      countyForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('POST', '/api/admin/counties', readForm(countyForm));
        if (!r.ok) return showProblem(countyForm, r.body, t);
        route();
      });
      const staff = users.body.users.filter((u) => !u.roles.some((r) => r.role === 'MANAGER'));
      const userOptions = staff.map((u) => [u.id, `${u.displayName} (${u.username})`]);
      const rolesForm = el(
        'form',
        { class: 'card', id: 'roles-form', novalidate: true },
        el('h2', {}, t('changeRoles')),
        el('p', { class: 'muted' }, t('changeRolesHint')),
        el(
          'div',
          { class: 'row', dataset: { fieldGroup: 'roles' } },
          field({ name: 'userId', label: t('username'), type: 'select', options: userOptions }),
          field({
            name: 'roles.0.role',
            label: t('role'),
            type: 'select',
            options: staffRoles.map((r) => [r, name('role', r)]),
          }),
          field({ name: 'roles.0.scope', label: t('scope'), type: 'select', options: scopeOptions }),
        ),
        el('button', { class: 'secondary', type: 'submit' }, t('save')),
      );
      rolesForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        const { userId, ...body } = readForm(rolesForm);
        const r = await api('PUT', `/api/admin/users/${userId}/roles`, body);
        if (!r.ok) return showProblem(rolesForm, r.body, t);
        route();
      });
      const passwordForm = el(
        'form',
        { class: 'card', id: 'password-form', novalidate: true },
        el('h2', {}, t('resetPassword')),
        el(
          'div',
          { class: 'row' },
          field({
            name: 'userId',
            label: t('username'),
            type: 'select',
            options: users.body.users.map((u) => [u.id, `${u.displayName} (${u.username})`]),
          }),
          field({ name: 'password', label: t('newPassword'), type: 'password' }),
        ),
        el('button', { class: 'secondary', type: 'submit' }, t('save')),
        el('span', { class: 'muted', id: 'password-done' }),
      );
      passwordForm.addEventListener('submit', async (e) => {
        e.preventDefault();
        const { userId, ...body } = readForm(passwordForm);
        const r = await api('POST', `/api/admin/users/${userId}/password`, body);
        if (!r.ok) return showProblem(passwordForm, r.body, t);
        window.Forms.clearErrors(passwordForm);
        passwordForm.querySelector('#password-done').textContent = ` ${t('saved')}`;
      });
      parts.push(userForm, rolesForm, passwordForm, countyForm);
    }
    main().replaceChildren(...parts);
  }

  /** My account: change my own password with the current one (my other sessions end). */
  function viewAccount() {
    const form = el(
      'form',
      { class: 'card', id: 'password-change-form', novalidate: true },
      el('h2', {}, t('changeMyPassword')),
      field({ name: 'currentPassword', label: t('currentPassword'), type: 'password' }),
      field({ name: 'newPassword', label: t('newOwnPassword'), type: 'password' }),
      el('button', { class: 'primary', type: 'submit' }, t('save')),
      el('span', { class: 'muted', id: 'password-changed' }),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await api('POST', '/api/auth/password', readForm(form));
      if (!r.ok) return showProblem(form, r.body, t);
      window.Forms.clearErrors(form);
      form.reset();
      form.querySelector('#password-changed').textContent = ` ${t('passwordChanged')}`;
    });
    main().replaceChildren(el('h1', {}, `${me.displayName} (${me.username})`), form);
  }

  /** A file the API makes (CSV or XLSX), fetched with the user's token and saved. */
  function downloadButton(label, path, filename) {
    return el(
      'button',
      {
        class: 'secondary',
        type: 'button',
        onclick: async () => {
          const r = await fetch(path, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
          const a = el('a', { href: URL.createObjectURL(await r.blob()), download: filename });
          a.click();
        },
      },
      label,
    );
  }

  // ---- routing ----
  async function route() {
    clearTimeout(refreshTimer);
    document.documentElement.lang = lang;
    const hash = location.hash || '#/inbox';
    if (!token && hash !== '#/login') {
      sessionStorage.setItem('kaoping.after', hash);
      location.hash = '#/login';
      return;
    }
    if (token && !me) {
      const r = await api('GET', '/api/me');
      if (r.ok) me = r.body;
    }
    header();
    const parts = hash.slice(2).split('/');
    try {
      if (parts[0] === 'login') return viewLogin();
      if (parts[0] === 'tasks' && parts[1]) return await viewTask(parts[1]);
      if (parts[0] === 'cycles' && parts[1]) return await viewCycle(parts[1]);
      if (parts[0] === 'cycles') return await viewCycles();
      if (parts[0] === 'managers' && parts[2] === 'timeline') return await viewTimeline(parts[1]);
      if (parts[0] === 'evaluations' && parts[1]) return await viewEvaluation(parts[1]);
      if (parts[0] === 'quotas') return await viewQuotas();
      if (parts[0] === 'cases') return await viewCases();
      if (parts[0] === 'pay') return await viewPay();
      if (parts[0] === 'admin') return await viewAdmin();
      if (parts[0] === 'account') return viewAccount();
      return await viewInbox();
    } catch (err) {
      main().replaceChildren(el('div', { class: 'problem' }, String(err)));
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();
