// Forms: built from small field specs, their values read into the JSON the API takes,
// and the API's problem+json errors shown next to the field they name.
(function () {
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat())
      if (c !== undefined && c !== null && c !== false)
        node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  };

  /** One field: { name: 'kpis.orderSuccessRate', label, type: number|text|password|textarea|select|date|checkbox|list, options, min, max, value }. */
  function field(spec) {
    const id = `f-${spec.name.replace(/\W/g, '-')}`;
    let input;
    if (spec.type === 'textarea') input = el('textarea', { id, name: spec.name, rows: 3 }, spec.value ?? '');
    else if (spec.type === 'select') {
      input = el(
        'select',
        { id, name: spec.name },
        ...(spec.options || []).map(([v, label]) =>
          el('option', { value: v, selected: String(spec.value ?? '') === String(v) }, label),
        ),
      );
    } else if (spec.type === 'checkbox')
      input = el('input', { id, name: spec.name, type: 'checkbox', checked: !!spec.value });
    else
      input = el('input', {
        id,
        name: spec.name,
        type: ['number', 'date', 'password'].includes(spec.type) ? spec.type : 'text',
        step: spec.type === 'number' ? 'any' : undefined,
        min: spec.min,
        max: spec.max,
        value: spec.value ?? '',
      });
    input.dataset.kind = spec.type || 'text';
    if (spec.hidden) return el('div', { class: 'field', hidden: true, dataset: { field: spec.name } }, input);
    // A field that shows only while another field has one of some values (a reason to return).
    const visible = spec.visibleWhen
      ? { visibleField: spec.visibleWhen.field, visibleIn: spec.visibleWhen.in.join(',') }
      : {};
    return el(
      'div',
      { class: 'field', dataset: { field: spec.name, ...visible } },
      el('label', { for: id }, spec.label),
      input,
      el('div', { class: 'error', role: 'alert' }),
    );
  }

  /** The JSON object the form's fields make: dotted names nest, numbers are numbers, lists are split. */
  function readForm(form) {
    const out = {};
    for (const input of form.querySelectorAll('[name]')) {
      if (input.disabled) continue; // hidden by visibleWhen: not sent
      const kind = input.dataset.kind;
      let value;
      if (kind === 'checkbox') value = input.checked;
      else if (input.value === '') continue;
      else if (kind === 'number') value = Number(input.value);
      else if (kind === 'list')
        value = input.value
          .split(/[,，]/)
          .map((s) => s.trim())
          .filter(Boolean);
      else value = input.value;
      const path = input.name.split('.');
      let node = out;
      path.forEach((key, i) => {
        const isLast = i === path.length - 1;
        const nextIsIndex = !isLast && /^\d+$/.test(path[i + 1]);
        if (isLast) node[key] = value;
        else node = node[key] ??= nextIsIndex ? [] : {};
      });
    }
    return out;
  }

  function clearErrors(form) {
    form.querySelectorAll('.field.invalid').forEach((f) => f.classList.remove('invalid'));
    form.querySelectorAll('.error').forEach((e) => {
      e.textContent = '';
    });
    form.querySelector('.form-problem')?.remove();
  }

  /** Each error of a 400 goes next to its field (or the nearest enclosing one); the rest above the form. */
  function showProblem(form, problem, t) {
    clearErrors(form);
    const general = [];
    for (const err of problem.errors || []) {
      const path = String(err.field || '')
        .replace(/^body\./, '')
        .split('.');
      let target = null;
      for (let n = path.length; n > 0 && !target; n--)
        target =
          form.querySelector(`.field[data-field="${CSS.escape(path.slice(0, n).join('.'))}"]`) ||
          form.querySelector(`[data-field-group="${CSS.escape(path.slice(0, n).join('.'))}"]`);
      if (target && target.classList.contains('field')) {
        target.classList.add('invalid');
        // Next to its field the message need not name the field again.
        const message = String(err.message).replace(/^body\.\S+\s*[:：]?\s*/, '');
        const box = target.querySelector('.error');
        box.textContent = box.textContent ? `${box.textContent}; ${message}` : message;
      } else if (target) {
        target.append(el('div', { class: 'error' }, err.message));
      } else general.push(err.message);
    }
    const summary = problem.errors?.length ? t('fixErrors') : problem.title || problem.detail;
    form.prepend(
      el('div', { class: 'problem form-problem', role: 'alert' }, summary, ...general.map((g) => el('div', {}, g))),
    );
  }

  /** Shows the fields whose condition holds, hides (and stops sending) the others; again on each change. */
  function watchVisibility(form) {
    const apply = () => {
      for (const box of form.querySelectorAll('[data-visible-field]')) {
        const source = form.querySelector(`[name="${CSS.escape(box.dataset.visibleField)}"]`);
        const show = !!source && box.dataset.visibleIn.split(',').includes(source.value);
        box.hidden = !show;
        box.querySelectorAll('[name]').forEach((input) => {
          input.disabled = !show;
        });
      }
    };
    form.addEventListener('change', apply);
    apply();
  }

  window.Forms = { el, field, readForm, showProblem, clearErrors, watchVisibility };
})();
