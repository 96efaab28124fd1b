// drafter workbench: the outline as a form. Plain JavaScript, no build step, no request
// leaves this server. The YAML file is the source of truth: the page edits a copy of its
// data and saves it with the version it loaded; the server refuses a stale save.
"use strict";

const $ = (sel) => document.querySelector(sel);
const ORIGIN = "__o";
const DIGITS = "零一二三四五六七八九";
const S = { path: null, version: null, data: null, form: null, sections: [], dirty: false,
            seq: 0, timer: null, findings: [], error: null, soffice: false, kinds: [], against: "" };

// --- numbers, as drafter/numbering.py writes them ------------------------------------------
function cn(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? DIGITS[n % 10] : "");
  if (n < 100) return DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? DIGITS[n % 10] : "");
  return String(n);
}
const cnCount = (n) => (n === 2 ? "两" : cn(n));
function marker(i, count, style) {  // i is 1-based
  switch (style) {
    case "一、": return cn(i) + "、";
    case "（一）": return "（" + cn(i) + "）";
    case "1.": return i + ".";
    case "（1）": return "（" + i + "）";
    case "一是": return cn(i) + "是";
    case "一要": return cn(i) + "要";
    case "首先": return i === 1 ? "首先" : (i === count && count > 2 ? "最后" : ["其次", "再次"][i - 2] || "？");
    default: return "";
  }
}
const DEFAULT_STYLES = { 2: "（一）", 3: "1.", 4: "（1）" };
// A style as the schema reads it: `style: 1.` is the number 1 in YAML, and means "1."
function canonStyle(v) {
  if (v === undefined || v === null || v === "") return v;
  const s = String(v).trim();
  return (S.form && S.form.style_aliases && S.form.style_aliases[s]) || s;
}
function styleLabel(style) {
  const found = ((S.form && S.form.style_labels) || []).find((x) => x.value === style);
  return found ? found.label : style;
}

// --- paths such as points[1].subpoints[0].title --------------------------------------------
function parsePath(path) {
  const out = [];
  path.replace(/([^.[\]]+)|\[(\d+)\]/g, (m, key, idx) => { out.push(idx !== undefined ? Number(idx) : key); });
  return out;
}
function fmtPath(parts) {
  return parts.reduce((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "");
}
function getAt(parts) {
  let v = S.data;
  for (const p of parts) { if (v == null) return undefined; v = v[p]; }
  return v;
}
function parentOf(parts, create) {
  let v = S.data;
  for (let i = 0; i < parts.length - 1; i++) {
    if (v[parts[i]] == null || typeof v[parts[i]] !== "object") {
      if (!create) return null;
      v[parts[i]] = typeof parts[i + 1] === "number" ? [] : {};
    }
    v = v[parts[i]];
  }
  return v;
}
// Set a field; an empty optional value removes the key. New keys go where the schema puts them.
function setAt(parts, value, order) {
  const parent = parentOf(parts, true);
  const key = parts[parts.length - 1];
  if (Array.isArray(parent)) { parent[key] = value; return; }
  const empty = value === "" || value === null || value === undefined;
  if (empty) { delete parent[key]; return; }
  if (key in parent || !order) { parent[key] = value; return; }
  const entries = Object.entries(parent);
  const rank = (k) => { const i = order.indexOf(k); return i < 0 ? 1e9 : i; };
  let at = entries.length;
  for (let i = 0; i < entries.length; i++) { if (rank(entries[i][0]) > rank(key)) { at = i; break; } }
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(parent)) delete parent[k];
  for (const [k, v] of entries) parent[k] = v;
}
// A paragraphs field as a list (one text with blank lines is split the way drafter splits it).
function paraList(parts) {
  let v = getAt(parts);
  if (typeof v === "string") v = v.split(/\n\s*\n/).filter((p) => p.trim());
  if (!Array.isArray(v)) v = [];
  return v;
}
function ensureList(parts, order) {
  const v = paraList(parts);
  if (getAt(parts) !== v) setAt(parts, v, order);
  return getAt(parts);
}

// --- talking to the server -------------------------------------------------------------------
async function call(url, body) {
  const opts = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json", "X-Drafter": "1" }, body: JSON.stringify(body) };
  const resp = await fetch(url, opts);
  let data;
  try { data = await resp.json(); } catch (e) { data = { error: `服务器没有给出可读的回答（${resp.status}）` }; }
  if (!resp.ok) { const err = new Error(data.error || "出错了"); err.data = data; err.status = resp.status; throw err; }
  return data;
}
function banner(text, opts = {}) {
  $("#banner").hidden = !text;
  $("#banner").classList.toggle("ok", !!opts.ok);
  $("#banner-text").textContent = text || "";
  $("#reload").hidden = !opts.reload;
}
function setStatus(text, dirty) {
  $("#status").textContent = text;
  $("#status").classList.toggle("dirty", !!dirty);
}
function markDirty() {
  S.dirty = true;
  setStatus("未保存的修改", true);
  schedulePreview();
}

