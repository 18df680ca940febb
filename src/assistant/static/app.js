// Vraagbaak chat page: asks POST /api/chat, shows the answer with its key figures marked,
// numbered citations that open the cited passage (GET /api/documents/{source}) and the
// list of documents. No libraries, no build step.
"use strict";

const KEY_STORAGE = "vraagbaak-api-key";
const NOT_FOUND = "Dit staat niet in de documenten.";

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ talking to the service

// A 401: `hadKey` tells whether a (now rejected) key was sent.
class AuthError extends Error {
  constructor(message, hadKey) {
    super(message);
    this.hadKey = hadKey;
  }
}

function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

async function api(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (options.body) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { ...options, headers });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.status === 401) {
    sessionStorage.removeItem(KEY_STORAGE);
    throw new AuthError((data && data.error) || "Toegangssleutel vereist.", Boolean(key));
  }
  if (!response.ok) {
    const message = data && (data.error?.message || data.error);
    throw new Error(message || `De service antwoordde met status ${response.status}.`);
  }
  return data;
}

// Asks for the API key (once per browser session) and resolves when one is stored.
function askForKey(message) {
  return new Promise((resolve) => {
    const dialog = $("key-dialog");
    $("key-error").textContent = message || "";
    $("key-form").onsubmit = (event) => {
      const value = $("key-input").value.trim();
      if (!value) {
        event.preventDefault();
        $("key-error").textContent = "Vul de sleutel in.";
        return;
      }
      sessionStorage.setItem(KEY_STORAGE, value);
      $("key-input").value = "";
      resolve();
    };
    dialog.addEventListener("cancel", (event) => event.preventDefault(), { once: true });
    if (!dialog.open) dialog.showModal();
    $("key-input").focus();
  });
}

// Runs a request; on 401 asks for the key and tries again.
async function withKey(request) {
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      await askForKey(error.hadKey ? "Deze sleutel klopt niet; probeer het opnieuw." : "");
    }
  }
}

function setStatus(text) {
  $("status").textContent = text;
}

// ------------------------------------------------------------------ building the page

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The answer text with each key figure wrapped in <mark> (built as DOM, never as HTML).
function markedText(text, figures) {
  const wanted = (figures || []).filter((f) => f && text.includes(f));
  const fragment = document.createDocumentFragment();
  if (!wanted.length) {
    fragment.append(text);
    return fragment;
  }
  const pattern = new RegExp(`(${wanted.map(escapeRegExp).join("|")})`, "g");
  text.split(pattern).forEach((part, index) => {
    if (!part) return;
    fragment.append(index % 2 ? el("mark", { class: "figure", text: part }) : part);
  });
  return fragment;
}

function where(citation) {
  const parts = [];
  if (citation.page != null) parts.push(`pagina ${citation.page}`);
  if (citation.line_start != null) {
    const end = citation.line_end ?? citation.line_start;
    parts.push(end !== citation.line_start
      ? `regels ${citation.line_start}–${end}` : `regel ${citation.line_start}`);
  }
  return parts.join(", ");
}

