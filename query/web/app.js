// The dipdoc web UI: one page, views chosen by the URL (query string, or "#/view?..." / "#/doc/ID"), so every
// state can be bookmarked. Talks only to the same-origin API (query/server/router.h); no inline script.
'use strict';

// ---- Interface text: every string the UI shows, per language ----------------------------------------------
const STRINGS = {
  vi: {
    nav_search: 'Tìm kiếm', nav_doc: 'Văn bản', nav_commitments: 'Cam kết', nav_report: 'Báo cáo',
    nav_upload: 'Tải lên', other_lang: 'English', skip: 'Bỏ qua đến nội dung',
    search_label: 'Tìm trong văn bản (có hoặc không dấu)', search_button: 'Tìm',
    search_placeholder: 'vd. ngoại giao vaccine, partner:CU, "Abdala"',
    from: 'Từ ngày', to: 'Đến ngày', date_hint: 'YYYY, YYYY-MM hoặc YYYY-MM-DD',
    results: (n) => `${n.toLocaleString('vi-VN')} kết quả`, no_results: 'Không tìm thấy kết quả.',
    did_you_mean: 'Có phải bạn muốn tìm:', filters: 'Bộ lọc', remove_filter: 'Bỏ bộ lọc',
    facet_partner: 'Đối tác', facet_doc_type: 'Loại văn bản', facet_language: 'Ngôn ngữ', facet_year: 'Năm',
    prev: '← Trang trước', next: 'Trang sau →', page: (p, n) => `Trang ${p}/${n}`,
    type_letter: 'Công hàm, thư', type_call_note: 'Ghi chép cuộc gọi, gặp', type_press: 'Báo chí',
    type_other: 'Khác', no_date: 'không rõ ngày', loading: 'Đang tải…',
    doc_open_label: 'Mã văn bản (doc_id)', doc_open: 'Mở', doc_download: 'Tải tệp gốc',
    meta_date: 'Ngày', meta_type: 'Loại', meta_language: 'Ngôn ngữ', meta_source: 'Tệp nguồn',
    meta_partners: 'Đối tác', meta_ocr: 'OCR', meta_id: 'Mã',
    pages_conf: (p, c) => `${p} trang, độ tin cậy ${(c * 100).toFixed(0)}%`,
    legend: 'Chú thích:', legend_partner: 'đối tác', legend_dose: 'số liều', legend_commit: 'câu cam kết',
    commitments: 'Cam kết', no_commitments: 'Không có cam kết nào.', text: 'Nội dung',
    col_partner: 'Đối tác', col_kind: 'Loại', col_status: 'Trạng thái', col_doses: 'Số liều',
    col_vaccine: 'Vaccine', col_due: 'Hạn', col_date: 'Ngày', col_role: 'Vai trò', col_sentence: 'Câu nguồn',
    col_committed: 'Đã cam kết', col_delivered: 'Đã giao', col_outstanding: 'Còn lại', col_overdue: 'Quá hạn',
    col_conflicts: 'Mâu thuẫn', col_actions: 'Thao tác', col_source: 'Nguồn',
    as_of: 'Tính đến ngày', apply: 'Áp dụng', export_csv: 'Xuất CSV', draft_letter: 'Soạn thư',
    ledger_caption: 'Số liều theo đối tác (bấm tiêu đề cột để sắp xếp)', conflicts: 'Mâu thuẫn trong hồ sơ',
    no_conflicts: 'Không có mâu thuẫn.', partner_commitments: (p) => `Các cam kết của ${p}`,
    show: 'Xem', close: 'Đóng', draft_title: (p) => `Dự thảo thư gửi ${p}`, draft_lang: 'Ngôn ngữ thư',
    open_raw: 'Mở bản văn bản thuần', back_ledger: '← Về bảng cam kết',
    report_title: 'Báo cáo tổng kết', report_open: 'Mở báo cáo riêng', report_md: 'Tải Markdown',
    report_json: 'Tải JSON', report_frame: 'Báo cáo', report_drafts: 'Thư tiếp theo cho từng đối tác',
    upload_title: 'Tải văn bản lên', upload_drop: 'Kéo thả tệp vào đây, hoặc bấm để chọn tệp',
    upload_input: 'Chọn tệp', upload_progress: 'Tiến độ tải lên', upload_done: 'Đã xử lý:',
    upload_sending: (n) => `Đang gửi ${n}…`, upload_failed: (n) => `Không xử lý được ${n}:`,
    network_error: 'Lỗi kết nối tới máy chủ.', error_prefix: 'Lỗi:', unexpected: 'Đã xảy ra lỗi không mong muốn.',
    doses_unit: 'liều',
    role_promise: 'cam kết', role_delivery: 'giao hàng', role_restatement: 'nhắc lại (không cộng)',
    role_running_total: 'tổng lũy kế', role_request: 'đề nghị', role_other: 'khác',
    kind_donation: 'viện trợ', kind_purchase: 'mua', kind_delivery: 'giao hàng', kind_loan: 'cho mượn/hoán đổi',
    kind_technology_transfer: 'chuyển giao công nghệ', kind_investment: 'đầu tư', kind_other: 'khác',
    status_pledged: 'đã hứa', status_signed: 'đã ký', status_delivered: 'đã giao', status_requested: 'đề nghị',
  },
  en: {
    nav_search: 'Search', nav_doc: 'Document', nav_commitments: 'Commitments', nav_report: 'Report',
    nav_upload: 'Upload', other_lang: 'Tiếng Việt', skip: 'Skip to content',
    search_label: 'Search the documents (with or without diacritics)', search_button: 'Search',
    search_placeholder: 'e.g. ngoai giao vaccine, partner:CU, "Abdala"',
    from: 'From', to: 'To', date_hint: 'YYYY, YYYY-MM or YYYY-MM-DD',
    results: (n) => `${n.toLocaleString('en-GB')} results`, no_results: 'No results.',
    did_you_mean: 'Did you mean:', filters: 'Filters', remove_filter: 'Remove filter',
    facet_partner: 'Partner', facet_doc_type: 'Type', facet_language: 'Language', facet_year: 'Year',
    prev: '← Previous', next: 'Next →', page: (p, n) => `Page ${p} of ${n}`,
    type_letter: 'Letter, note', type_call_note: 'Call or meeting note', type_press: 'Press',
    type_other: 'Other', no_date: 'undated', loading: 'Loading…',
    doc_open_label: 'Document id (doc_id)', doc_open: 'Open', doc_download: 'Download the original file',
    meta_date: 'Date', meta_type: 'Type', meta_language: 'Language', meta_source: 'Source file',
    meta_partners: 'Partners', meta_ocr: 'OCR', meta_id: 'Id',
    pages_conf: (p, c) => `${p} pages, confidence ${(c * 100).toFixed(0)}%`,
    legend: 'Legend:', legend_partner: 'partner', legend_dose: 'doses', legend_commit: 'commitment sentence',
    commitments: 'Commitments', no_commitments: 'No commitments.', text: 'Text',
    col_partner: 'Partner', col_kind: 'Kind', col_status: 'Status', col_doses: 'Doses',
    col_vaccine: 'Vaccine', col_due: 'Due', col_date: 'Date', col_role: 'Role', col_sentence: 'Source sentence',
    col_committed: 'Committed', col_delivered: 'Delivered', col_outstanding: 'Outstanding', col_overdue: 'Overdue',
    col_conflicts: 'Conflicts', col_actions: 'Actions', col_source: 'Source',
    as_of: 'As of', apply: 'Apply', export_csv: 'Export CSV', draft_letter: 'Draft letter',
    ledger_caption: 'Doses per partner (click a column header to sort)', conflicts: 'Conflicts in the record',
    no_conflicts: 'No conflicts.', partner_commitments: (p) => `Commitments of ${p}`,
    show: 'Show', close: 'Close', draft_title: (p) => `Draft letter to ${p}`, draft_lang: 'Letter language',
    open_raw: 'Open as plain text', back_ledger: '← Back to the commitments',
    report_title: 'After-action report', report_open: 'Open the report alone', report_md: 'Download Markdown',
    report_json: 'Download JSON', report_frame: 'Report', report_drafts: 'Follow-up letters by partner',
    upload_title: 'Upload a document', upload_drop: 'Drop files here, or click to choose',
    upload_input: 'Choose files', upload_progress: 'Upload progress', upload_done: 'Processed:',
    upload_sending: (n) => `Sending ${n}…`, upload_failed: (n) => `Could not process ${n}:`,
    network_error: 'Could not reach the server.', error_prefix: 'Error:', unexpected: 'Something went wrong.',
    doses_unit: 'doses',
    role_promise: 'promise', role_delivery: 'delivery', role_restatement: 'restatement (not counted)',
    role_running_total: 'running total', role_request: 'request', role_other: 'other',
    kind_donation: 'donation', kind_purchase: 'purchase', kind_delivery: 'delivery', kind_loan: 'loan/swap',
    kind_technology_transfer: 'technology transfer', kind_investment: 'investment', kind_other: 'other',
    status_pledged: 'pledged', status_signed: 'signed', status_delivered: 'delivered', status_requested: 'requested',
  },
};

