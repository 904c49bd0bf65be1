// The call screen: ringing card and timer, Enter to send, forms cleared after a step, scroll.
(function () {
  const incoming = document.getElementById("incoming");
  const station = document.getElementById("workstation");
  const timer = document.getElementById("timer");
  const conversation = document.getElementById("conversation");
  if (!station) return;
  const key = "hotliner-answered-" + station.dataset.stepUrl;
  let started = Number(sessionStorage.getItem(key)) || 0;

  function tick() {
    if (!started) return;
    const s = Math.floor((Date.now() - started) / 1000);
    timer.textContent = String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }
  function answer() {
    if (!started) { started = Date.now(); sessionStorage.setItem(key, String(started)); }
    document.body.classList.remove("ringing");
    incoming.hidden = true;
    tick();
    setInterval(tick, 1000);
    const say = document.getElementById("say");
    if (say) say.focus();
    conversation.scrollTop = conversation.scrollHeight;
  }
  if (started || conversation.querySelectorAll(".msg.trainee").length) { answer(); }
  else {
    document.body.classList.add("ringing");
    document.getElementById("answer").addEventListener("click", answer);
  }

  const say = document.getElementById("say");
  if (say) say.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); say.form.requestSubmit(); }
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (event.detail.successful && form.matches && form.matches("form[data-reset]") &&
        !document.querySelector("#step-error.flash")) {
      form.reset();
    }
    conversation.scrollTop = conversation.scrollHeight;
  });
})();

// Ending a call asks first (a misclick must not burn an exam attempt); the dialog is a native
// <dialog>: Tab moves between its buttons, Escape keeps the call going.
(function () {
  const dialog = document.getElementById("end-confirm");
  if (!dialog) return;
  let pending = null;
  document.body.addEventListener("htmx:confirm", (event) => {
    const form = event.detail.elt;
    if (!form.matches || !form.matches("form[data-confirm-end]")) return;
    event.preventDefault();
    pending = event.detail;
    dialog.showModal();
  });
  document.getElementById("end-cancel").addEventListener("click", () => { pending = null; dialog.close(); });
  dialog.addEventListener("cancel", () => { pending = null; });
  document.getElementById("end-ok").addEventListener("click", () => {
    dialog.close();
    if (pending) { const go = pending; pending = null; go.issueRequest(true); }
  });
})();

// The ticket draft survives a refresh or Back until it is saved: kept in this browser only.
(function () {
  const station = document.getElementById("workstation");
  const form = document.querySelector("form[data-ticket-draft]");
  if (!station || !form || !station.dataset.callId) return;
  const key = "hotliner-ticket-draft-" + station.dataset.callId;
  const fields = Array.from(form.querySelectorAll("input[name]:not([type=hidden]), select, textarea"));
  let draft = null;
  try { draft = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { draft = null; }
  if (draft) fields.forEach((f) => { if (f.name in draft) f.value = draft[f.name]; });
  function keep() {
    const values = {};
    fields.forEach((f) => { values[f.name] = f.value; });
    localStorage.setItem(key, JSON.stringify(values));
  }
  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt === form && event.detail.successful && !document.querySelector("#step-error.flash")) {
      localStorage.removeItem(key);
    }
    if (event.detail.elt.matches && event.detail.elt.matches("form[data-confirm-end]")) {
      localStorage.removeItem(key);
    }
  });
})();

// An e-mail contact's call back (no workstation): Enter says the line, as on a call, and the
// line is cleared once said.
(function () {
  const say = document.querySelector(".email-desk #say");
  if (!say || document.getElementById("workstation")) return;
  say.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); say.form.requestSubmit(); }
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt === say.form && event.detail.successful &&
        !document.querySelector("#step-error.flash")) {
      say.form.reset();
    }
  });
})();
