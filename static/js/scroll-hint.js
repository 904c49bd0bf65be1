// Boxes that scroll sideways (a wide table in its card on a phone) say so: a hint before what
// overflows, a shadow on the side there is more, and the box takes the keyboard focus so the
// arrow keys scroll it. Checked on load and when the window changes size.
(function () {
  "use strict";
  const main = document.querySelector("main");
  if (!main) return;
  const text = main.dataset.scrollHint;

  function scrolls(box) {
    if (box.tagName === "TEXTAREA" || box.closest(".CodeMirror")) return false;
    const x = getComputedStyle(box).overflowX;
    return (x === "auto" || x === "scroll") && box.scrollWidth > box.clientWidth + 1;
  }

  function widest(box) {
    // the child that sticks out (the table), else the box itself (a <pre>)
    const limit = box.getBoundingClientRect().right + 1;
    return Array.from(box.children).find((c) => c.getBoundingClientRect().right > limit) || null;
  }

  function shadows(box) {
    const left = box.scrollLeft > 1;
    const right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
    box.classList.toggle("more-left", left);
    box.classList.toggle("more-right", right);
  }

  function mark(box) {
    if (box.dataset.scrollMarked) return;
    box.dataset.scrollMarked = "1";
    const hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.textContent = text;
    hint.id = "scroll-hint-" + Math.random().toString(36).slice(2, 9);
    const wide = widest(box);
    if (wide) box.insertBefore(hint, wide);
    else if (box.tagName === "PRE") box.parentNode.insertBefore(hint, box);
    else box.insertBefore(hint, box.firstElementChild);
    box.classList.add("scrolls");
    if (box.tabIndex < 0) box.tabIndex = 0;
    if (!box.getAttribute("role")) box.setAttribute("role", "region");
    if (!box.getAttribute("aria-label") && !box.getAttribute("aria-labelledby")) {
      box.setAttribute("aria-describedby", hint.id);
      const title = box.querySelector("h2, h3, caption");
      box.setAttribute("aria-label", title ? title.textContent.trim() : text);
    }
    box.addEventListener("scroll", () => shadows(box), { passive: true });
  }

  function check() {
    main.querySelectorAll("*").forEach((box) => {
      if (scrolls(box)) { mark(box); shadows(box); }
      else if (box.dataset.scrollMarked) shadows(box);
    });
  }

  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(check, 150);
  });
  check();
})();