// --- the outline list and new outlines -------------------------------------------------------
async function loadList() {
  const info = await call("/api/outlines");
  S.soffice = info.soffice;
  S.kinds = info.kinds;
  $("#workspace").textContent = `工作区：${info.name}`;
  $("#workspace").title = info.root;
  const list = $("#outline-list");
  list.textContent = "";
  const labels = Object.fromEntries(info.kinds.map((k) => [k.name, k.label]));
  const times = {};
  for (const o of info.outlines) times[o.title] = (times[o.title] || 0) + 1;
  for (const o of info.outlines) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.path = o.path;
    b.setAttribute("aria-current", String(o.path === S.path));
    b.title = o.path;
    b.append(el("span", { class: "title", text: o.title || o.name }));
    const small = document.createElement("small");
    const when = o.date ? o.date : `修改于 ${o.modified}`;
    // the file name only where it tells outlines apart: the same title, or none
    small.textContent = `${labels[o.kind] || o.kind} · ${when}`;
    if (!o.title || times[o.title] > 1) small.append(el("span", { class: "file", text: o.name }));
    b.append(small);
    b.addEventListener("click", () => openOutline(o.path));
    li.append(b);
    list.append(li);
  }
  if (!info.outlines.length) list.innerHTML = '<li class="muted">这里还没有大纲。</li>';
  const sel = $("#new-kind");
  if (!sel.options.length) for (const k of info.kinds) sel.append(new Option(`${k.label}（${k.name}）`, k.name));
}

async function createOutline(ev) {
  ev.preventDefault();
  try {
    const made = await call("/api/outlines", { kind: $("#new-kind").value, name: $("#new-name").value });
    $("#new-name").value = "";
    banner(`已新建 ${made.path}`, { ok: true });
    await openOutline(made.path);
  } catch (e) { banner(e.message); }
}

async function openOutline(path) {
  if (S.dirty && S.path !== path && !confirm("当前大纲有未保存的修改，确定放弃吗？")) {
    location.hash = encodeURIComponent(S.path);
    return;
  }
  try {
    const got = await call(`/api/outline?path=${encodeURIComponent(path)}`);
    clearTimeout(S.timer);
    ++S.seq;  // answers about the outline shown before are no longer wanted
    S.path = got.path; S.version = got.version; S.data = got.data; S.form = got.form;
    S.sections = got.sections; S.dirty = false; S.error = null; S.findings = [];
    $("#preview").textContent = "";
    $("#preview-error").hidden = true;
    $("#speaking").textContent = "";
    location.hash = encodeURIComponent(got.path);
    $("#current").textContent = got.path;
    setStatus("已载入");
    banner("");
    for (const id of ["#save", "#download-docx"]) $(id).disabled = false;
    $("#make-set").hidden = got.form.kind !== "meeting";
    $("#download-pdf").disabled = !S.soffice;
    $("#download-pdf").title = S.soffice ? "" : "未安装 LibreOffice，不能生成 PDF";
    $("#show-pdf").disabled = !S.soffice;
    $("#pdf-pages").hidden = true;
    await loadList();
    renderForm();
    $(".editor").scrollTop = 0;
    runPreview();
  } catch (e) { banner(e.message); }
}

// --- the form ----------------------------------------------------------------------------------
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) if (kid) e.append(kid);
  return e;
}
let uid = 0;
const nextId = () => `f${++uid}`;
const fieldOrder = () => S.form.fields.map((f) => f.name);
const pointOrder = () => S.form.point.map((f) => f.name);
const LABELS = { title: "标题", speaker: "讲话人", role: "职务", meeting: "会议", date: "日期", salutation: "称呼",
  opening: "开场", theme: "主题", announce: "生成“我讲×点意见”", points: "要点", closing: "结尾", signoff: "结束语",
  limit: "限时（分钟）", region: "所在省份", organ: "机关", reporter: "报告人", masthead: "发文机关标志",
  number: "发文字号", prefix: "机关代字", year: "年份", serial: "顺序号", addressees: "主送机关", intro: "开头",
  attachments: "附件", signer: "署名", note: "附注", cc: "抄送机关", printer: "印发机关", printed: "印发日期",
  paragraphs: "正文段落", style: "下一层序号样式", subpoints: "分论点", columns: "表格列名", rows: "空白行数" };
const KIND_LABELS = { notice: { organ: "发文机关", title: "标题", date: "成文日期" }, report: { organ: "报告机关" },
  "host-script": { name: "名称", number: "第几项议程" }, meeting: { name: "名称" } };
