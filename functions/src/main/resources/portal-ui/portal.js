// Portico hosted portal: the views inside the page frame, built from the portal API (/p/api).
// No framework and no build step: the DOM is built with h() (text is never parsed as HTML), views
// are routed by the URL's fragment (#/…), and every text comes from the locale's catalogue, which
// the page embeds as JSON next to this script (the page's CSP allows no inline script).
(function () {
  'use strict';

  const boot = JSON.parse(document.getElementById('portal-boot').textContent);
  const MESSAGES = JSON.parse(document.getElementById('portal-messages').textContent);
  const LOCALE = boot.locale;
  const main = document.getElementById('main');
  const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
  const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];
  const COUNTRIES = ('AD AE AR AT AU BE BG BR CA CH CL CN CO CY CZ DE DK EE EG ES FI FR GB GR HK HR HU ID IE IL IN IS IT JP KR LI LT LU LV ' +
    'MT MX MY NL NO NZ PE PH PL PT RO RS SA SE SG SI SK TH TR TW UA US VN ZA').split(' ');
  const TAX_ID_TYPES = ['eu_vat', 'gb_vat', 'ch_vat', 'no_vat', 'au_abn', 'ca_bn', 'us_ein', 'in_gst', 'jp_cn', 'br_cnpj', 'mx_rfc', 'sg_uen', 'za_vat', 'nz_gst', 'kr_brn'];
  const pluralRules = new Intl.PluralRules(LOCALE);

  const state = { home: null, csrf: null, flow: null, flash: null, confirmation: null, started: false };

  // ---- messages and formats ---------------------------------------------------------------------

  /** A catalogue text with its {placeholders} filled; a plural message picks its form by {count} (or its only number). */
  function t(key, args) {
    args = args || {};
    let text = MESSAGES[key];
    if (text === undefined) {
      console.error('Portico: no message ' + key);
      return key;
    }
    if (typeof text === 'object') {
      const n = 'count' in args ? args.count : Object.values(args).find((v) => typeof v === 'number');
      text = text[pluralRules.select(n)] || text.other;
    }
    return text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name) => (name in args ? format(args[name]) : whole));
  }

  function format(value) {
    return typeof value === 'number' ? new Intl.NumberFormat(LOCALE).format(value) : String(value);
  }

  function exponent(currency) {
    const c = currency.toLowerCase();
    return ZERO_DECIMAL.includes(c) ? 0 : THREE_DECIMAL.includes(c) ? 3 : 2;
  }

  /**
   * Minor units of a currency, in the locale's way: 1.234,56 € (de), ¥1,235 (en and ja: CLDR's
   * full-width ￥ of Japanese prints as the ordinary ¥, as the server's Formats.money does).
   */
  function money(minor, currency) {
    const e = exponent(currency);
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: e, maximumFractionDigits: e })
      .format(minor / Math.pow(10, e)).replace('\uFFE5', '\u00A5');
  }

  /** Stripe's seconds as a long date, in UTC as the billing clock counts periods. */
  function date(seconds) {
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(seconds * 1000));
  }

  function shortDate(seconds) {
    return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(seconds * 1000));
  }

  function countryName(code) {
    try {
      return new Intl.DisplayNames([LOCALE], { type: 'region' }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  /** "€10.00 per month", "€200.00 every 3 months". */
  function priceText(unitAmount, currency, interval, count) {
    const amount = money(unitAmount, currency);
    if (!interval) return amount;
    return count > 1 ? t('price.every.' + interval, { amount: amount, count: count }) : t('price.per.' + interval, { amount: amount });
  }

  /** A coupon in words: "20% off for as long as you stay subscribed". */
  function discountText(coupon) {
    const base = coupon.percent_off != null
      ? t('discount.percent_off', { percent: new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 2 }).format(coupon.percent_off / 100) })
      : t('discount.amount_off', { amount: money(coupon.amount_off, coupon.currency) });
    if (coupon.duration === 'once') return t('discount.once', { discount: base });
    if (coupon.duration === 'repeating') return t('discount.repeating', { discount: base, count: coupon.duration_in_months });
    return t('discount.forever', { discount: base });
  }

  function methodName(pm) {
    if (pm.type === 'card' && pm.card) {
      const brand = pm.card.display_brand || pm.card.brand || 'card';
      return brand === 'unknown' ? t('pm.type.card') : brand.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    }
    return MESSAGES['pm.type.' + pm.type] ? t('pm.type.' + pm.type) : pm.type;
  }

  function last4(pm) {
    const details = pm[pm.type] || {};
    return details.last4 || null;
  }

  // ---- the DOM ----------------------------------------------------------------------------------

  /** An element: h('p', {class: 'muted'}, 'text', child…). Attributes starting with "on" are listeners. */
  function h(tag, attrs) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const name of Object.keys(attrs)) {
        const v = attrs[name];
        if (v === null || v === undefined || v === false) continue;
        if (name.startsWith('on')) el.addEventListener(name.substring(2), v);
        else if (v === true) el.setAttribute(name, '');
        else el.setAttribute(name, v);
      }
    }
    for (let i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach((c) => append(el, c));
    else el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  let uid = 0;
  function id(prefix) {
    uid += 1;
    return prefix + '-' + uid;
  }

  /** Replaces the main area with a view; its heading takes the focus so screen readers announce the new page. */
  function show(title, content) {
    const heading = h('h1', { tabindex: '-1' }, title);
    main.replaceChildren();
    if (state.flash) {
      main.appendChild(h('div', { class: 'alert ' + state.flash.kind, role: state.flash.kind === 'error' ? 'alert' : 'status' }, state.flash.text));
      state.flash = null;
    }
    main.appendChild(heading);
    append(main, content);
    document.title = title + ' – ' + boot.business;
    // A later view takes the focus to its heading; the first leaves it at the top of the page, so that
    // the first Tab reaches the skip link (and the header) as on any page.
    if (state.started) heading.focus();
    state.started = true;
  }

  /**
   * The seed's rule: the terms of service (and privacy policy) are linked where the customer changes
   * a subscription or adds a payment method. The sentence names the terms; the link sits in its text.
   */
  function termsNotice(key) {
    const links = [];
    if (boot.terms_url) {
      const marker = '\u0000';
      const parts = t(key, { business: boot.business, terms: marker }).split(marker);
      links.push(parts[0], h('a', { href: boot.terms_url, target: '_blank', rel: 'noopener' }, t('app.terms'),
        h('span', { class: 'visually-hidden' }, ' ' + t('a11y.opens_new_tab'))), parts.slice(1).join(''));
    }
    if (boot.privacy_url) {
      links.push(links.length ? ' ' : '', h('a', { href: boot.privacy_url, target: '_blank', rel: 'noopener' }, t('app.privacy'),
        h('span', { class: 'visually-hidden' }, ' ' + t('a11y.opens_new_tab'))));
    }
    return links.length ? h('p', { class: 'muted small terms-notice' }, links) : null;
  }

  /** "Return to {business}" as a button, only when the session has a return URL (the seed's rule). */
  function returnButton() {
    return boot.return_url ? h('p', null, h('a', { class: 'button', href: boot.return_url }, t('nav.return_to', { business: boot.business }))) : null;
  }

  function backLink() {
    return h('p', { class: 'back' }, h('a', { href: '#/' }, h('span', { 'aria-hidden': 'true' }, '← '), t('nav.back')));
  }

  function field(label, input, hint) {
    const hintId = hint ? id('hint') : null;
    if (!input.id) input.id = id('field');
    if (hintId) input.setAttribute('aria-describedby', hintId);
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
  }

  /** Shows a field's error under it and marks it invalid; null clears it. */
  function fieldError(input, message) {
    const wrap = input.closest('.field') || input.parentElement;
    const old = wrap.querySelector('.field-error');
    if (old) old.remove();
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('err-'));
    if (message) {
      const errId = 'err-' + input.id;
      wrap.appendChild(h('p', { class: 'field-error', id: errId }, t('a11y.error', { message: message })));
      input.setAttribute('aria-invalid', 'true');
      described.push(errId);
    } else {
      input.removeAttribute('aria-invalid');
    }
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  /** An alert area at the top of a form for what the server refused. */
  function formAlert() {
    return h('div', { role: 'alert', class: 'form-alert' });
  }

  function setAlert(area, message) {
    area.replaceChildren();
    area.className = 'form-alert';
    if (message) {
      area.className = 'alert error form-alert';
      area.appendChild(document.createTextNode(message));
    }
  }

  /** Runs an action with its button disabled and saying so; errors land in {@code alertArea}. */
  async function busy(button, alertArea, action) {
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t('action.processing');
    if (alertArea) setAlert(alertArea, null);
    try {
      await action();
    } catch (e) {
      if (e.sessionEnded) return;
      if (alertArea) {
        setAlert(alertArea, e.text || t('error.generic'));
        alertArea.scrollIntoView && alertArea.scrollIntoView({ block: 'nearest' });
      } else {
        flashNow('error', e.text || t('error.generic'));
      }
    } finally {
      if (button.isConnected) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = label;
      }
    }
  }

  function flashNow(kind, text) {
    const old = main.querySelector(':scope > .alert');
    if (old) old.remove();
    main.insertBefore(h('div', { class: 'alert ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text), main.firstChild);
  }

  // ---- the portal API ---------------------------------------------------------------------------

  /** A call to the portal API with the page's cookie and, for a change, its CSRF token. */
  async function api(method, path, form) {
    const init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method !== 'GET' && state.csrf) init.headers['X-CSRF-Token'] = state.csrf;
    if (form) {
      const body = new URLSearchParams();
      for (const k of Object.keys(form)) if (form[k] !== undefined && form[k] !== null) body.append(k, form[k]);
      init.body = body;
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw { text: t('error.network') };
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.ok) return body;
    const error = (body && body.error) || {};
    if (response.status === 401) {
      sessionEnded();
      throw { sessionEnded: true };
    }
    throw { status: response.status, code: error.code, param: error.param, declineCode: error.decline_code, text: errorText(response.status, error) };
  }

  /** What a refusal means, in the customer's language (the API's own message is English, for developers). */
  function errorText(status, error, args) {
    const code = error.code;
    if (code === 'customer_update_field_not_allowed' && error.param && MESSAGES['reason.' + code + '.' + error.param]) {
      return t('reason.' + code + '.' + error.param);
    }
    if (code && MESSAGES['reason.' + code]) return t('reason.' + code, args || {});
    if (error.type === 'card_error' || code === 'card_declined') {
      const card = { insufficient_funds: 'insufficient_funds', expired_card: 'expired', incorrect_cvc: 'incorrect_cvc', processing_error: 'processing',
        incorrect_number: 'number_invalid', invalid_number: 'number_invalid', invalid_expiry_year: 'expiry_past', invalid_expiry_month: 'expiry_past',
        live_mode_test_card: 'live_card_in_test', testmode_live_card: 'live_card_in_test' };
      const key = card[error.decline_code] || card[code];
      return t(key ? 'card.error.' + key : 'card.error.declined');
    }
    const known = { tax_id_invalid: 'tax_id.invalid', feature_disabled: 'error.feature_disabled', resource_missing: 'error.not_found',
      rate_limit: 'error.rate_limited', csrf_token_invalid: 'error.stale', invoice_already_paid: 'error.conflict', concurrent_update: 'error.conflict',
      invoice_payment_failed: 'error.payment_failed', payment_method_not_available: 'error.payment_failed', email_invalid: 'validation.email' };
    if (known[code]) return t(known[code]);
    if (status === 429) return t('error.rate_limited');
    if (status === 409) return t('error.conflict');
    return t('error.generic');
  }

  function sessionEnded() {
    const content = [h('p', null, t('session.timed_out.body')), returnButton()];
    show(t('session.timed_out.title'), content);
  }

  async function loadHome() {
    state.home = await api('GET', 'api/home');
    if (state.home.session.csrf_token) state.csrf = state.home.session.csrf_token;
    warnBeforeExpiry(Date.now() / 1000 + state.home.session.expires_in);
    return state.home;
  }

  /**
   * Every call slides the session's expiry; a customer reading a page for long gets a warning five
   * minutes before it ends, with a button that keeps the session (one more call).
   */
  /** @param expiresAt when the session ends, in seconds of this device's clock (from the server's expires_in) */
  function warnBeforeExpiry(expiresAt) {
    clearTimeout(state.expiryTimer);
    const old = document.getElementById('expiry-warning');
    if (old) old.remove();
    const warnIn = expiresAt * 1000 - Date.now() - 5 * 60 * 1000;
    state.expiryTimer = setTimeout(() => {
      const minutes = Math.max(1, Math.round((expiresAt * 1000 - Date.now()) / 60000));
      const stay = h('button', { type: 'button', class: 'secondary' }, t('session.stay'));
      const box = h('div', { class: 'alert', id: 'expiry-warning', role: 'alert' }, h('p', null, t('session.expires_soon', { count: minutes })), stay);
      stay.addEventListener('click', () => busy(stay, null, async () => {
        await loadHome();
        // The warning (and the focused button in it) is gone: the focus goes back to the page's heading.
        if (!document.activeElement || document.activeElement === document.body) (main.querySelector('h1') || main).focus();
      }));
      main.insertBefore(box, main.firstChild);
    }, Math.max(0, warnIn));
  }

  /** Where a completed action leads: the session's after_completion, or back home with a message. */
  function complete(afterCompletion, doneMessage) {
    if (afterCompletion && afterCompletion.type === 'redirect' && afterCompletion.redirect) {
      window.location.assign(afterCompletion.redirect.return_url);
      return;
    }
    if (afterCompletion && afterCompletion.type === 'hosted_confirmation') {
      state.confirmation = (afterCompletion.hosted_confirmation && afterCompletion.hosted_confirmation.custom_message) || null;
      go('#/done');
      return;
    }
    state.flash = { kind: 'success', text: doneMessage };
    go('#/');
  }

  function go(hash) {
    if (window.location.hash === hash) route();
    else window.location.hash = hash;
  }

  // ---- home -------------------------------------------------------------------------------------

  function planName(home, sub) {
    return sub.items.data.map((i) => home.product_names[i.price.product] || i.price.product).join(', ');
  }

  function refusal(reason) {
    if (!reason) return null;
    return h('p', { class: 'muted small' }, MESSAGES['reason.' + reason.code] ? t('reason.' + reason.code) : reason.message);
  }

  function subscriptionCard(home, view) {
    const sub = view.subscription;
    const item = sub.items.data[0];
    const plan = planName(home, sub);
    const price = item.price;
    const lines = [];
    lines.push(h('p', null, priceText(price.unit_amount, price.currency, price.recurring && price.recurring.interval, price.recurring && price.recurring.interval_count)));
    if (item.quantity > 1) lines.push(h('p', { class: 'muted' }, t('subscription.quantity', { count: item.quantity })));
    const periodEnd = item.current_period_end;
    if (sub.status === 'trialing' && sub.trial_end) {
      lines.push(h('p', null, t('subscription.trial_ends_on', { date: date(sub.trial_end) })));
    } else if (sub.cancel_at_period_end || sub.cancel_at) {
      lines.push(h('p', null, t('subscription.cancels_on', { date: date(sub.cancel_at || periodEnd) })));
    } else if (sub.status === 'active' || sub.status === 'past_due') {
      // The renewal date at once; the amount (create_preview: prorations and discounts included) as it arrives.
      const next = h('p', { class: 'next-charge' }, t('subscription.renews_on', { date: date(periodEnd) }));
      lines.push(next);
      api('GET', 'api/subscriptions/' + encodeURIComponent(sub.id) + '/upcoming').then((u) => {
        if (u.amount_due != null) next.textContent = t('subscription.next_charge', { amount: money(u.amount_due, u.currency), date: date(u.at) });
      }).catch(() => null);
    }
    if (sub.schedule) lines.push(h('p', { class: 'muted small' }, t('reason.pending_schedule')));
    if (sub.status === 'past_due' || sub.status === 'unpaid') lines.push(h('p', { class: 'alert error' }, t('subscription.past_due_notice')));

    const actions = [];
    const a = view.actions;
    if (a.update.allowed) actions.push(h('a', { class: 'button', href: '#/subscriptions/' + sub.id + '/update', 'aria-label': t('a11y.subscription_actions', { plan: plan }) + ': ' + t('subscription.action.update') }, t('subscription.action.update')));
    if (a.cancel.allowed) actions.push(h('a', { class: 'button secondary', href: '#/subscriptions/' + sub.id + '/cancel', 'aria-label': t('a11y.subscription_actions', { plan: plan }) + ': ' + t('subscription.action.cancel') }, t('subscription.action.cancel')));
    if (a.renew.allowed) actions.push(h('a', { class: 'button', href: '#/subscriptions/' + sub.id + '/renew', 'aria-label': t('a11y.subscription_actions', { plan: plan }) + ': ' + t('subscription.action.renew') }, t('subscription.action.renew')));
    const why = [];
    if (a.mode === 'cancel_only' || (a.mode === 'update' && !a.update.allowed)) why.push(refusal(a.update.reason));
    if (a.mode === 'nothing') why.push(refusal(a.cancel.reason || a.update.reason));
    return h('li', { class: 'subscription', 'data-subscription': sub.id },
      h('div', { class: 'row' }, h('h3', null, plan), h('span', { class: 'badge' }, t('subscription.status.' + sub.status))),
      lines, why, actions.length ? h('div', { class: 'actions' }, actions) : null);
  }

  function paymentMethodItem(home, pm) {
    const isDefault = home.customer.default_payment_method === pm.id;
    const name = methodName(pm);
    const digits = last4(pm);
    const label = digits ? t('pm.ending_in', { method: name, last4: digits }) : name;
    const alertArea = formAlert();
    const details = [h('span', { class: 'pm-brand' }, label)];
    if (pm.card) {
      const expiry = String(pm.card.exp_month).padStart(2, '0') + '/' + String(pm.card.exp_year).slice(-2);
      details.push(h('span', { class: 'muted small' }, t('pm.expires', { expiry: expiry })));
    }
    if (isDefault) details.push(h('span', { class: 'badge' }, t('pm.default')));
    const actions = h('div', { class: 'actions' });
    if (!isDefault) {
      const makeDefault = h('button', { type: 'button', class: 'secondary', 'aria-label': t('a11y.payment_method_actions', { method: label }) + ': ' + t('pm.make_default') }, t('pm.make_default'));
      makeDefault.addEventListener('click', () => busy(makeDefault, alertArea, async () => {
        const r = await api('POST', 'api/payment_methods/' + encodeURIComponent(pm.id) + '/default');
        complete(r.after_completion, t('pm.default_updated'));
      }));
      actions.appendChild(makeDefault);
    }
    const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': t('a11y.payment_method_actions', { method: label }) + ': ' + t('pm.remove') }, t('pm.remove'));
    remove.addEventListener('click', () => {
      const confirmRemove = h('button', { type: 'button', class: 'danger' }, t('pm.remove'));
      const keep = h('button', { type: 'button', class: 'secondary' }, t('action.cancel'));
      const box = h('div', { class: 'alert', role: 'group', 'aria-label': t('pm.remove_title') },
        h('p', null, h('strong', null, t('pm.remove_title'))), h('p', null, t('pm.remove_body', { method: label })), h('div', { class: 'actions' }, confirmRemove, keep));
      actions.replaceWith(box);
      keep.addEventListener('click', () => {
        box.replaceWith(actions);
        remove.focus();
      });
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') keep.click();
      });
      confirmRemove.addEventListener('click', () => busy(confirmRemove, alertArea, async () => {
        await api('DELETE', 'api/payment_methods/' + encodeURIComponent(pm.id));
        state.flash = { kind: 'success', text: t('pm.removed') };
        route();
      }));
      confirmRemove.focus();
    });
    actions.appendChild(remove);
    return h('li', { 'data-payment-method': pm.id }, h('div', { class: 'row' }, h('div', { class: 'pm-card' }, details), actions), alertArea);
  }

  function addressLines(address) {
    if (!address) return [];
    const out = [];
    if (address.line1) out.push(address.line1);
    if (address.line2) out.push(address.line2);
    const city = [address.postal_code, address.city].filter(Boolean).join(' ');
    if (city) out.push(city);
    if (address.state) out.push(address.state);
    if (address.country) out.push(countryName(address.country));
    return out;
  }

  function billingSection(home) {
    const c = home.customer;
    const allowed = home.features.customer_update.allowed_updates || [];
    const rows = [];
    const show = (label, value) => rows.push(h('div', null, h('dt', { class: 'muted small' }, label), h('dd', { style: null }, value || t('billing.not_set'))));
    show(t('billing.name'), c.name);
    show(t('billing.email'), c.email);
    if (c.phone || allowed.includes('phone')) show(t('billing.phone'), c.phone);
    const address = addressLines(c.address);
    show(t('billing.address'), address.length ? address.join(', ') : null);
    const content = [h('dl', { class: 'details' }, rows)];
    if (home.features.customer_update.enabled && allowed.some((f) => f !== 'tax_id')) {
      content.push(h('p', null, h('a', { class: 'button secondary', href: '#/billing' }, t('billing.edit'))));
    }
    content.push(h('h3', null, t('tax_id.title')));
    if (c.tax_ids.length === 0) content.push(h('p', { class: 'muted' }, t('tax_id.empty')));
    else content.push(h('ul', { class: 'plain' }, c.tax_ids.map((x) => h('li', { 'data-tax-id': x.id }, h('span', null, taxTypeLabel(x.type) + ' · ' + x.value)))));
    if (home.features.customer_update.enabled && allowed.includes('tax_id')) {
      content.push(h('p', null, h('a', { class: 'button secondary', href: '#/billing#tax-ids' }, t('tax_id.add'))));
    }
    return h('section', { class: 'card', 'aria-labelledby': 'billing-title' }, h('h2', { id: 'billing-title' }, t('home.billing.title')), content);
  }

  function taxTypeLabel(type) {
    const [country, kind] = type.split('_');
    return country.toUpperCase() + ' ' + (kind || '').toUpperCase();
  }

  function invoiceRows(invoices, alertArea) {
    return invoices.map((inv) => {
      const actions = h('div', { class: 'actions' });
      const number = inv.number || inv.id;
      if (inv.status === 'open' && inv.amount_remaining > 0) {
        const payText = t('invoice.pay_amount', { amount: money(inv.amount_remaining, inv.currency) });
        const pay = h('button', { type: 'button', 'aria-label': t('a11y.invoice_actions', { number: number }) + ': ' + payText }, payText);
        pay.addEventListener('click', () => busy(pay, alertArea, async () => {
          await api('POST', 'api/invoices/' + encodeURIComponent(inv.id) + '/pay');
          state.flash = { kind: 'success', text: t('invoice.paid_notice') };
          route();
        }));
        actions.appendChild(pay);
      }
      actions.appendChild(h('a', { class: 'button secondary', href: 'api/invoices/' + encodeURIComponent(inv.id) + '/pdf', download: (number) + '.pdf',
        'aria-label': t('a11y.invoice_actions', { number: number }) + ': ' + t('invoice.download') }, t('invoice.download')));
      let status = t('invoice.status.' + inv.status);
      if (inv.status === 'open' && inv.due_date && inv.due_date * 1000 < Date.now()) status = t('invoice.overdue');
      return h('tr', { 'data-invoice': inv.id },
        h('td', null, shortDate(inv.effective_at || inv.created)),
        h('td', null, number),
        h('td', { class: 'amount' }, money(inv.total, inv.currency)),
        h('td', null, h('span', { class: 'badge' }, status)),
        h('td', null, actions));
    });
  }

  function invoiceTable(invoices, alertArea) {
    return h('table', { class: 'invoices' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('invoice.date')), h('th', { scope: 'col' }, t('invoice.number')),
        h('th', { scope: 'col' }, t('invoice.amount')), h('th', { scope: 'col' }, t('invoice.status')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('a11y.invoice_actions', { number: '' }))))),
      h('tbody', null, invoiceRows(invoices, alertArea)));
  }

  async function homeView() {
    const home = await loadHome();
    const f = home.features;
    const sections = [];
    if (state.flow && state.flow.type && !state.flow.actionable && state.flow.reason && !state.flowReasonShown) {
      state.flowReasonShown = true;
      sections.push(h('div', { class: 'alert', role: 'status' }, MESSAGES['reason.' + state.flow.reason.code] ? t('reason.' + state.flow.reason.code) : t('error.generic')));
    }
    const subs = home.subscriptions;
    sections.push(h('section', { class: 'card', 'aria-labelledby': 'subs-title' }, h('h2', { id: 'subs-title' }, t('home.subscriptions.title')),
      subs.length ? h('ul', { class: 'plain' }, subs.map((v) => subscriptionCard(home, v))) : h('p', { class: 'muted' }, t('home.subscriptions.empty'))));
    if (f.payment_method_update.enabled) {
      sections.push(h('section', { class: 'card', 'aria-labelledby': 'pm-title' }, h('h2', { id: 'pm-title' }, t('home.payment_methods.title')),
        home.payment_methods.length ? h('ul', { class: 'plain' }, home.payment_methods.map((pm) => paymentMethodItem(home, pm))) : h('p', { class: 'muted' }, t('pm.empty')),
        h('p', null, h('a', { class: 'button secondary', href: '#/payment-methods/new' }, '+ ' + t('pm.add')))));
    }
    sections.push(billingSection(home));
    if (home.invoices) {
      const alertArea = formAlert();
      const open = home.invoices.data.filter((i) => i.status === 'open').length;
      sections.push(h('section', { class: 'card', 'aria-labelledby': 'inv-title' }, h('h2', { id: 'inv-title' }, t('home.invoices.title')),
        open ? h('p', null, t('invoice.open_count', { count: open })) : null, alertArea,
        home.invoices.data.length ? invoiceTable(home.invoices.data, alertArea) : h('p', { class: 'muted' }, t('invoice.empty')),
        home.invoices.has_more ? h('p', null, h('a', { href: '#/invoices' }, t('action.show_more'))) : null));
    }
    const signOut = h('button', { type: 'button', class: 'link' }, t('nav.sign_out'));
    signOut.addEventListener('click', () => busy(signOut, null, async () => {
      await api('POST', 'api/session/end');
      const content = [h('p', null, t('nav.signed_out')), returnButton()];
      show(t('nav.signed_out'), content);
    }));
    sections.push(h('p', null, signOut));
    show(t('home.title'), sections);
  }

  // ---- plan changes -----------------------------------------------------------------------------

  function lineLabel(line, names) {
    const d = line.parent && line.parent.subscription_item_details;
    const product = line.pricing && line.pricing.price_details ? line.pricing.price_details.product : null;
    const plan = (names[product] || product || '') + (line.quantity > 1 ? ' × ' + format(line.quantity) : '');
    if (d && d.proration) return line.amount < 0 ? t('preview.unused_time', { plan: plan }) : t('preview.remaining_time', { plan: plan });
    return plan;
  }

  function invoiceSummary(invoice, names, heading) {
    const rows = invoice.lines.data.map((l) => h('tr', null, h('th', { scope: 'row', class: 'muted' }, lineLabel(l, names)), h('td', { class: 'amount' }, money(l.amount, invoice.currency))));
    rows.push(h('tr', null, h('th', { scope: 'row' }, t('preview.subtotal')), h('td', { class: 'amount' }, money(invoice.subtotal, invoice.currency))));
    const discount = (invoice.total_discount_amounts || []).reduce((s, d) => s + d.amount, 0);
    if (discount) rows.push(h('tr', null, h('th', { scope: 'row' }, t('preview.discount')), h('td', { class: 'amount' }, money(-discount, invoice.currency))));
    const credit = invoice.total - invoice.amount_due;
    if (credit > 0) rows.push(h('tr', null, h('th', { scope: 'row' }, t('preview.credit_applied')), h('td', { class: 'amount' }, money(-credit, invoice.currency))));
    rows.push(h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('preview.total')), h('td', { class: 'amount', 'data-amount-due': String(invoice.amount_due) }, money(invoice.amount_due, invoice.currency))));
    return [h('h3', null, heading), h('table', { class: 'summary' }, h('tbody', null, rows))];
  }

  /** The quote of a change: what is due today, and the next invoice. */
  function previewBlock(preview, names, prorationBehavior) {
    const out = [];
    if (preview.timing === 'at_period_end') out.push(h('p', null, t('update.at_period_end', { date: date(preview.effective_at) })));
    const today = preview.invoice_now ? invoiceSummary(preview.invoice_now, names, t('preview.due_today'))
      : [h('h3', null, t('preview.due_today')), h('p', { 'data-amount-due-now': '0' }, t('preview.nothing_due'))];
    out.push(h('div', { class: 'preview-now' }, today));
    if (preview.next_invoice) {
      out.push(h('div', { class: 'preview-next' }, invoiceSummary(preview.next_invoice, names, t('preview.next_invoice', { date: date(preview.next_invoice_at) }))));
    }
    if (preview.timing !== 'at_period_end' && prorationBehavior && MESSAGES['update.proration.' + prorationBehavior]) {
      out.push(h('p', { class: 'muted small' }, t('update.proration.' + prorationBehavior)));
    }
    return h('div', { class: 'card preview', 'aria-live': 'polite' }, h('h2', null, t('preview.title')), out);
  }

  async function updateView(subscriptionId) {
    const options = await api('GET', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/update_options');
    const home = state.home || await loadHome();
    const names = Object.assign({}, home.product_names);
    options.products.forEach((p) => { names[p.id] = p.name; });
    const current = options.current;
    const alertArea = formAlert();
    const form = h('form', { novalidate: true });
    const kinds = options.kinds || [];

    const choices = [];
    if (kinds.includes('price')) {
      options.products.forEach((product) => {
        product.prices.forEach((price) => {
          const input = h('input', { type: 'radio', name: 'price', value: price.id, checked: price.id === current.price, disabled: !price.available && !price.current });
          const desc = [h('strong', null, product.name), h('span', null, ' · ' + priceText(price.unit_amount, price.currency, price.interval, price.interval_count))];
          if (price.current) desc.push(' ', h('span', { class: 'badge' }, t('update.current_plan')));
          if (!price.available && !price.current && price.reason) desc.push(h('span', { class: 'muted small', style: null }, h('br'), MESSAGES['reason.' + price.reason.code] ? t('reason.' + price.reason.code) : ''));
          choices.push(h('label', { class: 'choice' + (!price.available && !price.current ? ' unavailable' : '') }, input, h('span', null, desc)));
        });
      });
      form.appendChild(h('fieldset', null, h('legend', null, t('update.choose_plan')), choices));
    }
    const selectedPrice = () => {
      const checked = form.querySelector('input[name=price]:checked');
      return checked ? checked.value : current.price;
    };
    const productOf = (priceId) => options.products.find((p) => p.prices.some((x) => x.id === priceId)) || null;
    let quantity = null;
    if (kinds.includes('quantity')) {
      quantity = h('input', { type: 'number', name: 'quantity', inputmode: 'numeric', min: '1', value: String(current.quantity), required: true });
      const minus = h('button', { type: 'button', class: 'secondary', 'aria-label': t('update.quantity.decrease') }, '−');
      const plus = h('button', { type: 'button', class: 'secondary', 'aria-label': t('update.quantity.increase') }, '+');
      const bounds = () => {
        const p = productOf(selectedPrice());
        const q = p ? p.quantity : { minimum: 1, maximum: null };
        return { min: q.minimum || 1, max: q.maximum || 99 };
      };
      const step = (d) => {
        const b = bounds();
        const now = parseInt(quantity.value, 10);
        const v = isNaN(now) ? b.min : Math.min(b.max, Math.max(b.min, now + d));
        quantity.value = String(v);
        fieldError(quantity, null);
        // A scripted value fires no input event: raise one so a shown preview (of the old quantity) is withdrawn.
        quantity.dispatchEvent(new Event('input', { bubbles: true }));
      };
      minus.addEventListener('click', () => step(-1));
      plus.addEventListener('click', () => step(1));
      const b = bounds();
      quantity.id = id('quantity');
      form.appendChild(h('div', { class: 'field' }, h('label', { for: quantity.id }, t('update.quantity.label')),
        h('div', { class: 'stepper' }, minus, quantity, plus),
        h('p', { class: 'hint', id: quantity.id + '-hint' }, t('update.quantity.range', { minimum: b.min, maximum: b.max }))));
      quantity.setAttribute('aria-describedby', quantity.id + '-hint');
    }
    let promo = null;
    if (options.promotion_codes) {
      promo = h('input', { type: 'text', name: 'promotion_code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
      form.appendChild(field(t('update.promo.label') + ' (' + t('a11y.optional') + ')', promo));
    }
    const previewArea = h('div');
    const review = h('button', { type: 'submit' }, t('action.continue'));
    form.appendChild(alertArea);
    form.appendChild(h('div', { class: 'actions' }, review, h('a', { class: 'button secondary', href: '#/' }, t('action.cancel'))));

    const values = () => {
      const v = { price: selectedPrice() };
      if (quantity) v.quantity = quantity.value.trim();
      if (promo && promo.value.trim()) v.promotion_code = promo.value.trim();
      return v;
    };
    const valid = () => {
      if (!quantity) return true;
      const p = productOf(selectedPrice());
      const min = p ? p.quantity.minimum || 1 : 1;
      const max = p && p.quantity.maximum ? p.quantity.maximum : null;
      const q = quantity.value.trim();
      let message = null;
      if (!/^\d+$/.test(q)) message = t('validation.whole_number');
      else if (parseInt(q, 10) < min) message = t('reason.quantity_below_minimum', { minimum: min });
      else if (max && parseInt(q, 10) > max) message = t('reason.quantity_above_maximum', { maximum: max });
      fieldError(quantity, message);
      if (message) quantity.focus();
      return !message;
    };
    form.addEventListener('input', () => previewArea.replaceChildren());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!valid()) return;
      const asked = values();
      busy(review, alertArea, async () => {
        let preview;
        try {
          preview = await api('POST', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/preview', asked);
        } catch (e) {
          if (promo && e.param === 'promotion_code') {
            fieldError(promo, e.text);
            promo.focus();
            return;
          }
          throw e;
        }
        if (promo) fieldError(promo, null);
        const confirm = h('button', { type: 'button' }, t('update.confirm'));
        const confirmAlert = formAlert();
        const notes = [];
        if (preview.promotion_code) notes.push(h('p', null, t('update.promo.applied', { code: preview.promotion_code.code })));
        if (home.subscriptions.some((s) => s.subscription.id === subscriptionId && s.subscription.status === 'trialing') && preview.timing !== 'at_period_end' && options.trial_update_behavior === 'end_trial') {
          notes.push(h('p', null, t('update.trial_ends')));
        }
        notes.push(termsNotice('update.terms_notice'));
        previewArea.replaceChildren(previewBlock(preview, names, options.proration_behavior), h('div', null, notes), confirmAlert, h('div', { class: 'actions' }, confirm));
        confirm.addEventListener('click', () => busy(confirm, confirmAlert, async () => {
          const done = await api('POST', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/update', Object.assign({ proration_date: preview.proration_date }, asked));
          complete(done.after_completion, t('update.done'));
        }));
        confirm.focus();
      });
    });
    show(t('update.title'), [backLink(), h('section', { class: 'card' }, form), previewArea]);
  }

  async function updateConfirmView() {
    const home = state.home || await loadHome();
    const preview = await api('GET', 'api/flow/update_confirm/preview');
    const names = Object.assign({}, home.product_names);
    (preview.items || []).forEach((i) => { if (i.product && i.product_name) names[i.product] = i.product_name; });
    const alertArea = formAlert();
    const confirm = h('button', { type: 'button' }, t('update.confirm'));
    confirm.addEventListener('click', () => busy(confirm, alertArea, async () => {
      const done = await api('POST', 'api/flow/update_confirm', { proration_date: preview.proration_date });
      complete(done.after_completion, t('update.done'));
    }));
    const items = (preview.items || []).map((i) => h('li', null, (names[i.product] || i.product_name || i.price) + (i.quantity > 1 ? ' × ' + format(i.quantity) : '')));
    show(t('preview.title'), [backLink(), items.length ? h('ul', null, items) : null, previewBlock(preview, names, state.home.features.subscription_update.proration_behavior),
      alertArea, h('div', { class: 'actions' }, confirm, h('a', { class: 'button secondary', href: '#/' }, t('action.cancel')))]);
  }

  // ---- cancel, retention offer, renew -----------------------------------------------------------

  async function cancelView(subscriptionId) {
    const options = await api('GET', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/cancel_options');
    if (!options.allowed) {
      show(t('cancel.title'), [backLink(), h('p', null, options.reason && MESSAGES['reason.' + options.reason.code] ? t('reason.' + options.reason.code) : t('error.generic'))]);
      return;
    }
    const home = state.home || await loadHome();
    const view = home.subscriptions.find((s) => s.subscription.id === subscriptionId);
    const trialing = view && view.subscription.status === 'trialing';
    const intro = [];
    if (options.mode === 'at_period_end') {
      intro.push(h('p', null, trialing ? t('cancel.trial_at_period_end', { date: date(options.access_ends_at) }) : t('cancel.at_period_end', { date: date(options.access_ends_at) })));
    } else {
      intro.push(h('p', null, trialing ? t('cancel.trial_immediately') : t('cancel.immediately')));
      if (!trialing && options.proration_behavior && options.proration_behavior !== 'none') intro.push(h('p', null, t('cancel.immediately_credit')));
    }
    const losing = (options.losing || []).map((l) => h('li', null, l.product_name + (l.quantity > 1 ? ' × ' + format(l.quantity) : '') + ' · '
      + priceText(l.unit_amount, l.currency, l.interval, l.interval_count)));
    const form = h('form', { novalidate: true });
    let comment = null;
    let commentWrap = null;
    const survey = options.survey;
    if (survey) {
      const radios = survey.options.map((o) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'reason', value: o.code }),
        h('span', null, MESSAGES['cancel.survey.reason.' + o.code] ? t('cancel.survey.reason.' + o.code) : o.label)));
      form.appendChild(h('fieldset', null, h('legend', null, t('cancel.survey.title')), h('p', { class: 'muted small' }, t('cancel.survey.help', { business: boot.business })), radios));
      comment = h('textarea', { name: 'comment', maxlength: String(survey.max_comment_length) });
      const left = h('p', { class: 'hint', 'aria-live': 'polite' });
      const count = () => { left.textContent = t('cancel.survey.comment_left', { count: survey.max_comment_length - comment.value.length }); };
      comment.addEventListener('input', count);
      count();
      comment.id = id('comment');
      left.id = comment.id + '-left';
      comment.setAttribute('aria-describedby', left.id);
      commentWrap = h('div', { class: 'field', hidden: true }, h('label', { for: comment.id }, t('cancel.survey.comment')), comment, left);
      form.appendChild(commentWrap);
      form.addEventListener('change', () => {
        const chosen = form.querySelector('input[name=reason]:checked');
        commentWrap.hidden = !(chosen && chosen.value === survey.comment_with);
      });
    }
    const alertArea = formAlert();
    const confirm = h('button', { type: 'submit', class: 'danger' }, t('cancel.confirm'));
    form.appendChild(alertArea);
    form.appendChild(h('div', { class: 'actions' }, confirm, h('a', { class: 'button secondary', href: '#/' }, t('cancel.keep'))));
    const reasonFields = () => {
      const chosen = form.querySelector('input[name=reason]:checked');
      const v = {};
      if (chosen) v.reason = chosen.value;
      if (chosen && comment && chosen.value === survey.comment_with && comment.value.trim()) v.comment = comment.value.trim();
      return v;
    };
    const cancelNow = async () => {
      const done = await api('POST', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/cancel', reasonFields());
      const message = options.mode === 'at_period_end' ? t('cancel.done.at_period_end', { date: date(options.access_ends_at) }) : t('cancel.done.immediately');
      complete(done.after_completion, message);
    };
    const offer = options.retention && options.retention.available ? options.retention : null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!offer) {
        busy(confirm, alertArea, cancelNow);
        return;
      }
      // The retention offer comes before the cancellation is final: accept it, or go on cancelling.
      const accept = h('button', { type: 'button' }, t('retention.accept'));
      const decline = h('button', { type: 'button', class: 'secondary' }, t('retention.decline'));
      const offerAlert = formAlert();
      const box = h('section', { class: 'card offer', 'aria-labelledby': 'offer-title' }, h('h2', { id: 'offer-title', tabindex: '-1' }, t('retention.title')),
        h('p', null, t('retention.offer', { discount: discountText(offer.coupon) })), offerAlert, h('div', { class: 'actions' }, accept, decline));
      form.hidden = true;
      form.after(box);
      box.querySelector('h2').focus();
      accept.addEventListener('click', () => busy(accept, offerAlert, async () => {
        const done = await api('POST', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/retention/accept');
        complete(done.after_completion, t('retention.accepted'));
      }));
      decline.addEventListener('click', () => busy(decline, offerAlert, cancelNow));
    });
    show(t('cancel.title'), [backLink(), h('section', { class: 'card' }, intro, losing.length ? h('ul', null, losing) : null, form)]);
  }

  async function renewView(subscriptionId) {
    const home = await loadHome();
    const view = home.subscriptions.find((s) => s.subscription.id === subscriptionId);
    if (!view) {
      show(t('renew.title'), [backLink(), h('p', null, t('reason.subscription_not_found'))]);
      return;
    }
    const sub = view.subscription;
    const alertArea = formAlert();
    const renew = h('button', { type: 'button' }, t('renew.confirm'));
    renew.addEventListener('click', () => busy(renew, alertArea, async () => {
      const done = await api('POST', 'api/subscriptions/' + encodeURIComponent(subscriptionId) + '/renew');
      complete(done.after_completion, t('renew.done'));
    }));
    show(t('renew.title'), [backLink(), h('section', { class: 'card' }, h('h2', null, planName(home, sub)),
      h('p', null, t('renew.body', { date: date(sub.items.data[0].current_period_end) })), alertArea,
      h('div', { class: 'actions' }, renew, h('a', { class: 'button secondary', href: '#/' }, t('action.cancel'))))]);
  }

  // ---- payment methods --------------------------------------------------------------------------

  function luhn(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = digits.charCodeAt(digits.length - 1 - i) - 48;
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  async function addPaymentMethodView() {
    const home = state.home || await loadHome();
    const number = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-number', maxlength: '23', name: 'cardnumber' });
    const expiry = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-exp', maxlength: '7', placeholder: t('card.expiry_placeholder'), name: 'exp' });
    const cvc = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: '4', name: 'cvc' });
    const name = h('input', { type: 'text', autocomplete: 'cc-name', name: 'ccname', value: home.customer.name || '' });
    const postal = h('input', { type: 'text', autocomplete: 'postal-code', name: 'postal', value: (home.customer.address && home.customer.address.postal_code) || '' });
    const alertArea = formAlert();
    const save = h('button', { type: 'submit' }, t('card.save'));
    const form = h('form', { novalidate: true, autocomplete: 'on' },
      home.session.livemode ? null : h('p', { class: 'alert' }, t('card.test_hint')),
      field(t('card.number'), number),
      h('div', { class: 'grid-2' }, field(t('card.expiry'), expiry), field(t('card.cvc'), cvc, t('card.cvc_help'))),
      field(t('card.name'), name),
      field(t('card.postal_code') + ' (' + t('a11y.optional') + ')', postal),
      termsNotice('pm.terms_notice'),
      alertArea,
      h('div', { class: 'actions' }, save, h('a', { class: 'button secondary', href: '#/' }, t('action.cancel'))));
    number.addEventListener('input', () => {
      const digits = number.value.replace(/\D/g, '').slice(0, 19);
      number.value = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
    });
    expiry.addEventListener('input', (e) => {
      const digits = expiry.value.replace(/\D/g, '').slice(0, 4);
      expiry.value = digits.length > 2 || (digits.length === 2 && e.inputType !== 'deleteContentBackward') ? digits.slice(0, 2) + ' / ' + digits.slice(2) : digits;
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const digits = number.value.replace(/\D/g, '');
      const exp = expiry.value.replace(/\D/g, '');
      const month = parseInt(exp.slice(0, 2), 10);
      const year = 2000 + parseInt(exp.slice(2, 4), 10);
      const now = new Date();
      const errors = [
        [number, digits.length < 12 ? t('card.error.number_incomplete') : !luhn(digits) ? t('card.error.number_invalid') : null],
        [expiry, exp.length < 4 || month < 1 || month > 12 ? t('card.error.expiry_incomplete')
          : (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) ? t('card.error.expiry_past') : null],
        [cvc, !/^\d{3,4}$/.test(cvc.value.trim()) ? t('card.error.cvc_incomplete') : null],
        [name, name.value.trim() ? null : t('validation.required')]];
      errors.forEach(([input, message]) => fieldError(input, message));
      const first = errors.find(([, message]) => message);
      if (first) {
        first[0].focus();
        setAlert(alertArea, t('a11y.form_errors', { count: errors.filter(([, m]) => m).length }));
        return;
      }
      busy(save, alertArea, async () => {
        // The card goes to the payment provider's tokenization step only; the portal API sees its pm_ id.
        const details = { type: 'card', 'card[number]': digits, 'card[exp_month]': String(month), 'card[exp_year]': String(year), 'card[cvc]': cvc.value.trim(),
          'billing_details[name]': name.value.trim() };
        if (postal.value.trim()) details['billing_details[address][postal_code]'] = postal.value.trim();
        const token = await api('POST', 'provider/test/payment_methods', details);
        const saved = await api('POST', 'api/payment_methods', { payment_method: token.id, default: 'true' });
        complete(saved.after_completion, t('pm.added'));
      });
    });
    show(t('pm.add'), [backLink(), h('section', { class: 'card' }, form)]);
  }

  // ---- billing details and tax IDs --------------------------------------------------------------

  function addressFields(prefix, address, required) {
    const a = address || {};
    const input = (key, autocomplete) => h('input', { type: 'text', name: prefix + '[' + key + ']', value: a[key] || '', autocomplete: autocomplete });
    const country = h('select', { name: prefix + '[country]', autocomplete: 'country' }, h('option', { value: '' }, '—'),
      COUNTRIES.concat(a.country && !COUNTRIES.includes(a.country) ? [a.country] : [])
        .map((c) => ({ c: c, n: countryName(c) })).sort((x, y) => x.n.localeCompare(y.n, LOCALE))
        .map((x) => h('option', { value: x.c, selected: x.c === a.country }, x.n)));
    return [field(t('address.line1'), input('line1', 'address-line1')), field(t('address.line2') + ' (' + t('a11y.optional') + ')', input('line2', 'address-line2')),
      h('div', { class: 'grid-2' }, field(t('address.postal_code'), input('postal_code', 'postal-code')), field(t('address.city'), input('city', 'address-level2'))),
      field(t('address.state') + ' (' + t('a11y.optional') + ')', input('state', 'address-level1')), field(t('address.country'), country)];
  }

  async function billingView() {
    const home = await loadHome();
    const c = home.customer;
    const allowed = home.features.customer_update.allowed_updates || [];
    const sections = [backLink()];
    const editable = home.features.customer_update.enabled ? allowed.filter((f) => f !== 'tax_id') : [];
    if (editable.length) {
      const alertArea = formAlert();
      const save = h('button', { type: 'submit' }, t('action.save'));
      const form = h('form', { novalidate: true });
      if (allowed.includes('name')) form.appendChild(field(t('billing.name'), h('input', { type: 'text', name: 'name', value: c.name || '', autocomplete: 'name' })));
      if (allowed.includes('email')) form.appendChild(field(t('billing.email'), h('input', { type: 'email', name: 'email', value: c.email || '', autocomplete: 'email' })));
      if (allowed.includes('phone')) form.appendChild(field(t('billing.phone'), h('input', { type: 'tel', name: 'phone', value: c.phone || '', autocomplete: 'tel' })));
      if (allowed.includes('address')) form.appendChild(h('fieldset', null, h('legend', null, t('billing.address')), addressFields('address', c.address)));
      if (allowed.includes('shipping')) {
        const s = c.shipping || {};
        form.appendChild(h('fieldset', null, h('legend', null, t('shipping.title')),
          field(t('shipping.name'), h('input', { type: 'text', name: 'shipping[name]', value: s.name || '', autocomplete: 'shipping name' })),
          addressFields('shipping[address]', s.address)));
      }
      form.appendChild(alertArea);
      form.appendChild(h('div', { class: 'actions' }, save, h('a', { class: 'button secondary', href: '#/' }, t('action.cancel'))));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const email = form.querySelector('input[name=email]');
        if (email) fieldError(email, email.value.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim()) ? t('validation.email') : null);
        if (email && email.getAttribute('aria-invalid')) {
          email.focus();
          return;
        }
        const values = {};
        form.querySelectorAll('input, select').forEach((el) => { values[el.name] = el.value.trim(); });
        // An all-blank shipping address is none (shipping=""): a shipping with an empty name is refused.
        const shipping = Object.keys(values).filter((k) => k.startsWith('shipping['));
        if (shipping.length && shipping.every((k) => !values[k])) {
          shipping.forEach((k) => delete values[k]);
          values.shipping = '';
        }
        busy(save, alertArea, async () => {
          try {
            await api('POST', 'api/customer', values);
          } catch (e) {
            const input = e.param && form.querySelector('[name="' + e.param.replace(/"/g, '') + '"]');
            if (input) {
              fieldError(input, e.text);
              input.focus();
            }
            throw e;
          }
          complete(null, t('billing.saved'));
        });
      });
      sections.push(h('section', { class: 'card', 'aria-labelledby': 'details-title' }, h('h2', { id: 'details-title' }, t('billing.title')), form));
    }
    if (home.features.customer_update.enabled && allowed.includes('tax_id')) sections.push(taxIdSection(c));
    show(t('billing.edit'), sections);
    if (window.location.hash.endsWith('#tax-ids')) {
      const add = main.querySelector('#tax-id-value');
      if (add) add.focus();
    }
  }

  function taxIdSection(c) {
    const alertArea = formAlert();
    const list = c.tax_ids.length === 0 ? h('p', { class: 'muted' }, t('tax_id.empty')) : h('ul', { class: 'plain' }, c.tax_ids.map((x) => {
      const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': t('tax_id.remove') + ': ' + x.value }, t('action.remove'));
      remove.addEventListener('click', () => busy(remove, alertArea, async () => {
        await api('DELETE', 'api/tax_ids/' + encodeURIComponent(x.id));
        state.flash = { kind: 'success', text: t('tax_id.removed') };
        route();
      }));
      return h('li', { class: 'row', 'data-tax-id': x.id }, h('span', null, taxTypeLabel(x.type) + ' · ' + x.value), remove);
    }));
    const type = h('select', { name: 'type' }, TAX_ID_TYPES.map((ty) => h('option', { value: ty }, taxTypeLabel(ty))));
    const value = h('input', { type: 'text', name: 'value', id: 'tax-id-value', autocomplete: 'off' });
    const add = h('button', { type: 'submit' }, t('tax_id.add'));
    const form = h('form', { novalidate: true }, h('div', { class: 'grid-2' }, field(t('tax_id.type'), type), field(t('tax_id.value'), value)), alertArea,
      h('div', { class: 'actions' }, add));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!value.value.trim()) {
        fieldError(value, t('validation.required'));
        value.focus();
        return;
      }
      busy(add, alertArea, async () => {
        try {
          await api('POST', 'api/tax_ids', { type: type.value, value: value.value.trim() });
        } catch (e) {
          if (e.param === 'value' || e.code === 'tax_id_invalid') {
            fieldError(value, e.text);
            value.focus();
          }
          throw e;
        }
        state.flash = { kind: 'success', text: t('tax_id.added') };
        route();
      });
    });
    return h('section', { class: 'card', 'aria-labelledby': 'tax-title', id: 'tax-ids' }, h('h2', { id: 'tax-title' }, t('tax_id.title')), list, form);
  }

  // ---- invoices, confirmation -------------------------------------------------------------------

  async function invoicesView(startingAfter) {
    if (!state.home) await loadHome();
    const page = await api('GET', 'api/invoices?limit=20' + (startingAfter ? '&starting_after=' + encodeURIComponent(startingAfter) : ''));
    const alertArea = formAlert();
    const more = page.has_more && page.data.length ? h('p', null, h('a', { href: '#/invoices/after/' + page.data[page.data.length - 1].id }, t('action.show_more'))) : null;
    show(t('invoice.title'), [backLink(), alertArea, page.data.length ? h('section', { class: 'card' }, invoiceTable(page.data, alertArea)) : h('p', { class: 'muted' }, t('invoice.empty')), more]);
  }

  function confirmationView() {
    const content = [h('p', { class: 'confirmation-message' }, state.confirmation || t('confirmation.default'))];
    content.push(returnButton() || h('p', null, h('a', { class: 'button secondary', href: '#/' }, t('nav.home'))));
    show(t('confirmation.title'), content);
  }

  // ---- routing ----------------------------------------------------------------------------------

  /** A session with a flow starts on the flow's page (once; afterwards the customer may roam the portal). */
  function flowStart(flow) {
    if (!flow || !flow.type || !flow.actionable) return null;
    const sub = flow.subscription ? encodeURIComponent(flow.subscription) : null;
    switch (flow.start) {
      case 'payment_method_update': return '#/payment-methods/new';
      case 'subscription_cancel': return '#/subscriptions/' + sub + '/cancel';
      case 'subscription_update': return '#/subscriptions/' + sub + '/update';
      case 'subscription_update_confirm': return '#/flow/update-confirm';
      default: return null;
    }
  }

  async function route() {
    const hash = window.location.hash.replace(/^#/, '') || '/';
    const parts = hash.split('#')[0].split('/').filter(Boolean);
    try {
      if (parts[0] === 'subscriptions' && parts[2] === 'update') await updateView(decodeURIComponent(parts[1]));
      else if (parts[0] === 'subscriptions' && parts[2] === 'cancel') await cancelView(decodeURIComponent(parts[1]));
      else if (parts[0] === 'subscriptions' && parts[2] === 'renew') await renewView(decodeURIComponent(parts[1]));
      else if (parts[0] === 'payment-methods' && parts[1] === 'new') await addPaymentMethodView();
      else if (parts[0] === 'billing') await billingView();
      else if (parts[0] === 'invoices') await invoicesView(parts[1] === 'after' ? decodeURIComponent(parts[2]) : null);
      else if (parts[0] === 'flow' && parts[1] === 'update-confirm') await updateConfirmView();
      else if (parts[0] === 'done') confirmationView();
      else await homeView();
    } catch (e) {
      if (e && e.sessionEnded) return;
      if (e && e.text === undefined) console.error(e && e.stack ? e.stack : e);
      show(t('error.title'), [h('p', { role: 'alert' }, (e && e.text) || t('error.generic')), h('p', null, h('a', { class: 'button', href: '#/' }, t('nav.home')))]);
    }
  }

  /**
   * The skip link's href (#main) would be a route change to the router (home, whatever the page):
   * it moves the focus to main instead and leaves the URL alone.
   */
  function skipLink() {
    const skip = document.querySelector('.skip-link');
    if (!skip) return;
    skip.addEventListener('click', (event) => {
      event.preventDefault();
      main.focus();
      main.scrollIntoView && main.scrollIntoView({ block: 'start' });
    });
  }

  async function start() {
    skipLink();
    try {
      state.flow = await api('GET', 'api/flow');
    } catch (e) {
      if (e && e.sessionEnded) return;
      state.flow = null;
    }
    const first = window.location.hash ? null : flowStart(state.flow);
    window.addEventListener('hashchange', route);
    if (first) {
      await loadHome().catch(() => null);
      window.location.replace(first); // the hashchange routes to it
    } else {
      await route();
    }
  }

  start();
})();