const LANG_KEY = 'dipdoc.lang';
let uiLang = 'vi';
try { uiLang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'; } catch (e) { /* storage disabled */ }

// The string `key`, called with `args` when it is a function; the key itself when missing.
function t(key, ...args) {
  const s = STRINGS[uiLang][key] ?? STRINGS.vi[key] ?? key;
  return typeof s === 'function' ? s(...args) : s;
}
// A vocabulary value (doc type, kind, ...) in the interface language, or the value itself.
function tv(prefix, value) {
  if (value == null || value === '') return '';
  const key = `${prefix}_${value}`;
  return STRINGS[uiLang][key] !== undefined ? t(key) : String(value);
}

// ---- Helpers -------------------------------------------------------------------------------------------------
function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g,
      (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}
// A server snippet: everything escaped, then only <mark> and </mark> restored.
function sanitiseSnippet(html) {
  return esc(html).replace(/&lt;(\/?)mark&gt;/g, '<$1mark>');
}
function fmtNumber(n) {
  return n == null ? '' : Number(n).toLocaleString(uiLang === 'vi' ? 'vi-VN' : 'en-GB');
}
function baseName(path) {
  return String(path ?? '').split(/[\\/]/).pop();
}
// id -> {kind, names: {vi, en, fr}}, from /api/partners, loaded once before the first view.
const knownPartners = new Map();
let partnersLoaded = null;
function loadPartners() {
  partnersLoaded ??= api('/api/partners').then((data) => {
    for (const p of data.partners || []) knownPartners.set(p.id, p);
  }).catch(() => { /* names fall back to Intl and the ids */ });
  return partnersLoaded;
}
let regionNames = null;
// A partner id as a readable name in the interface language: "Cu-ba (CU)", "Pfizer". Countries keep their
// code, which is what partner: searches take.
function partnerName(id) {
  if (!id) return '';
  const known = knownPartners.get(id);
  const name = known && (known.names[uiLang] || known.names.en);
  const country = /^[A-Z]{2}$/.test(id);
  if (name) return country ? `${name} (${id})` : name;
  if (country) {
    try {
      if (!regionNames || regionNames.lang !== uiLang) {
        regionNames = {lang: uiLang, names: new Intl.DisplayNames([uiLang], {type: 'region'})};
      }
      const region = regionNames.names.of(id);
      if (region && region !== id) return `${region} (${id})`;
    } catch (e) { /* no Intl.DisplayNames */ }
  }
  return id;
}
function languageName(code) {
  try {
    const name = new Intl.DisplayNames([uiLang], {type: 'language'}).of(code);
    if (name && name !== code) return name;
  } catch (e) { /* no Intl.DisplayNames */ }
  return code;
}
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
// A query string from `params`, leaving out empty values.
function qs(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') out.set(k, v);
  return out.toString();
}
function $(selector, root = document) { return root.querySelector(selector); }

// ---- Messages and API calls ----------------------------------------------------------------------------------
function showMessage(text, kind = 'error') {
  const box = $('#message');
  box.textContent = text;
  box.className = kind;
  box.hidden = !text;
}
function clearMessage() { showMessage(''); }

class ApiError extends Error {}

// GET (or the given options) `url`; the parsed JSON, or the text when `asText`. Throws ApiError with the
// server's {"error"} message or a readable description.
async function api(url, asText = false) {
  let response;
  try {
    response = await fetch(url, {headers: {Accept: asText ? 'text/plain' : 'application/json'}});
  } catch (e) {
    throw new ApiError(t('network_error'));
  }
  const body = await response.text();
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try { message = JSON.parse(body).error || message; } catch (e) { /* not JSON */ }
    throw new ApiError(message);
  }
  if (asText) return body;
  try { return JSON.parse(body); } catch (e) { throw new ApiError(t('unexpected')); }
}

