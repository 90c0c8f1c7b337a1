// Helpers the console's pages share.
"use strict";

// el makes an element with attributes (on* are event listeners) and children.
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(k == null ? "" : String(k)));
  return e;
}

// api reads the result of a JSON endpoint, or throws its error.
async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok || body.error) throw new Error(body.error || r.statusText);
  return body.result;
}
