// stancegraph's start page: the store's figures, search, and the query
// library as forms. It reads the console's JSON API (/api/v1/...).
"use strict";

function fail(where, err) {
  where.replaceChildren(el("p", {class: "error"}, err.message));
}

// The store's figures.
async function figures() {
  const box = document.getElementById("figures");
  try {
    const s = await api("/api/v1/stats");
    const f = (n, what) => el("div", {}, el("b", {}, Number(n).toLocaleString("en")), el("span", {}, what));
    box.replaceChildren(f(s.documents, "documents"), f(s.actors, "actors"), f(s.people, "people"),
      f(s.positions, "positions"), f(s.statements, "statements"),
      el("div", {}, el("b", {}, s.first ? s.first + " – " + s.last : "undated"), el("span", {}, "dates of the statements")));
  } catch (e) { fail(box, e); }
}

// A table of rows (objects), with an action per row when act gives one.
function table(rows, act) {
  if (!rows || rows.length === 0) return el("p", {class: "hint"}, "Nothing found.");
  const order = ["type", "name", "opponent", "supporter", "actor", "position", "target", "their_stance", "my_stance",
    "stance", "class", "predicate", "score", "agree", "disagree", "statements", "first", "last", "date", "speaker",
    "sentence", "document"];
  const rank = k => { const i = order.indexOf(k); return i < 0 ? order.length : i; };
  const cols = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k) && !k.endsWith("_id")) cols.push(k);
  cols.sort((a, b) => rank(a) - rank(b));
  const head = el("tr", {}, ...cols.map(c => el("th", {}, c.replace(/_/g, " "))));
  if (act) head.append(el("th", {}, ""));
  const body = rows.map(r => {
    const tr = el("tr", {}, ...cols.map(c => {
      let v = r[c];
      if (v === "+" || v === "-") return el("td", {class: v === "+" ? "plus" : "minus"}, v === "+" ? "for" : "against");
      if (typeof v === "number") return el("td", {class: "num"}, v);
      if (v && typeof v === "object") v = JSON.stringify(v);
      return el("td", {}, v);
    }));
    if (act) { const a = act(r); tr.append(el("td", {}, a || "")); }
    return tr;
  });
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
}

// Search.
document.getElementById("search-form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const out = document.getElementById("search-results");
  const q = document.getElementById("search").value.trim();
  if (!q) return;
  try {
    const hits = await api("/api/v1/search?q=" + encodeURIComponent(q) + "&limit=50");
    out.replaceChildren(table(hits.map(h => ({type: h.type, name: h.label, statements: h.statements})), r => {
      if (r.type === "actor") return el("a", {class: "act", onclick: () => ask("positions", [r.name])}, "positions");
      if (r.type === "position") return el("a", {class: "act", onclick: () => ask("holders", [r.name])}, "holders");
      return null;
    }));
  } catch (e) { fail(out, e); }
});

// The library.
let library = [];
async function questions() {
  const sel = document.getElementById("question");
  try {
    library = await api("/api/v1/library");
    sel.replaceChildren(...library.map(q => el("option", {value: q.name}, q.name + " " + q.params.join(" "))));
    sel.addEventListener("change", params);
    params();
  } catch (e) { fail(document.getElementById("answer"), e); }
}

function params() {
  const q = library.find(q => q.name === document.getElementById("question").value);
  const box = document.getElementById("params");
  box.replaceChildren(...q.params.map(p => el("input", {type: "text", "data-param": p, placeholder: p.toLowerCase(), size: 22})));
  document.getElementById("question-help").textContent = q.description;
}

async function ask(name, args) {
  const sel = document.getElementById("question");
  sel.value = name;
  params();
  document.querySelectorAll("#params input").forEach((inp, i) => { inp.value = args[i] || ""; });
  const out = document.getElementById("answer");
  out.replaceChildren(el("p", {class: "hint"}, "asking…"));
  try {
    const qs = args.map(a => "arg=" + encodeURIComponent(a)).join("&");
    const rows = await api("/api/v1/library/" + name + "?" + qs);
    out.replaceChildren(el("p", {class: "hint"}, `${name} ${args.join(" ")}: ${rows.length} rows`), table(rows, r => {
      if (name === "evidence") return null;
      const actor = r.opponent || r.supporter || r.actor || (name === "positions" ? args[0] : null);
      const position = r.position || r.target || (name === "holders" ? args[0] : null);
      if (!actor || !position) return null;
      return el("a", {class: "act", onclick: () => ask("evidence", [actor, position])}, "evidence");
    }));
    out.scrollIntoView({behavior: "smooth", block: "nearest"});
  } catch (e) { fail(out, e); }
}

document.getElementById("ask-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const args = [...document.querySelectorAll("#params input")].map(i => i.value.trim());
  ask(document.getElementById("question").value, args);
});

figures();
questions();