function reportError(e) {
  showMessage(`${t('error_prefix')} ${e instanceof ApiError ? e.message : t('unexpected')}`);
  if (!(e instanceof ApiError)) console.error(e);
}

// ---- Routing ---------------------------------------------------------------------------------------------------
// {view, id, params} from the URL: "#/doc/ID", "#/search?q=", or the query string ("?q=", "?doc=", "?view=").
function currentRoute() {
  const hash = location.hash;
  if (hash.startsWith('#/')) {
    const [path, query] = hash.slice(2).split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean);
    if (parts[0] === 'doc') return {view: 'doc', id: parts[1] || params.get('doc') || '', params};
    return {view: parts[0] || 'search', id: '', params};
  }
  const params = new URLSearchParams(location.search);
  if (params.get('doc')) return {view: 'doc', id: params.get('doc'), params};
  return {view: params.get('view') || 'search', id: '', params};
}

function navigate(url, replace = false) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

const VIEWS = {};
let renderToken = 0;  // a render that finishes after a newer one started is dropped

async function render() {
  const token = ++renderToken;
  const route = currentRoute();
  const view = VIEWS[route.view] ? route.view : 'search';
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === (view === 'draft' ? 'commitments' : view)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  clearMessage();
  document.title = `${t(`nav_${view === 'draft' ? 'commitments' : view}`)} — dipdoc`;
  const main = $('#view');
  main.className = `view-${view}`;
  try {
    await loadPartners();
    if (token !== renderToken) return;
    await VIEWS[view](main, route, () => token === renderToken);
  } catch (e) {
    if (token === renderToken) reportError(e);
  }
}

function applyLanguage() {
  document.documentElement.lang = uiLang;
  for (const link of document.querySelectorAll('#nav a')) link.textContent = t(`nav_${link.dataset.view}`);
  const toggle = $('#lang-toggle');
  toggle.textContent = t('other_lang');
  toggle.setAttribute('lang', uiLang === 'vi' ? 'en' : 'vi');
  $('.skip').textContent = t('skip');
}

// ---- Search --------------------------------------------------------------------------------------------------
const PAGE = 10;
const FACETS = [  // response facet -> URL parameter
  {facet: 'partner', param: 'partner', label: 'facet_partner'},
  {facet: 'doc_type', param: 'type', label: 'facet_doc_type'},
  {facet: 'language', param: 'lang', label: 'facet_language'},
  {facet: 'year', param: 'year', label: 'facet_year'},
];
const SEARCH_KEYS = ['q', 'partner', 'type', 'lang', 'from', 'to', 'offset'];

function searchState(params) {
  const state = {};
  for (const key of SEARCH_KEYS) state[key] = params.get(key) || '';
  return state;
}
function searchUrl(state, changes = {}) {
  const next = {...state, ...changes};
  if (!('offset' in changes)) next.offset = '';
  if (next.offset === '0' || next.offset === 0) next.offset = '';
  const query = qs(next);
  return query ? `/?${query}` : '/?';
}

function facetLabel(field, value) {
  if (field === 'partner') return partnerName(value);
  if (field === 'doc_type') return tv('type', value);
  if (field === 'language') return languageName(value);
  return value;
}