function formatDate(iso) {
  if (!iso) return "";
  const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  if (!month) return year;
  const name = months[Number(month) - 1];
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

function citationList(citations) {
  const list = el("ol", { class: "citations" });
  citations.forEach((citation, index) => {
    const label = `Bron ${index + 1}: ${citation.title}, ${where(citation)} — open de passage`;
    const button = el(
      "button",
      { type: "button", class: "citation", "aria-label": label },
      el("span", { class: "num", text: `[${index + 1}]`, "aria-hidden": "true" }),
      el("span", { class: "cite-title", text: citation.title }),
      el("span", { class: "cite-meta",
        text: [formatDate(citation.date), where(citation)].filter(Boolean).join(" · ") }),
      el("q", { class: "quote", text: citation.quote }),
    );
    button.addEventListener("click", () => openPassage(citation, button));
    list.append(el("li", {}, button));
  });
  return list;
}

function addTurn(question) {
  $("intro").hidden = true;
  const answerBox = el("div", { class: "bubble answer pending" },
    el("p", { class: "muted", text: "Zoeken in de documenten…" }));
  const turn = el("li", { class: "turn" },
    el("div", { class: "bubble question" },
      el("span", { class: "visually-hidden", text: "Vraag: " }), question),
    answerBox);
  $("log").append(turn);
  turn.scrollIntoView({ block: "end", behavior: "smooth" });
  return answerBox;
}

function showAnswer(box, data) {
  box.classList.remove("pending");
  box.replaceChildren();
  box.append(el("span", { class: "visually-hidden", text: "Antwoord: " }));
  if (data.answer.abstained) {
    box.classList.add("abstained");
    const text = data.message.content || NOT_FOUND;
    box.append(el("p", { class: "not-found", text: NOT_FOUND }));
    const rest = text.startsWith(NOT_FOUND) ? text.slice(NOT_FOUND.length).trim() : text;
    if (rest) box.append(el("p", { class: "muted", text: rest }));
    return;
  }
  box.append(el("p", { class: "answer-text" }, markedText(data.message.content, data.highlight)));
  const citations = data.answer.citations || [];
  if (citations.length) {
    box.append(el("h3", { class: "sources-title", text: "Bronnen" }), citationList(citations));
  }
}

function showError(box, message) {
  box.classList.remove("pending");
  box.classList.add("failed");
  box.replaceChildren(el("p", { role: "alert", text: `Er ging iets mis: ${message}` }));
}

// ------------------------------------------------------------------ asking

async function ask(question) {
  const box = addTurn(question);
  const button = $("ask-button");
  button.disabled = true;
  setStatus("Bezig met zoeken…");
  try {
    const data = await withKey(() => api("/api/chat", {
      method: "POST",
      body: JSON.stringify({ messages: [{ role: "user", content: question }] }),
    }));
    showAnswer(box, data);
    setStatus(data.answer.abstained ? NOT_FOUND : "Antwoord gevonden.");
  } catch (error) {
    showError(box, error.message);
    setStatus("");
  } finally {
    button.disabled = false;
    box.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
}

// ------------------------------------------------------------------ the cited passage

let passageOpener = null;

async function openPassage(citation, opener) {
  passageOpener = opener;
  const dialog = $("passage");
  $("passage-title").textContent = citation.title;
  $("passage-meta").textContent = [formatDate(citation.date), where(citation)]
    .filter(Boolean).join(" · ");
  const body = $("passage-body");
  body.replaceChildren(el("p", { class: "muted", text: "Passage laden…" }));
  if (!dialog.open) dialog.showModal();
  $("passage-close").focus();

  const params = new URLSearchParams({ context: "8" });
  if (citation.line_start != null) params.set("line_start", citation.line_start);
  if (citation.line_end != null) params.set("line_end", citation.line_end);
  if (citation.page != null) params.set("page", citation.page);
  try {
    const path = `/api/documents/${encodeURIComponent(citation.source)}?${params}`;
    const data = await withKey(() => api(path));
    const lines = el("ol", { class: "lines" });
    for (const line of data.lines) {
      const text = line.text || "\u00a0";
      const item = el("li", { class: line.cited ? "line cited" : "line" },
        el("span", { class: "n", "aria-hidden": "true", text: line.n ?? "" }),
        line.cited ? el("mark", { text }) : el("span", { text }));
      if (line.n != null) item.setAttribute("value", line.n);
      lines.append(item);
    }
    body.replaceChildren(lines);
    lines.querySelector(".cited")?.scrollIntoView({ block: "center" });
  } catch (error) {
    body.replaceChildren(el("p", { role: "alert", text: `Kon de passage niet laden: ${error.message}` }));
  }
}

function closePassage() {
  $("passage").close();
}

// ------------------------------------------------------------------ the documents

async function loadDocuments() {
  const list = $("documents");
  try {
    const documents = await withKey(() => api("/api/documents"));
    list.replaceChildren(...documents.map((doc) => el("li", { class: "document" },
      el("span", { class: "doc-title", text: doc.title }),
      el("span", { class: "doc-meta", text: [doc.publisher, formatDate(doc.date)]
        .filter(Boolean).join(" · ") }),
      el("span", { class: "doc-meta", text: `${doc.chunks} passages · ${doc.source}` }),
    )));
    if (!documents.length) list.replaceChildren(el("li", { class: "muted", text: "Geen documenten." }));
  } catch (error) {
    list.replaceChildren(el("li", { class: "muted", text: `Niet geladen: ${error.message}` }));
  }
}

// Waits until the index is loaded (GET /readyz), telling the user meanwhile.
async function waitUntilReady() {
  for (;;) {
    try {
      const response = await fetch("/readyz");
      if (response.ok) {
        setStatus("");
        return;
      }
      const data = await response.json().catch(() => ({}));
      if (data.status === "error") {
        setStatus(`De index kon niet worden geladen: ${data.error}`);
        return;
      }
    } catch {
      // the service may be restarting; keep trying
    }
    setStatus("De index wordt geladen…");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// ------------------------------------------------------------------ wiring

function submitQuestion() {
  const box = $("question");
  const question = box.value.trim();
  if (!question) {
    setStatus("Typ eerst een vraag.");
    box.focus();
    return;
  }
  box.value = "";
  ask(question);
}

document.addEventListener("DOMContentLoaded", async () => {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    submitQuestion();
  });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!$("ask-button").disabled) submitQuestion();
    }
  });
  for (const button of document.querySelectorAll(".example")) {
    button.addEventListener("click", () => {
      $("question").value = button.textContent.trim();
      submitQuestion();
    });
  }
  $("passage-close").addEventListener("click", closePassage);
  $("passage").addEventListener("close", () => passageOpener?.focus());
  $("passage").addEventListener("click", (event) => {
    if (event.target === $("passage")) closePassage(); // a click on the backdrop
  });

  await waitUntilReady();
  await loadDocuments();
  document.body.dataset.ready = "true";
});
