// Forms marked data-busy-form wait for a slow answer (the language model): once sent, their button
// is disabled (no second request) and their busy note is shown until the next page arrives.
(function () {
  document.querySelectorAll("form[data-busy-form]").forEach((form) => {
    form.addEventListener("submit", () => {
      form.classList.add("busy");
      form.setAttribute("aria-busy", "true");
      form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
    });
  });
  // Coming back with the browser's Back button shows the page from its cache: make it usable again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-busy-form].busy").forEach((form) => {
      form.classList.remove("busy");
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = false; });
    });
  });
})();
