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