VIEWS.search = async (main, route, current) => {
  const s = searchState(route.params);
  main.innerHTML = `
    <form id="search-form" role="search">
      <div class="field grow">
        <label for="q">${esc(t('search_label'))}</label>
        <input id="q" name="q" type="search" value="${esc(s.q)}" placeholder="${esc(t('search_placeholder'))}"
               autocomplete="off" spellcheck="false">
      </div>
      <div class="field">
        <label for="from">${esc(t('from'))}</label>
        <input id="from" name="from" value="${esc(s.from)}" placeholder="YYYY-MM-DD" inputmode="numeric"
               pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" title="${esc(t('date_hint'))}" size="10">
      </div>
      <div class="field">
        <label for="to">${esc(t('to'))}</label>
        <input id="to" name="to" value="${esc(s.to)}" placeholder="YYYY-MM-DD" inputmode="numeric"
               pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" title="${esc(t('date_hint'))}" size="10">
      </div>
      <button type="submit" class="primary">${esc(t('search_button'))}</button>
    </form>
    <div id="active-filters"></div>
    <div class="search-layout">
      <aside id="facets" aria-label="${esc(t('filters'))}"></aside>
      <section id="results" aria-live="polite"><p class="muted">${esc(t('loading'))}</p></section>
    </div>`;
  $('#search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    navigate(searchUrl(s, {q: form.q.value.trim(), from: form.from.value.trim(), to: form.to.value.trim()}));
  });

  const chips = [];
  for (const key of ['partner', 'type', 'lang', 'from', 'to']) {
    if (!s[key]) continue;
    const shown = key === 'partner' ? partnerName(s[key]) : key === 'type' ? tv('type', s[key])
        : key === 'lang' ? languageName(s[key]) : s[key];
    const label = {partner: t('facet_partner'), type: t('facet_doc_type'), lang: t('facet_language'),
                   from: t('from'), to: t('to')}[key];
    chips.push(`<a class="chip" data-param="${esc(key)}" href="${esc(searchUrl(s, {[key]: ''}))}"
        title="${esc(t('remove_filter'))}">${esc(label)}: ${esc(shown)} <span aria-hidden="true">×</span>
        <span class="sr-only">(${esc(t('remove_filter'))})</span></a>`);
  }
  $('#active-filters').innerHTML = chips.join(' ');

  const offset = Math.max(0, parseInt(s.offset, 10) || 0);
  const data = await api(`/api/search?${qs({q: s.q, partner: s.partner, type: s.type, lang: s.lang,
                                                from: s.from, to: s.to, limit: PAGE, offset})}`);
  if (!current()) return;
  renderFacets($('#facets'), data.facets || {}, s);
  renderHits($('#results'), data, s, offset);
};

function renderFacets(box, facets, s) {
  const groups = [];
  for (const {facet, param, label} of FACETS) {
    const counts = facets[facet] || {};
    let entries = Object.entries(counts);
    if (!entries.length) continue;
    if (facet === 'year') entries.sort((a, b) => b[0].localeCompare(a[0]));
    else entries.sort((a, b) => b[1] - a[1] || facetLabel(facet, a[0]).localeCompare(facetLabel(facet, b[0])));
    const items = entries.map(([value, count]) => {
      let active; let href;
      if (facet === 'year') {
        active = s.from === value && s.to === value;
        href = searchUrl(s, active ? {from: '', to: ''} : {from: value, to: value});
      } else {
        active = s[param] === value;
        href = searchUrl(s, {[param]: active ? '' : value});
      }
      return `<li><a class="facet${active ? ' active' : ''}" data-field="${esc(facet === 'doc_type' ? 'type'
          : facet === 'language' ? 'lang' : facet)}" data-value="${esc(value)}" href="${esc(href)}"
          ${active ? 'aria-current="true"' : ''}><span class="facet-name">${esc(facetLabel(facet, value))}</span>
          <span class="count">${esc(fmtNumber(count))}</span></a></li>`;
    });
    groups.push(`<details class="facet-group" open><summary>${esc(t(label))}</summary>
        <ul>${items.join('')}</ul></details>`);
  }
  box.innerHTML = groups.join('');
  // On a phone the groups start folded so the results come first.
  if (window.matchMedia('(max-width: 760px)').matches) {
    for (const d of box.querySelectorAll('details')) d.open = false;
  }
}

function renderHits(box, data, s, offset) {
  const hits = data.hits || [];
  const total = data.total || 0;
  const parts = [`<p class="total">${esc(t('results', total))}</p>`];
  if (!hits.length) {
    parts.push(`<p class="no-results">${esc(t('no_results'))}</p>`);
    if (data.suggestion) {
      parts.push(`<p class="suggestion">${esc(t('did_you_mean'))}
          <a href="${esc(searchUrl(s, {q: data.suggestion}))}">${esc(data.suggestion)}</a></p>`);
    }
  }
  parts.push('<ol class="hits">');
  for (const hit of hits) {
    const tags = (hit.partners || []).map((p) => `<span class="tag" data-partner="${esc(p)}">${
        esc(partnerName(p))}</span>`).join(' ');
    parts.push(`<li class="hit">
      <a class="title" href="/?${esc(qs({doc: hit.doc_id}))}">${esc(hit.title || baseName(hit.source))}</a>
      <div class="meta">
        <span>${esc(hit.date || t('no_date'))}</span>
        <span>${esc(tv('type', hit.doc_type))}</span>
        <span>${esc(languageName(hit.language))}</span>
        <span class="source" title="${esc(hit.source)}">${esc(baseName(hit.source))}</span>
      </div>
      <p class="snippet">${sanitiseSnippet(hit.snippet || '')}</p>
      ${tags ? `<div class="partners">${tags}</div>` : ''}
    </li>`);
  }
  parts.push('</ol>');
  if (total > PAGE) {
    const page = Math.floor(offset / PAGE) + 1;
    const pages = Math.ceil(total / PAGE);
    parts.push('<nav class="pager" aria-label="pages">');
    parts.push(offset > 0 ? `<a rel="prev" href="${esc(searchUrl(s, {offset: String(Math.max(0, offset - PAGE))}))}">
        ${esc(t('prev'))}</a>` : '<span></span>');
    parts.push(`<span>${esc(t('page', page, pages))}</span>`);
    parts.push(offset + PAGE < total ? `<a rel="next" href="${esc(searchUrl(s, {offset: String(offset + PAGE)}))}">
        ${esc(t('next'))}</a>` : '<span></span>');
    parts.push('</nav>');
  }
  box.innerHTML = parts.join('');
}

