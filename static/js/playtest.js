// The play-test screen: Enter sends, forms are cleared after a step, the conversation follows.
(function () {
  const conversation = document.getElementById("conversation");
  const say = document.getElementById("say");
  if (!conversation || !say) return;
  conversation.scrollTop = conversation.scrollHeight;
  say.focus();
  say.addEventListener("keydown", (event) => {
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