// A field of a kind folder that the names above do not know is labelled by the first words of its
// Chinese description (kind.yaml: “期号，排成‘第×期’” → 期号), not by its id.
const docLabel = (f) => { const w = (f.doc || "").split(/[，,：:；;（(。]/)[0].trim(); return w && w.length <= 14 ? w : ""; };
const label = (f) => (S.form && (KIND_LABELS[S.form.kind] || {})[f.name]) || LABELS[f.name] || docLabel(f) || f.name;

function input(parts, f, order) {
  const path = fmtPath(parts);
  const id = nextId();
  const value = getAt(parts);
  let control;
  const onchange = (v) => { setAt(parts, v, order); markDirty(); };
  if (f.type === "boolean") {
    const def = f.name === "announce" ? true : false;
    control = el("input", { type: "checkbox", id, "data-path": path });
    control.checked = value === undefined || value === null ? def : !!value;
    control.addEventListener("change", () => { onchange(control.checked); renderForm(); });
    return el("div", { class: "field" }, control, el("label", { for: id, text: ` ${label(f)}` }));
  }
  if (f.type === "choice") {
    control = el("select", { id, "data-path": path });
    const shown = (c) => (f.labels ? f.labels(c) : c);
    control.append(new Option(f.fallback ? `默认：${shown(f.fallback)}` : "（默认）", ""));
    for (const c of f.choices) control.append(new Option(shown(c), c));
    const v = value == null ? "" : f.canon ? f.canon(value) : String(value);
    if (v !== "" && !f.choices.includes(v)) control.append(new Option(`${v}（不是可选值）`, v));
    control.value = v;
    control.addEventListener("change", () => { onchange(control.value); renderForm(); });
  } else if (f.type === "lines") {
    const hintLine = f.item === "date" ? "每行一个日期，如 2024-03-20" : f.item === "integer" ? "每行一个序号，如 1" : "每行一个";
    control = el("textarea", { id, "data-path": path, rows: 2, placeholder: hintLine });
    control.value = Array.isArray(value) ? value.join("\n") : value == null ? "" : String(value);
    control.addEventListener("input", () => {
      let lines = control.value.split("\n").map((s) => s.trim()).filter(Boolean);
      if (f.item === "integer") lines = lines.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      onchange(lines.length ? lines : "");
    });
  } else {
    const hint = f.default !== undefined && f.default !== "" ? `默认：${f.default}` : f.type === "date" ? "如 2024-03-20" : "";
    control = el("input", { type: f.type === "integer" ? "number" : "text", id, "data-path": path, placeholder: hint });
    control.value = value == null ? "" : String(value);
    control.addEventListener("input", () => {
      let v = control.value;
      if (f.type === "integer" && v.trim() !== "" && /^-?\d+$/.test(v.trim())) v = Number(v);
      onchange(v);
    });
  }
  const lab = el("label", { for: id, text: label(f) + (f.required ? "（必填）" : "") });
  if (f.doc) lab.title = f.doc;
  const box = el("div", { class: "field" }, lab, control);
  if (f.allow_empty) {  // e.g. no salutation at all: the field is kept as ""
    const none = el("input", { type: "checkbox", id: nextId(), "data-path": `${path}:none` });
    none.checked = value === "";
    control.disabled = none.checked;
    none.addEventListener("change", () => {
      const parent = parentOf(parts, true);
      if (none.checked) { setAt(parts, "x", order); parent[parts[parts.length - 1]] = ""; } else delete parent[parts[parts.length - 1]];
      markDirty();
      renderForm();
    });
    box.append(el("div", { class: "none" }, none, el("label", { for: none.id, text: ` 不要${label(f)}` })));
  }
  return box;
}

function renderForm(focusPath) {
  const form = $("#outline-form");
  const active = focusPath || (document.activeElement && document.activeElement.dataset.path);
  const scroll = $(".editor").scrollTop;
  form.textContent = "";
  $("#empty").hidden = true;
  form.hidden = false;
  const facts = el("fieldset", {}, el("legend", { text: `${S.form.label}：基本信息` }));
  const grid = el("div", { class: "grid2" });
  const later = [];
  for (const f of S.form.fields) {
    if (f.name === "kind") continue;
    if (["paragraphs", "points", "unsupported", "record", "records"].includes(f.type)) { later.push(f); continue; }
    const node = input([f.name], f, fieldOrder());
    (f.name === "title" ? facts : grid).append(node);
  }
  facts.append(grid);
  form.append(facts);
  for (const f of later) {
    const box = el("fieldset", {}, el("legend", { text: label(f) + (f.required ? "（必填）" : "") }));
    box.dataset.path = f.name;
    if (f.type === "paragraphs") box.append(paragraphsEditor([f.name], fieldOrder()));
    else if (f.type === "points") { announce(box); box.append(pointsEditor([f.name], 1, "一、")); }
    else if (f.type === "record") {
      const g = el("div", { class: "grid2" });
      for (const sub of f.fields) g.append(input([f.name, sub.name], sub, f.fields.map((x) => x.name)));
      box.append(g);
    } else if (f.type === "records") box.append(recordsEditor([f.name], f));
    else box.append(el("p", { class: "muted", text: `${label(f)}请直接在 YAML 文件中编辑；保存时原样保留。` }));
    form.append(box);
  }
  showMarks();
  $(".editor").scrollTop = scroll;
  if (active) focusField(active, false);
}

// A list of records, such as a notice's attachments: a card each, fields from the schema.
function recordsEditor(parts, f) {
  const wrap = el("div", { class: "points" });
  const items = Array.isArray(getAt(parts)) ? getAt(parts) : [];
  const what = label(f);
  const order = f.fields.map((x) => x.name);
  items.forEach((item, i) => {
    const here = [...parts, i];
    const list = () => getAt(parts);
    const card = el("div", { class: "point", "data-path": fmtPath(here) });
    card.append(el("div", { class: "point-head" },
      el("span", { class: "marker", text: `${what}${i + 1}` }), el("span", { class: "grow" }),
      el("button", { type: "button", text: "↑", "aria-label": `${what}${i + 1}上移`, disabled: i === 0,
        onclick: () => moveItem(list(), i, i - 1) }),
      el("button", { type: "button", text: "↓", "aria-label": `${what}${i + 1}下移`, disabled: i === items.length - 1,
        onclick: () => moveItem(list(), i, i + 1) }),
      el("button", { type: "button", text: "删除", "aria-label": `删除${what}${i + 1}`,
        onclick: () => { list().splice(i, 1); markDirty(); renderForm(); } })));
    const grid = el("div", { class: "grid2" });
    for (const sub of f.fields) {
      if (sub.type === "paragraphs") {
        card.append(el("div", { class: "field", "data-path": fmtPath([...here, sub.name]) },
          el("span", { class: "label", text: label(sub) }), paragraphsEditor([...here, sub.name], order)));
      } else if (sub.type === "records") {  // a list of records inside a record (a sitting's items)
        card.append(el("div", { class: "field", "data-path": fmtPath([...here, sub.name]) },
          el("span", { class: "label", text: label(sub) }), recordsEditor([...here, sub.name], sub)));
      } else if (sub.type === "record") {  // a record inside a record: its fields side by side
        const g = el("div", { class: "grid2", "data-path": fmtPath([...here, sub.name]) });
        for (const inner of sub.fields) g.append(input([...here, sub.name, inner.name], inner, sub.fields.map((x) => x.name)));
        card.append(el("div", { class: "field" }, el("span", { class: "label", text: label(sub) }), g));
      } else grid.append(input([...here, sub.name], sub, order));
    }
    card.insertBefore(grid, card.children[1] || null);
    wrap.append(card);
  });
  wrap.append(el("div", { class: "adders" }, el("button", { type: "button", text: `＋ ${what}`,
    "aria-label": `添加${what}`, onclick: () => {
      if (!Array.isArray(getAt(parts))) setAt(parts, [], fieldOrder());
      const first = f.fields.some((x) => x.name === "title") ? "title" : f.fields[0].name;
      getAt(parts).push({ [first]: "" });
      markDirty();
      renderForm(fmtPath([...parts, getAt(parts).length - 1, first]));
    } })));
  return wrap;
}

function announce(box) {
  if (S.form.kind !== "speech") return;
  const n = (getAt(["points"]) || []).length;
  const on = getAt(["announce"]) !== false;
  box.append(el("div", { class: "announce", id: "announce", "aria-live": "polite",
    text: on ? (n ? `开场末尾宣布：我讲${cnCount(n)}点意见。` : "还没有要点。") : "不生成“我讲×点意见”。" }));
}

function paragraphsEditor(parts, order) {
  const wrap = el("div", { class: "paras" });
  const items = paraList(parts);
  const name = parts.length === 1 ? label({ name: parts[0] }) : "正文";
  items.forEach((item, i) => {
    const here = [...parts, i];
    const tools = el("div", { class: "tools" },
      el("button", { type: "button", "aria-label": `${name}第${i + 1}段上移`, text: "↑", disabled: i === 0,
        onclick: () => moveItem(ensureList(parts, order), i, i - 1, fmtPath([...parts, i - 1])) }),
      el("button", { type: "button", "aria-label": `${name}第${i + 1}段下移`, text: "↓", disabled: i === items.length - 1,
        onclick: () => moveItem(ensureList(parts, order), i, i + 1, fmtPath([...parts, i + 1])) }),
      el("button", { type: "button", "aria-label": `删除${name}第${i + 1}段`, text: "删除",
        onclick: () => { ensureList(parts, order).splice(i, 1); markDirty(); renderForm(); } }));
    if (item && typeof item === "object") {
      wrap.append(el("div", { class: "para" }, sectionCard(here, item, "paragraphs"), tools));
      return;
    }
    const id = nextId();
    const ta = el("textarea", { id, "data-path": fmtPath(here), rows: Math.min(8, Math.max(2, Math.ceil(String(item).length / 40))),
      "aria-label": `${name}第${i + 1}段` });
    ta.value = item == null ? "" : String(item);
    ta.addEventListener("input", () => {
      ensureList(parts, order)[i] = ta.value;
      if (ta.scrollHeight > ta.clientHeight) ta.style.height = `${ta.scrollHeight + 4}px`;
      markDirty();
    });
    wrap.append(el("div", { class: "para" }, ta, tools));
  });
  wrap.append(adders(parts, "paragraphs", order, name));
  return wrap;
}

function adders(parts, place, order, name) {
  const box = el("div", { class: "adders" });
  const isPoints = place === "point";
  box.append(el("button", { type: "button", text: isPoints ? "＋ 要点" : "＋ 段落",
    "aria-label": isPoints ? `在${name}末尾添加一点` : `在${name}末尾添加一段`,
    onclick: () => {
      const list = isPoints ? ensurePoints(parts) : ensureList(parts, order);
      list.push(isPoints ? { title: "", paragraphs: [] } : "");
      markDirty();
      renderForm(isPoints ? fmtPath([...parts, list.length - 1, "title"]) : fmtPath([...parts, list.length - 1]));
    } }));
  // paragraph sections (会议开场, 结尾号召) go in the document's own paragraph lists
  const fitting = place === "paragraphs" && parts.length > 1 ? [] : S.sections.filter((s) => s.place === place);
  if (fitting.length) {
    const id = nextId();
    const sel = el("select", { id, "aria-label": `为${name}选择片段` });
    for (const s of fitting) sel.append(new Option(s.name, s.name));
    box.append(sel, el("button", { type: "button", text: "插入片段", "aria-label": `在${name}末尾插入所选片段`,
      onclick: () => {
        const list = isPoints ? ensurePoints(parts) : ensureList(parts, order);
        list.push({ use: sel.value, with: {} });
        markDirty();
        renderForm(fmtPath([...parts, list.length - 1, "use"]));
      } }));
  }
  return box;
}

function ensurePoints(parts) {
  let v = getAt(parts);
  if (!Array.isArray(v)) { setAt(parts, [], parts.length === 1 ? fieldOrder() : pointOrder()); v = getAt(parts); }
  return v;
}

function moveItem(list, from, to, focus) {
  if (to < 0 || to >= list.length) return;
  const [x] = list.splice(from, 1);
  list.splice(to, 0, x);
  markDirty();
  renderForm(focus);
}

function pointsEditor(parts, depth, style) {
  const wrap = el("div", { class: "points", "data-list": fmtPath(parts) });
  const items = Array.isArray(getAt(parts)) ? getAt(parts) : [];
  const name = depth === 1 ? "要点" : "分论点";
  items.forEach((p, i) => wrap.append(pointCard(parts, i, items.length, depth, style)));
  wrap.append(adders(parts, "point", pointOrder(), depth === 1 ? "要点" : `第${depth}层`));
  return wrap;
}

function pointCard(parts, i, count, depth, style) {
  const here = [...parts, i];
  const p = getAt(here) || {};
  const mark = p.use && !p.title ? `${marker(i + 1, count, style)}（片段）` : marker(i + 1, count, style);
  const what = depth === 1 ? "要点" : "分论点";
  const card = el("div", { class: "point", "data-path": fmtPath(here), "data-index": i, "data-list": fmtPath(parts) });
  const handle = el("span", { role: "button", tabindex: "0", class: "handle", draggable: "true", text: "⠿",
    "aria-label": `拖动或用 Alt+↑/↓ 移动第${i + 1}个${what}` });
  const list = () => getAt(parts);
  handle.addEventListener("keydown", (ev) => {
    if (!ev.altKey || (ev.key !== "ArrowUp" && ev.key !== "ArrowDown")) return;
    ev.preventDefault();
    const to = ev.key === "ArrowUp" ? i - 1 : i + 1;
    moveItem(list(), i, to, `${fmtPath([...parts, to])}:handle`);
  });
  handle.dataset.path = `${fmtPath(here)}:handle`;
  card.append(el("div", { class: "point-head" },
    handle,
    el("span", { class: "marker", text: mark }),
    el("span", { class: "grow", text: p.use ? `片段：${p.use}` : "" }),
    el("button", { type: "button", text: "↑", "aria-label": `第${i + 1}个${what}上移`, disabled: i === 0,
      onclick: () => moveItem(list(), i, i - 1, fmtPath([...parts, i - 1, "title"])) }),
    el("button", { type: "button", text: "↓", "aria-label": `第${i + 1}个${what}下移`, disabled: i === count - 1,
      onclick: () => moveItem(list(), i, i + 1, fmtPath([...parts, i + 1, "title"])) }),
    el("button", { type: "button", text: "删除", "aria-label": `删除第${i + 1}个${what}`,
      onclick: () => { list().splice(i, 1); markDirty(); renderForm(); } })));
  // drag and drop within the same list
  handle.addEventListener("dragstart", (ev) => {
    ev.dataTransfer.setData("text/plain", JSON.stringify({ list: fmtPath(parts), index: i }));
    ev.dataTransfer.effectAllowed = "move";
    card.classList.add("dragging");
  });
  handle.addEventListener("dragend", () => card.classList.remove("dragging"));
  card.addEventListener("dragover", (ev) => { ev.preventDefault(); ev.stopPropagation(); card.classList.add("drop-target"); });
  card.addEventListener("dragleave", () => card.classList.remove("drop-target"));
  card.addEventListener("drop", (ev) => {
    ev.preventDefault(); ev.stopPropagation();
    card.classList.remove("drop-target");
    let src;
    try { src = JSON.parse(ev.dataTransfer.getData("text/plain")); } catch (e) { return; }
    if (!src || src.list !== fmtPath(parts) || src.index === i) return;
    moveItem(list(), src.index, i, `${fmtPath([...parts, i])}:handle`);
  });
  const order = pointOrder();
  if (p.use) {
    card.append(sectionCard(here, p, "point"));
  } else {
    card.append(input([...here, "title"], { name: "title", type: "text", required: true,
      doc: "这一点的标题或领起句" }, order));
    const paraBox = el("div", { class: "field", "data-path": fmtPath([...here, "paragraphs"]) },
      el("span", { class: "label", text: "正文段落" }), paragraphsEditor([...here, "paragraphs"], order));
    card.append(paraBox);
  }
  const fallback = p.use ? "" : DEFAULT_STYLES[depth + 1] || "（1）";
  const next = canonStyle(p.style) || fallback;
  if (depth < S.form.max_depth) {
    card.append(input([...here, "style"], { name: "style", type: "choice", choices: S.form.styles,
      doc: "下一层序号样式", labels: styleLabel, canon: canonStyle, fallback }, order));
    if (!p.use) {
      const subs = el("div", { class: "field", "data-path": fmtPath([...here, "subpoints"]) },
        el("span", { class: "label", text: next ? `分论点（序号：${styleLabel(next)}）` : "分论点" }), pointsEditor([...here, "subpoints"], depth + 1, next));
      card.append(subs);
    }
  }
  return card;
}

function sectionCard(here, item, place) {
  const sec = S.sections.find((s) => s.name === item.use);
  const box = el("div", { class: "section-card", "data-path": fmtPath(here) });
  const id = nextId();
  const sel = el("select", { id, "data-path": fmtPath([...here, "use"]) });
  const names = S.sections.filter((s) => s.place === place).map((s) => s.name);
  if (!names.includes(item.use)) names.unshift(item.use);
  for (const n of names) sel.append(new Option(n, n));
  sel.value = item.use;
  sel.addEventListener("change", () => { setAt([...here, "use"], sel.value); markDirty(); renderForm(fmtPath([...here, "use"])); });
  box.append(el("div", { class: "field" }, el("label", { for: id, text: "片段" }), sel));
  if (sec) box.append(el("div", { class: "purpose", text: sec.purpose }));
  const params = sec ? sec.params : Object.keys(item.with || {}).map((n) => ({ name: n, doc: "", required: false }));
  const grid = el("div", { class: "grid2" });
  for (const prm of params) {
    const pid = nextId();
    const parts = [...here, "with", prm.name];
    const inp = el("input", { type: "text", id: pid, "data-path": fmtPath(parts),
      placeholder: prm.required ? (prm.example ? `如 ${prm.example}` : "") : `默认：${prm.default || "（空）"}` });
    const v = getAt(parts);
    inp.value = v == null ? "" : Array.isArray(v) ? v.join("、") : String(v);
    inp.addEventListener("input", () => {
      if (getAt([...here, "with"]) == null || typeof getAt([...here, "with"]) !== "object") setAt([...here, "with"], {});
      const w = getAt([...here, "with"]);
      if (inp.value === "") delete w[prm.name]; else w[prm.name] = inp.value;
      markDirty();
    });
    grid.append(el("div", { class: "field" },
      el("label", { for: pid, text: `${prm.doc || prm.name}（${prm.name}${prm.required ? "，必填" : ""}）` }), inp));
  }
  box.append(grid);
  if (place === "point") {
    box.append(input([...here, "title"], { name: "title", type: "text", doc: "不填则用片段自己的标题" },
      pointOrder()));
    box.lastChild.querySelector("label").textContent = "标题（可不填，用片段自带的标题）";
  }
  return box;
}

// --- errors and findings beside the fields -------------------------------------------------------
function nearest(path) {
  let parts = parsePath(path || "");
  while (parts.length) {
    const found = document.querySelector(`#outline-form [data-path="${CSS.escape(fmtPath(parts))}"]`);
    if (found) return found;
    parts = parts.slice(0, -1);
  }
  return null;
}
function noteAfter(target, node) {
  const host = target.closest(".field, .para, .section-card, fieldset") || target;
  host.append(node);
}
// The field an error is about; a section's missing parameter is named in the message only.
function errorField(err) {
  const missing = /缺少参数 ([^（\s]+)/.exec(err.message || "");
  return err.field && missing && /\.with$/.test(err.field) ? `${err.field}.${missing[1]}` : err.field;
}
function showMarks() {
  for (const n of document.querySelectorAll("#outline-form .field-error, #outline-form .finding-note")) n.remove();
  for (const n of document.querySelectorAll("#outline-form [aria-invalid]")) { n.removeAttribute("aria-invalid"); n.removeAttribute("aria-describedby"); }
  if (S.error) {
    const target = nearest(errorField(S.error));
    if (target) {
      const id = nextId();
      const msg = el("div", { class: "field-error", id, text: S.error.message });
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
        target.setAttribute("aria-invalid", "true");
        target.setAttribute("aria-describedby", id);
      }
      noteAfter(target, msg);
    }
  }
  S.findings.forEach((f, k) => {
    if (f.file && f.file !== S.path) return;  // another document of the set: listed in the panel only
    const target = nearest(f.field);
    if (!target) return;
    const note = el("div", { class: `finding-note ${f.severity}`, "data-finding": k },
      `${f.severity_label}：“${f.match}” ${f.message}` + (f.suggestion ? `（建议：${f.suggestion}）` : ""));
    if (f.fixable && fixTarget(f)) note.append(el("button", { type: "button", text: "改正",
      "aria-label": `改正“${f.match}”为“${f.suggestion}”`, onclick: () => applyFix(f) }));
    noteAfter(target, note);
  });
}