// ---- Document ------------------------------------------------------------------------------------------------
// The text as HTML with the byte-offset spans marked. `spans` are {start, end, cls, title?, id?} in UTF-8 bytes;
// they may overlap: the text is cut at every boundary and each piece carries the classes of the spans over it.
function highlightText(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const onBoundary = (i) => {  // a byte offset moved back to the start of its character
    i = Math.max(0, Math.min(bytes.length, i | 0));
    while (i > 0 && i < bytes.length && (bytes[i] & 0xC0) === 0x80) i--;
    return i;
  };
  const clean = spans.map((sp) => ({...sp, start: onBoundary(sp.start), end: onBoundary(sp.end)}))
      .filter((sp) => sp.end > sp.start);
  const cuts = new Set([0, bytes.length]);
  for (const sp of clean) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]; const b = points[i + 1];
    const piece = esc(decoder.decode(bytes.subarray(a, b)));
    const over = clean.filter((sp) => sp.start <= a && sp.end >= b);
    if (!over.length) { out.push(piece); continue; }
    const classes = [...new Set(over.flatMap((sp) => sp.cls.split(' ')))].join(' ');
    const titles = [...new Set(over.map((sp) => sp.title).filter(Boolean))].join(' · ');
    const anchor = clean.find((sp) => sp.id && sp.start === a);
    out.push(`<mark class="${classes}"${titles ? ` title="${esc(titles)}"` : ''}${anchor
        ? ` id="${esc(anchor.id)}"` : ''}>${piece}</mark>`);
  }
  return out.join('');
}

function dosesText(n) { return n == null ? '' : `${fmtNumber(n)} ${t('doses_unit')}`; }

