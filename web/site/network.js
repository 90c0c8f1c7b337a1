// The stance network: actors and positions drawn by Cytoscape.js, edges
// green or red by polarity with their class as label and width by the
// number of statements; a click on an edge shows its sentences, a click on
// a node adds its neighbours.
"use strict";

const STANCES = ["DEMAND", "PROPOSE", "SUPPORT", "ASSERT", "OPPOSE", "DENY"];
const ACTS = ["CONSULT", "DELIVER", "AID", "ACCUSE", "THREATEN", "MEDIATE"];

const cy = cytoscape({
  container: document.getElementById("cy"),
  wheelSensitivity: 0.3,
  style: [
    {selector: "node", style: {"label": "data(label)", "font-size": 11, "text-valign": "center", "text-halign": "center",
      "text-wrap": "wrap", "text-max-width": 130, "width": "label", "height": "label", "padding": 8}},
    {selector: "node[type = 'actor']", style: {"shape": "round-rectangle", "background-color": "#2b6cb0", "color": "#fff", "font-weight": 600}},
    {selector: "node[type = 'position']", style: {"shape": "ellipse", "background-color": "#edf2f7", "border-width": 1, "border-color": "#a0aec0", "color": "#1a202c"}},
    {selector: "edge", style: {"curve-style": "bezier", "target-arrow-shape": "triangle", "label": "data(class)", "font-size": 9,
      "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1,
      "width": "mapData(count, 1, 12, 1.5, 9)", "arrow-scale": 0.8}},
    {selector: "edge[sign > 0]", style: {"line-color": "#2f855a", "target-arrow-color": "#2f855a", "color": "#276749"}},
    {selector: "edge[sign < 0]", style: {"line-color": "#c53030", "target-arrow-color": "#c53030", "color": "#9b2c2c"}},
    {selector: "edge[sign = 0]", style: {"line-color": "#718096", "target-arrow-color": "#718096", "line-style": "dashed", "color": "#4a5568"}},
    {selector: ":selected", style: {"overlay-color": "#f6ad55", "overlay-opacity": 0.35}},
  ],
});
window.cy = cy;

function classesBox() {
  const box = document.getElementById("classes");
  for (const c of STANCES.concat(ACTS)) {
    box.append(el("label", {}, Object.assign(el("input", {type: "checkbox", value: c}), {checked: true}), " " + c.toLowerCase()));
  }
}

function query(extra) {
  const p = new URLSearchParams();
  const actor = document.getElementById("actor").value.trim();
  if (actor) p.append("actor", actor);
  const classes = [...document.querySelectorAll("#classes input:checked")].map(i => i.value);
  if (classes.length < STANCES.length + ACTS.length) p.set("class", classes.join(","));
  for (const k of ["since", "until", "top"]) {
    const v = document.getElementById(k).value;
    if (v) p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return "/api/v1/network?" + p.toString();
}

function elements(net) {
  const out = [];
  for (const n of Object.values(net.nodes)) {
    if (cy.getElementById(n.iri).length === 0) out.push({group: "nodes", data: {id: n.iri, label: n.label, type: n.type, kind: n.kind || ""}});
  }
  for (const e of net.edges) {
    const id = e.from + "|" + e.class + "|" + e.to;
    if (cy.getElementById(id).length === 0) {
      out.push({group: "edges", data: {id, source: e.from, target: e.to, class: e.class, sign: e.sign, count: e.count,
        predicates: (e.predicates || []).join(", "), first: e.first || "", last: e.last || ""}});
    }
  }
  return out;
}

function layout() {
  cy.layout({name: "cose", animate: false, nodeDimensionsIncludeLabels: true, nodeOverlap: 40,
    idealEdgeLength: () => 160, nodeRepulsion: () => 60000, edgeElasticity: () => 80, gravity: 0.15,
    numIter: 2500, padding: 20, randomize: true}).run();
}

async function draw(ev) {
  if (ev) ev.preventDefault();
  const status = document.getElementById("status");
  status.textContent = "drawing…";
  try {
    const net = await api(query());
    cy.elements().remove();
    cy.add(elements(net));
    layout();
    status.textContent = `${Object.keys(net.nodes).length} nodes, ${net.edges.length} edges`;
  } catch (e) {
    status.textContent = "";
    status.append(el("span", {class: "error"}, e.message));
  }
}

async function expand(node) {
  const status = document.getElementById("status");
  const key = node.data("type") === "actor" ? "actor" : "position";
  try {
    const net = await api(query({[key]: node.id(), top: 40}));
    const added = cy.add(elements(net));
    if (added.length) layout();
    status.textContent = `${node.data("label")}: ${added.nodes().length} nodes and ${added.edges().length} edges added`;
  } catch (e) { status.textContent = e.message; }
}

async function evidence(edge) {
  const box = document.getElementById("details");
  const d = edge.data();
  const title = `${cy.getElementById(d.source).data("label")} ${d.class} ${cy.getElementById(d.target).data("label")}`;
  box.replaceChildren(el("h2", {}, "Evidence"), el("p", {}, el("b", {}, title), ` · ${d.count} statement${d.count > 1 ? "s" : ""}`));
  try {
    const rows = (await api(`/api/v1/evidence?actor=${encodeURIComponent(d.source)}&target=${encodeURIComponent(d.target)}`))
      .filter(r => r.Class === d.class);
    for (const r of rows) {
      const who = [r.Speaker, r.Document, r.EventDate || r.Date].filter(Boolean).join(" · ");
      box.append(el("div", {class: "quote"}, r.Sentence, el("small", {}, `${r.Predicate} — ${who}`)));
    }
  } catch (e) { box.append(el("p", {class: "error"}, e.message)); }
}

cy.on("tap", "edge", ev => evidence(ev.target));
cy.on("tap", "node", ev => expand(ev.target));
document.getElementById("filters").addEventListener("submit", draw);
classesBox();
const start = new URLSearchParams(location.search);
if (start.get("actor")) document.getElementById("actor").value = start.get("actor");
draw();