function renderFindings() {
  const list = $("#findings");
  list.textContent = "";
  $("#finding-count").textContent = String(S.findings.length);
  if (!S.findings.length) list.append(el("li", { class: "muted", text: S.error ? "大纲有错误，改正后再校对。" : "没有发现问题。" }));
  S.findings.forEach((f) => {
    const li = el("li", {});
    li.append(el("button", { type: "button", class: "jump", onclick: () => jumpTo(f) },
      el("span", { class: `sev-${f.severity}`, text: f.severity_label }),
      (f.set ? "【会议材料核对】" : "") + (f.file && f.file !== S.path ? `${f.file} ` : "") +
      ` ${f.field || "第" + f.paragraph + "段"}：“${f.match}” ${f.message}` + (f.suggestion ? `（建议：${f.suggestion}）` : ""),
      el("br"), el("small", { class: "muted", text: `${f.rule} · 依据：${f.basis}` })));
    if (f.fixable && fixTarget(f)) li.append(el("button", { type: "button", text: "改正",
      "aria-label": `改正“${f.match}”为“${f.suggestion}”`, onclick: () => applyFix(f) }));
    if (!f.set) {  // a meeting set's cross-check is not in the ignore list
      const own = !f.file || f.file === S.path;
      if (own && f.match) li.append(el("button", { type: "button", class: "ignore", text: "忽略此处",
        "aria-label": `忽略此处：“${f.match}”（${f.rule}）`,
        onclick: () => ignoreFinding({ scope: "here", rule: f.rule, text: f.match, file: S.path }) }));
      const glossary = f.rule.startsWith("glossary.");
      li.append(el("button", { type: "button", class: "ignore",
        text: glossary ? "忽略此提法" : "不再检查此规则",
        "aria-label": glossary ? `忽略此提法：“${f.match}”（所有文稿）` : `不再检查规则 ${f.rule}（所有文稿）`,
        onclick: () => ignoreFinding(glossary ? { scope: "phrase", rule: f.rule, text: f.match }
                                              : { scope: "rule", rule: f.rule }) }));
    }
    list.append(li);
  });
}