function commitmentsTable(rows, {withPartner = true, withSource = false, anchors = false} = {}) {
  if (!rows.length) return `<p class="muted">${esc(t('no_commitments'))}</p>`;
  const head = [withPartner && 'col_partner', rows.some((r) => r.role) && 'col_role', 'col_kind', 'col_status',
                'col_doses', 'col_vaccine', 'col_due', withSource && 'col_date', 'col_sentence']
      .filter(Boolean);
  const body = rows.map((r, i) => {
    const cells = [];
    const td = (label, html, cls = '') => cells.push(`<td data-label="${esc(t(label))}"${cls ? ` class="${cls}"` : ''}>${
        html}</td>`);
    if (withPartner) td('col_partner', esc(partnerName(r.partner)));
    if (head.includes('col_role')) td('col_role', esc(tv('role', r.role)));
    td('col_kind', esc(tv('kind', r.kind)));
    td('col_status', esc(tv('status', r.status)));
    td('col_doses', esc(fmtNumber(r.doses)), 'num');
    td('col_vaccine', esc(r.vaccine || ''));
    td('col_due', esc(r.due || ''), 'date');
    if (withSource) td('col_date', esc(r.date || ''), 'date');
    const sentence = anchors ? `<a href="#c-${i}" data-anchor="c-${i}">${esc(r.sentence || '')}</a>`
        : esc(r.sentence || '');
    const source = withSource && r.doc_id ? ` <a class="src" href="/?${esc(qs({doc: r.doc_id, at: r.start}))}">${
        esc(baseName(r.source))}</a>` : '';
    td('col_sentence', sentence + source, 'sentence');
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="table-wrap"><table class="commitments"><thead><tr>${
      head.map((h) => `<th scope="col">${esc(t(h))}</th>`).join('')}</tr></thead>
      <tbody>${body.join('')}</tbody></table></div>`;
}

VIEWS.doc = async (main, route, current) => {
  const id = (route.id || '').trim();
  if (!id) {
    main.innerHTML = `<form id="doc-form" class="inline-form">
        <div class="field grow"><label for="doc-id">${esc(t('doc_open_label'))}</label>
        <input id="doc-id" name="id" pattern="[0-9a-fA-F]+" required spellcheck="false"></div>
        <button type="submit" class="primary">${esc(t('doc_open'))}</button></form>`;
    $('#doc-form').addEventListener('submit', (event) => {
      event.preventDefault();
      navigate(`/?${qs({doc: event.currentTarget.id.value.trim()})}`);
    });
    return;
  }
  main.innerHTML = `<p class="muted">${esc(t('loading'))}</p>`;
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  if (!current()) return;
  document.title = `${doc.title || id} — dipdoc`;
  const spans = [];
  (doc.commitments || []).forEach((c, i) => {
    const doses = c.doses ? ` · ${dosesText(c.doses)}` : '';
    spans.push({start: c.start, end: c.end, cls: `hl-commit c-${i}`, id: `c-${i}`,
                title: `${tv('kind', c.kind)} · ${tv('status', c.status)}${doses}`});
  });
  for (const p of doc.partners || []) {
    for (const [start, end] of p.spans || []) {
      spans.push({start, end, cls: 'hl-partner', title: `${p.name || p.id} (${p.id})`});
    }
  }
  for (const d of doc.doses || []) {
    spans.push({start: d.start, end: d.end, cls: 'hl-dose', title: `${fmtNumber(d.value)} ${d.unit || ''}`});
  }
  const partners = (doc.partners || []).map((p) => `<a class="tag" href="${esc(searchUrl({}, {partner: p.id}))}"
      data-partner="${esc(p.id)}">${esc(partnerName(p.id))}</a>`).join(' ');
  const meta = [
    ['meta_date', esc(doc.date || t('no_date'))],
    ['meta_type', esc(tv('type', doc.doc_type))],
    ['meta_language', esc(languageName(doc.language))],
    ['meta_source', `<span title="${esc(doc.source)}">${esc(baseName(doc.source))}</span>`],
    ['meta_id', `<code>${esc(doc.doc_id)}</code>`],
  ];
  if (doc.ocr) meta.push(['meta_ocr', esc(t('pages_conf', doc.ocr.pages, doc.ocr.mean_confidence || 0))]);
  if (partners) meta.push(['meta_partners', partners]);
  main.innerHTML = `
    <article class="document">
      <h1>${esc(doc.title || baseName(doc.source))}</h1>
      <dl class="meta-list">${meta.map(([k, v]) => `<div><dt>${esc(t(k))}</dt><dd>${v}</dd></div>`).join('')}</dl>
      <p><a class="button" href="/api/documents/${esc(encodeURIComponent(doc.doc_id))}/file"
            download="${esc(baseName(doc.source))}">${esc(t('doc_download'))}</a></p>
      <h2>${esc(t('commitments'))}</h2>
      ${commitmentsTable(doc.commitments || [], {anchors: true})}
      <h2>${esc(t('text'))}</h2>
      <p class="legend">${esc(t('legend'))} <mark class="hl-partner">${esc(t('legend_partner'))}</mark>
        <mark class="hl-dose">${esc(t('legend_dose'))}</mark>
        <mark class="hl-commit">${esc(t('legend_commit'))}</mark></p>
      <div id="doc-text" lang="${esc(doc.language || '')}">${highlightText(doc.text || '', spans)}</div>
    </article>`;
  const showCommitment = (anchor, behavior) => {
    const target = document.getElementById(anchor);
    if (!target) return;
    target.scrollIntoView({behavior, block: 'center'});
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1500);
  };
  // In-page anchors must not change the route: scroll instead.
  for (const link of main.querySelectorAll('a[data-anchor]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      showCommitment(link.dataset.anchor, 'smooth');
    });
  }
  // "?doc=ID&at=BYTE" (a ledger row's source link): the commitment that starts there, in view.
  const at = route.params.get('at');
  const cited = at === null ? -1 : (doc.commitments || []).findIndex((c) => String(c.start) === at);
  if (cited >= 0) {
    for (const piece of main.querySelectorAll(`#doc-text mark.c-${cited}`)) piece.classList.add('cited');
    showCommitment(`c-${cited}`, 'instant');
  }
};

// ---- Commitments ledger --------------------------------------------------------------------------------------
const LEDGER_COLUMNS = [
  {key: 'partner', label: 'col_partner', num: false},
  {key: 'committed', label: 'col_committed', num: true},
  {key: 'delivered', label: 'col_delivered', num: true},
  {key: 'outstanding', label: 'col_outstanding', num: true},
  {key: 'overdue', label: 'col_overdue', num: true},
  {key: 'conflicts', label: 'col_conflicts', num: true},
];

VIEWS.commitments = async (main, route, current) => {
  const p = route.params;
  const asOf = p.get('as_of') || today();
  const sort = LEDGER_COLUMNS.some((c) => c.key === p.get('sort')) ? p.get('sort') : 'committed';
  const dir = p.get('dir') === 'asc' ? 'asc' : p.get('dir') === 'desc' ? 'desc'
      : (sort === 'partner' ? 'asc' : 'desc');
  const selected = p.get('partner') || '';
  const state = {view: 'commitments', as_of: p.get('as_of') || '', sort: p.get('sort') || '',
                 dir: p.get('dir') || '', partner: selected};
  const url = (changes) => `/?${qs({...state, ...changes})}`;

  main.innerHTML = `
    <form id="ledger-form" class="inline-form">
      <div class="field"><label for="as-of">${esc(t('as_of'))}</label>
        <input id="as-of" name="as_of" type="date" value="${esc(asOf)}"></div>
      <button type="submit" class="primary">${esc(t('apply'))}</button>
      <a class="button" href="/api/commitments?${esc(qs({by_partner: 1, as_of: asOf, format: 'csv'}))}"
         download="ledger-${esc(asOf)}.csv">${esc(t('export_csv'))}</a>
    </form>
    <div id="ledger-box"><p class="muted">${esc(t('loading'))}</p></div>`;
  $('#ledger-form').addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(url({as_of: event.currentTarget.as_of.value}));
  });

  const data = await api(`/api/commitments?${qs({by_partner: 1, as_of: asOf})}`);
  if (!current()) return;
  const rows = (data.partners || []).slice();
  const value = (r, key) => key === 'conflicts' ? (r.conflicts || []).length : r[key];
  rows.sort((a, b) => {
    const va = value(a, sort); const vb = value(b, sort);
    const c = sort === 'partner' ? partnerName(va).localeCompare(partnerName(vb)) : (va || 0) - (vb || 0);
    return dir === 'asc' ? c : -c;
  });
  const head = LEDGER_COLUMNS.map((c) => {
    const active = c.key === sort;
    const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : (c.num ? 'desc' : 'asc');
    const ariaSort = active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return `<th scope="col" aria-sort="${ariaSort}" class="${c.num ? 'num' : ''}">
        <button type="button" class="sort" data-sort="${c.key}" data-dir="${nextDir}">${esc(t(c.label))}
        <span aria-hidden="true">${active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span></button></th>`;
  }).join('');
  const body = rows.map((r) => `
    <tr class="${r.partner === selected ? 'selected' : ''}${r.overdue > 0 ? ' has-overdue' : ''}">
      <th scope="row"><a href="${esc(url({partner: r.partner}))}" data-partner="${esc(r.partner)}">${
          esc(partnerName(r.partner))}</a></th>
      <td class="num">${esc(fmtNumber(r.committed))}</td><td class="num">${esc(fmtNumber(r.delivered))}</td>
      <td class="num">${esc(fmtNumber(r.outstanding))}</td><td class="num overdue">${esc(fmtNumber(r.overdue))}</td>
      <td class="num">${(r.conflicts || []).length || ''}</td>
      <td class="actions"><a class="button small" href="/?${esc(qs({view: 'draft', partner: r.partner, lang: 'vi',
          as_of: state.as_of}))}">${esc(t('draft_letter'))}</a></td>
    </tr>`).join('');
  const conflicts = rows.filter((r) => (r.conflicts || []).length).map((r) => `<li><strong>${
      esc(partnerName(r.partner))}</strong><ul>${r.conflicts.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></li>`);
  const chosen = rows.find((r) => r.partner === selected);
  $('#ledger-box').innerHTML = `
    ${chosen ? `<section id="partner-detail"><h2 class="first">${esc(t('partner_commitments', partnerName(chosen.partner)))}
        <a class="button small" href="${esc(url({partner: ''}))}">${esc(t('close'))}</a></h2>
        ${commitmentsTable(chosen.commitments || [], {withPartner: false, withSource: true})}</section>` : ''}
    <div class="table-wrap"><table id="ledger">
      <caption>${esc(t('ledger_caption'))} — ${esc(t('as_of'))} ${esc(data.as_of || asOf)}</caption>
      <thead><tr>${head}<th scope="col">${esc(t('col_actions'))}</th></tr></thead>
      <tbody>${body}</tbody></table></div>
    <section class="conflicts"><h2>${esc(t('conflicts'))}</h2>
      ${conflicts.length ? `<ul>${conflicts.join('')}</ul>` : `<p class="muted">${esc(t('no_conflicts'))}</p>`}
    </section>`;
  for (const button of main.querySelectorAll('button.sort')) {
    button.addEventListener('click', () => navigate(url({sort: button.dataset.sort, dir: button.dataset.dir}), true));
  }
};

