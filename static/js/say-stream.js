// LLM-mode calls: the say form posts to its data-stream-url and shows the caller's reply as it
// arrives (only text the server's guard has passed), then swaps in the step's final HTML — the same
// HTML the htmx step returns, so the page ends in the same state. Without fetch streams, htmx as usual.
(function () {
  const form = document.querySelector("form.say-form[data-stream-url]");
  const conversation = document.getElementById("conversation");
  if (!form || !conversation || !window.fetch || !window.ReadableStream || !window.TextDecoder || !window.htmx) return;
  let busy = false;

  function pending(kind, label, text) {
    // Provisional bubbles, hidden from screen readers: the final entries are announced once.
    const li = document.createElement("li");
    li.className = "msg " + kind + " pending";
    li.setAttribute("aria-hidden", "true");
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = label;
    const p = document.createElement("p");
    p.textContent = text;
    li.append(who, p);
    conversation.append(li);
    conversation.scrollTop = conversation.scrollHeight;
    return p;
  }

  function swap(html) {
    conversation.querySelectorAll(".msg.pending").forEach((el) => el.remove());
    htmx.swap(conversation, html, { swapStyle: "beforeend" });
    conversation.scrollTop = conversation.scrollHeight;
  }

  function parse(block) {
    let kind = "message";
    const data = [];
    block.split("\n").forEach((line) => {
      if (line.startsWith("event:")) kind = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    });
    return { kind: kind, data: data.length ? JSON.parse(data.join("\n")) : {} };
  }

  async function send() {
    const text = form.elements.text.value;
    const button = form.querySelector("button[type=submit]");
    busy = true;
    button.disabled = true;
    pending("trainee", form.dataset.labelYou, text);
    let reply = null;
    let finished = false;
    try {
      const response = await fetch(form.dataset.streamUrl, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { Accept: "text/event-stream" },
      });
      if (response.redirected) { window.location.assign(response.url); return; }  // signed out
      if (!response.ok || !(response.headers.get("Content-Type") || "").startsWith("text/event-stream")) {
        conversation.querySelectorAll(".msg.pending").forEach((el) => el.remove());
        form.submit();  // refused before anything was applied: let the plain form say why
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const event = parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (event.kind === "delta") {
            if (!reply) reply = pending("caller", form.dataset.labelCaller, "");
            reply.textContent += event.data.text;
            conversation.scrollTop = conversation.scrollHeight;
          } else if (event.kind === "final") {
            swap(event.data.html);
            form.reset();
            finished = true;
          } else if (event.kind === "error") {
            swap(event.data.html);  // the step-error banner (out of band); the typed text stays
            finished = true;
          } else if (event.kind === "redirect") {
            window.location.assign(event.data.url);
            return;
          }
        }
      }
    } catch (error) {
      finished = false;
    } finally {
      busy = false;
      button.disabled = false;
    }
    if (!finished) window.location.reload();  // the stream broke: the call's log is the truth
    else form.elements.text.focus();
  }

  // Capture phase on the document: runs before htmx's own submit handler on the form.
  document.addEventListener("submit", (event) => {
    if (event.target !== form) return;
    event.preventDefault();
    event.stopPropagation();
    if (!busy && form.reportValidity()) send();
  }, true);
})();