// --- the workspace's ignore list (drafter.yaml ignore:) -------------------------------------------
async function ignoreFinding(what) {
  try {
    const got = await call("/api/ignore", what);
    renderIgnored(got.ignored);
    await runPreview();
    setStatus(what.scope === "rule" ? `已不再检查规则 ${what.rule}` : `已忽略“${what.text}”`, S.dirty);
  } catch (e) { banner(e.message); }
}
async function restoreIgnored(entry) {
  try {
    const got = await call("/api/ignore", { remove: entry });
    renderIgnored(got.ignored);
    await runPreview();
    setStatus("已恢复检查", S.dirty);
  } catch (e) { banner(e.message); }
}
async function loadIgnored() {
  try { renderIgnored((await call("/api/ignore")).ignored); } catch (e) { banner(e.message); }
}
function renderIgnored(items) {
  const list = $("#ignored");
  list.textContent = "";
  $("#ignored-count").textContent = String(items.length);
  if (!items.length) list.append(el("li", { class: "muted", text: "没有忽略的结果。" }));
  items.forEach((item) => {
    list.append(el("li", {}, item.label + " ",
      el("button", { type: "button", text: "恢复", "aria-label": `恢复检查：${item.label}`,
        onclick: () => restoreIgnored(item.entry) })));
  });
}