// ---- Draft letter --------------------------------------------------------------------------------------------
VIEWS.draft = async (main, route, current) => {
  const partner = route.params.get('partner') || '';
  const lang = ['vi', 'en', 'fr'].includes(route.params.get('lang')) ? route.params.get('lang') : 'vi';
  const asOf = route.params.get('as_of') || '';
  const apiUrl = `/api/draft?${qs({partner, lang, as_of: asOf})}`;
  const langs = ['vi', 'en', 'fr'].map((l) => `<a class="button small${l === lang ? ' active' : ''}" ${
      l === lang ? 'aria-current="true"' : ''} href="/?${esc(qs({view: 'draft', partner, lang: l, as_of: asOf}))}">${
      esc(languageName(l))}</a>`).join(' ');
  main.innerHTML = `
    <p><a href="/?${esc(qs({view: 'commitments', partner, as_of: asOf}))}">${esc(t('back_ledger'))}</a></p>
    <h1>${esc(t('draft_title', partnerName(partner)))}</h1>
    <div class="toolbar" role="group" aria-label="${esc(t('draft_lang'))}">${esc(t('draft_lang'))}: ${langs}
      <a class="button small" href="${esc(apiUrl)}" target="_blank" rel="noopener">${esc(t('open_raw'))}</a></div>
    <pre id="draft-text" lang="${esc(lang)}">${esc(t('loading'))}</pre>`;
  const text = await api(apiUrl, true);
  if (!current()) return;
  $('#draft-text').textContent = text;
};