function fixTarget(f) {
  const t = document.querySelector(`#outline-form [data-path="${CSS.escape(f.field || "")}"]`);
  if (!t || !/^(INPUT|TEXTAREA)$/.test(t.tagName)) return null;
  const lead = t.value.length - t.value.trimStart().length;
  if (t.value.substr(lead + f.offset, f.length) !== f.match) return null;
  return { t, start: lead + f.offset };
}

function jumpTo(f) {
  if (f.file && f.file !== S.path) { location.hash = encodeURIComponent(f.file); return; }  // opens that document
  const target = nearest(f.field);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  const fix = fixTarget(f);
  if (fix) { fix.t.focus(); fix.t.setSelectionRange(fix.start, fix.start + f.length); }
  else if (target.focus) { if (!target.hasAttribute("tabindex") && !/^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) target.setAttribute("tabindex", "-1"); target.focus(); }
}

function applyFix(f) {
  const fix = fixTarget(f);
  if (!fix) return;
  const v = fix.t.value;
  fix.t.value = v.slice(0, fix.start) + f.suggestion + v.slice(fix.start + f.length);
  fix.t.dispatchEvent(new Event("input", { bubbles: true }));
  S.findings = S.findings.filter((x) => x !== f);
  showMarks();
  renderFindings();
  fix.t.focus();
}

function focusField(path, select) {
  const t = document.querySelector(`#outline-form [data-path="${CSS.escape(path)}"]`);
  if (!t) return;
  t.focus({ preventScroll: false });
  if (select && t.select) t.select();
}

// --- preview ----------------------------------------------------------------------------------
function schedulePreview() {
  clearTimeout(S.timer);
  S.timer = setTimeout(runPreview, 350);
}
async function runPreview() {
  if (!S.path) return;
  const seq = ++S.seq;
  try {
    const got = await call("/api/preview", { path: S.path, data: S.data, against: S.against || undefined });
    if (seq !== S.seq) return;
    showAnalysis(got);
  } catch (e) { if (seq === S.seq) banner(e.message); }
}
function showAnalysis(got) {
  S.error = got.error;
  S.findings = got.findings || [];
  const box = $("#preview-error");
  box.hidden = !got.error;
  box.textContent = "";
  if (got.error) {
    box.append(got.error.text + " ");
    if (got.error.field) box.append(el("button", { type: "button", text: "转到该字段",
      onclick: () => jumpTo({ field: errorField(got.error) }) }));
  }
  if (!got.error) $("#preview").innerHTML = got.html;  // built by the server from escaped text
  $("#preview").classList.toggle("stale", !!got.error);
  $("#speaking").textContent = got.speaking || "";
  const note = $("#against-note");
  const said = [got.against_error, ...(got.against_notes || [])].filter(Boolean);
  note.hidden = !S.against || (!said.length && !!got.error);
  note.textContent = said.length ? said.join("；") : (S.against ? `已对照 ${S.against}：旧稿中的位置写在每条结果里。` : "");
  showMarks();
  renderFindings();
}

async function showPdf() {
  const box = $("#pdf-pages");
  if (!box.hidden) { box.hidden = true; $("#preview").hidden = false; $("#show-pdf").textContent = "LibreOffice 页面"; return; }
  $("#show-pdf").disabled = true;
  setStatus("LibreOffice 正在排版……");
  try {
    const got = await call(`/api/pages?path=${encodeURIComponent(S.path)}`);
    box.textContent = "";
    if (S.dirty) box.append(el("p", { class: "muted", text: "显示的是已保存的版本。" }));
    got.pages.forEach((src, n) => box.append(el("img", { src, alt: `LibreOffice 排出的第 ${n + 1} 页` })));
    box.hidden = false;
    $("#preview").hidden = true;
    $("#show-pdf").textContent = "HTML 预览";
    setStatus(`LibreOffice：${got.count} 页`, S.dirty);
  } catch (e) { banner(e.message); setStatus(""); }
  $("#show-pdf").disabled = false;
}