// ---- Report --------------------------------------------------------------------------------------------------
VIEWS.report = async (main, route, current) => {
  const from = route.params.get('from') || '';
  const to = route.params.get('to') || '';
  const link = (format) => `/api/report?${qs({from, to, format})}`;
  main.innerHTML = `
    <h1>${esc(t('report_title'))}</h1>
    <form id="report-form" class="inline-form">
      <div class="field"><label for="r-from">${esc(t('from'))}</label>
        <input id="r-from" name="from" value="${esc(from)}" placeholder="YYYY-MM-DD" size="10"
               pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" title="${esc(t('date_hint'))}"></div>
      <div class="field"><label for="r-to">${esc(t('to'))}</label>
        <input id="r-to" name="to" value="${esc(to)}" placeholder="YYYY-MM-DD" size="10"
               pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" title="${esc(t('date_hint'))}"></div>
      <button type="submit" class="primary">${esc(t('apply'))}</button>
    </form>
    <p class="toolbar">
      <a class="button" href="${esc(link('html'))}" target="_blank" rel="noopener">${esc(t('report_open'))}</a>
      <a class="button" href="${esc(link('md'))}" download="report.md">${esc(t('report_md'))}</a>
      <a class="button" href="${esc(link('json'))}" download="report.json">${esc(t('report_json'))}</a>
    </p>
    <details id="report-drafts" open><summary>${esc(t('report_drafts'))}</summary>
      <p class="muted">${esc(t('loading'))}</p></details>
    <iframe id="report-frame" title="${esc(t('report_frame'))}" src="${esc(link('html'))}"></iframe>`;
  $('#report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    navigate(`/?${qs({view: 'report', from: form.from.value.trim(), to: form.to.value.trim()})}`);
  });
  // A malformed date makes the frame show the server's error JSON; say it in the message area too.
  if (from || to) {
    try { await api(link('json')); } catch (e) { reportError(e); }
  }
  // A draft-letter button for each partner with commitments, most doses committed first.
  const ledger = await api(`/api/commitments?${qs({by_partner: 1})}`);
  if (!current()) return;
  const partners = (ledger.partners || []).slice().sort((a, b) => (b.committed || 0) - (a.committed || 0));
  $('#report-drafts').innerHTML = `<summary>${esc(t('report_drafts'))}</summary>
      <ul class="draft-buttons">${partners.map((p) => `<li><a class="button small" data-partner="${esc(p.partner)}"
          href="/?${esc(qs({view: 'draft', partner: p.partner, lang: 'vi'}))}">${esc(partnerName(p.partner))}</a></li>`)
      .join('')}</ul>`;
};

// ---- Upload --------------------------------------------------------------------------------------------------
VIEWS.upload = async (main) => {
  main.innerHTML = `
    <h1>${esc(t('upload_title'))}</h1>
    <label id="drop-zone" for="file-input" tabindex="-1">
      <span>${esc(t('upload_drop'))}</span>
    </label>
    <p><label for="file-input" class="sr-only">${esc(t('upload_input'))}</label>
      <input id="file-input" type="file" multiple></p>
    <ul id="upload-list"></ul>`;
  const zone = $('#drop-zone');
  const input = $('#file-input');
  input.addEventListener('change', () => { uploadFiles([...input.files]); input.value = ''; });
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (event) => { event.preventDefault(); zone.classList.add('over'); });
  }
  for (const type of ['dragleave', 'drop']) {
    zone.addEventListener(type, () => zone.classList.remove('over'));
  }
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    uploadFiles([...(event.dataTransfer?.files || [])]);
  });
};

async function uploadFiles(files) {
  for (const file of files) await uploadFile(file);
}

function uploadFile(file) {
  return new Promise((resolve) => {
    const list = $('#upload-list');
    if (!list) { resolve(); return; }
    const item = document.createElement('li');
    item.className = 'upload';
    item.innerHTML = `<div class="upload-name">${esc(t('upload_sending', file.name))}</div>
        <progress max="100" value="0" aria-label="${esc(t('upload_progress'))}"></progress>
        <div class="upload-result" aria-live="polite"></div>`;
    list.prepend(item);
    const bar = item.querySelector('progress');
    const result = item.querySelector('.upload-result');
    const fail = (message) => {
      item.classList.add('failed');
      result.innerHTML = `<p class="error-text">${esc(t('upload_failed', file.name))} ${esc(message)}</p>`;
      showMessage(`${t('upload_failed', file.name)} ${message}`);
      resolve();
    };
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/documents?${qs({name: file.name})}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) bar.value = Math.round((100 * event.loaded) / event.total);
    });
    xhr.addEventListener('error', () => fail(t('network_error')));
    xhr.addEventListener('load', () => {
      bar.value = 100;
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status < 200 || xhr.status >= 300 || !body || body.error) {
        fail((body && body.error) || `HTTP ${xhr.status}`);
        return;
      }
      item.querySelector('.upload-name').textContent = `${t('upload_done')} ${file.name}`;
      const partners = (body.partners || []).map((p) => `<span class="tag" data-partner="${esc(p.id)}">${
          esc(partnerName(p.id))}</span>`).join(' ');
      result.innerHTML = `<p><a class="title" href="/?${esc(qs({doc: body.doc_id}))}">${
          esc(body.title || file.name)}</a></p>
          ${partners ? `<p>${esc(t('meta_partners'))}: ${partners}</p>` : ''}
          ${commitmentsTable(body.commitments || [])}`;
      resolve();
    });
    xhr.send(file);
  });
}

// ---- Start ---------------------------------------------------------------------------------------------------
function start() {
  applyLanguage();
  $('#lang-toggle').addEventListener('click', () => {
    uiLang = uiLang === 'vi' ? 'en' : 'vi';
    try { localStorage.setItem(LANG_KEY, uiLang); } catch (e) { /* storage disabled */ }
    applyLanguage();
    render();
  });
  // Same-page links ("/?...") change the view without reloading; downloads and new tabs are left alone.
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey) return;
    const link = event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download')) return;
    const href = link.getAttribute('href');
    if (href === '#view') {  // the skip link: focus the content without touching the route
      event.preventDefault();
      $('#view').focus();
      return;
    }
    if (!href.startsWith('/?')) return;
    event.preventDefault();
    navigate(href);
    $('#view').focus({preventScroll: true});
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', render);
  window.addEventListener('hashchange', render);
  window.addEventListener('unhandledrejection', (event) => { event.preventDefault(); reportError(event.reason); });
  window.addEventListener('error', () => showMessage(t('unexpected')));
  render();
}

start();