// --- saving and downloading -----------------------------------------------------------------------
async function save() {
  if (!S.path) return false;
  setStatus("正在保存……", true);
  try {
    const got = await call("/api/save", { path: S.path, version: S.version, data: S.data, against: S.against || undefined });
    S.version = got.version; S.data = got.data; S.dirty = false;
    ++S.seq;
    renderForm();
    showAnalysis(got);
    setStatus(`已保存 ${new Date().toLocaleTimeString("zh-CN", { hour12: false })}`);
    banner("");
    loadList();
    return true;
  } catch (e) {
    if (e.data && e.data.conflict) { banner(e.message, { reload: true }); setStatus("未保存：文件已被修改", true); }
    else { banner(e.message); setStatus("未保存", true); }
    return false;
  }
}

async function download(fmt) {
  if (S.dirty && !(await save())) return;
  setStatus(fmt === "pdf" ? "LibreOffice 正在生成 PDF……" : "正在生成 .docx……");
  try {
    const resp = await fetch(`/api/download?path=${encodeURIComponent(S.path)}&format=${fmt}`);
    if (!resp.ok) { const d = await resp.json().catch(() => ({})); throw new Error(d.error || "下载失败"); }
    const blob = await resp.blob();
    const a = el("a", { href: URL.createObjectURL(blob), download: S.path.split("/").pop().replace(/\.ya?ml$/i, "") + "." + fmt });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    setStatus(`已下载 .${fmt}`);
  } catch (e) { banner(e.message); setStatus(""); }
}

// --- the old document for check --against ------------------------------------------------------
async function loadDocuments(selected) {
  const got = await call("/api/documents");
  const pick = $("#against-pick");
  pick.textContent = "";
  pick.append(el("option", { value: "", text: "（不对照）" }));
  for (const d of got.documents) pick.append(el("option", { value: d, text: d }));
  S.against = got.documents.includes(selected) ? selected : "";
  pick.value = S.against;
}
function pickAgainst() {
  S.against = $("#against-pick").value;
  runPreview();
}
async function uploadAgainst() {
  const input = $("#against-file");
  const file = input.files[0];
  if (!file) return;
  setStatus(`正在上传 ${file.name}……`, S.dirty);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const got = await call("/api/upload", { name: file.name, data: btoa(bin) });
    await loadDocuments(got.path);
    setStatus(`已上传到 ${got.path}`, S.dirty);
    runPreview();
  } catch (e) { banner(e.message); setStatus("", S.dirty); }
  input.value = "";
}

// --- glossary -------------------------------------------------------------------------------
async function lookUp(ev) {
  ev.preventDefault();
  const q = $("#glossary-q").value.trim();
  const out = $("#glossary-results");
  out.textContent = "";
  if (!q) return;
  try {
    const got = await call(`/api/glossary?q=${encodeURIComponent(q)}`);
    if (!got.entries.length) out.append(el("p", { class: "muted", text: `词库中没有“${q}”。` }));
    for (const e of got.entries) out.append(el("pre", { class: "entry", text: e.text }));
  } catch (e) { banner(e.message); }
}

// --- tabs and start -----------------------------------------------------------------------------
function selectTab(id) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t.id === id;
    t.setAttribute("aria-selected", String(on));
    $("#" + t.getAttribute("aria-controls")).hidden = !on;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  for (const t of document.querySelectorAll('[role="tab"]')) t.addEventListener("click", () => selectTab(t.id));
  $("#new-form").addEventListener("submit", createOutline);
  $("#glossary-form").addEventListener("submit", lookUp);
  $("#against-pick").addEventListener("change", pickAgainst);
  $("#against-file").addEventListener("change", uploadAgainst);
  $("#save").addEventListener("click", save);
  $("#download-docx").addEventListener("click", () => download("docx"));
  $("#download-pdf").addEventListener("click", () => download("pdf"));
  $("#make-set").addEventListener("click", makeSet);
  $("#show-pdf").addEventListener("click", showPdf);
  $("#reload").addEventListener("click", () => { S.dirty = false; openOutline(S.path); });
  $("#banner-close").addEventListener("click", () => banner(""));
  $("#outline-form").addEventListener("submit", (ev) => ev.preventDefault());
  document.addEventListener("keydown", (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); save(); }
  });
  window.addEventListener("hashchange", () => {
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted && wanted !== S.path) openOutline(wanted);
  });
  window.addEventListener("beforeunload", (ev) => { if (S.dirty) { ev.preventDefault(); ev.returnValue = ""; } });
  try {
    await loadList();
    await loadDocuments("");
    await loadIgnored();
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted) await openOutline(wanted);
  } catch (e) { banner(e.message); }
});

// A meeting file: its whole set into the folder beside it (drafter render 会议.yaml -o 目录/).
async function makeSet() {
  if (S.dirty) { banner("请先保存会议文件，再生成全套材料。"); return; }
  setStatus("正在生成全套材料…");
  try {
    const got = await call("/api/meeting-set", { path: S.path });
    await loadList();
    banner(`已在 ${got.folder}/ 中生成 ${got.written.length} 个文件；` +
      (got.findings.length ? `会议材料核对发现 ${got.findings.length} 处不一致，见“校对”。` : "各材料与会议文件一致。"), { ok: true });
    setStatus("已生成");
    runPreview();
  } catch (e) { setStatus(""); banner(`未生成：${e.message}`); }
}
