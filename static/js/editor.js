// The scenario editor: CodeMirror over the form's textarea, live checks (debounced) listed with
// their line; clicking a problem jumps to its line. Without JavaScript the form still works.
(function () {
  const form = document.getElementById("editor-form");
  if (!form || !window.CodeMirror) return;
  const textarea = document.getElementById("yaml");
  const list = document.getElementById("problems");
  const status = document.getElementById("validation-status");
  const readOnly = form.dataset.readonly === "true";
  const token = form.querySelector("input[name=csrf_token]").value;
  const editor = CodeMirror.fromTextArea(textarea, {
    mode: "yaml", lineNumbers: true, readOnly: readOnly, indentUnit: 2, tabSize: 2, lineWrapping: true,
    extraKeys: {
      Tab: (cm) => cm.somethingSelected() ? cm.indentSelection("add") : cm.replaceSelection("  "),
      "Shift-Tab": (cm) => cm.indentSelection("subtract"),
      Esc: (cm) => {  // keyboard users leave the editor with Esc (Tab indents inside it)
        cm.getInputField().blur();
        const next = document.getElementById("save") || document.querySelector(".editor-side a, .editor-side button");
        if (next) next.focus();
      },
    },
  });
  editor.getInputField().setAttribute("aria-label", document.querySelector("label[for=yaml]").textContent);
  document.querySelector("label[for=yaml]").addEventListener("click", () => editor.focus());
  window.hotlinerEditor = editor;
  let marked = [];
  let timer = null;
  let sequence = 0;

  function jump(line) {
    if (!line) return;
    editor.setCursor({ line: line - 1, ch: 0 });
    editor.scrollIntoView({ line: line - 1, ch: 0 }, 120);
    editor.focus();
  }

  function mark(problems) {
    marked.forEach((handle) => editor.removeLineClass(handle, "background", "cm-problem-line"));
    marked = problems.filter((p) => p.line).map((p) =>
      editor.addLineClass(Math.min(p.line, editor.lineCount()) - 1, "background", "cm-problem-line"));
  }

  function show(problems) {
    list.replaceChildren();
    problems.forEach((p) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "problem";
      button.dataset.line = p.line || "";
      if (p.line) {
        const line = document.createElement("span");
        line.className = "line-no";
        line.textContent = form.dataset.line.replace("{n}", p.line);
        button.append(line, " ");
      }
      if (p.path) {
        const path = document.createElement("code");
        path.textContent = p.path;
        button.append(path, " ");
      }
      const message = document.createElement("span");
      message.className = "message";
      message.textContent = p.message;
      button.append(message);
      item.append(button);
      list.append(item);
    });
    mark(problems);
    status.classList.toggle("bad", problems.length > 0);
    status.classList.toggle("good", problems.length === 0);
    status.textContent = problems.length === 0 ? form.dataset.ok
      : problems.length === 1 ? form.dataset.one : form.dataset.many.replace("{n}", problems.length);
  }

  async function check() {
    const mine = ++sequence;
    status.textContent = form.dataset.checking;
    const body = new URLSearchParams({ yaml: editor.getValue(), mode: form.dataset.mode, scenario: form.dataset.scenario });
    try {
      const response = await fetch(form.dataset.validateUrl, {
        method: "POST", body: body, headers: { "X-CSRFToken": token }, credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const result = await response.json();
      if (mine === sequence) show(result.problems);
    } catch (error) {
      if (mine === sequence) { status.textContent = form.dataset.offline; status.classList.add("bad"); }
    }
  }

  if (readOnly || !list) return;
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button.problem");
    if (button) jump(Number(button.dataset.line));
  });
  editor.on("change", () => { clearTimeout(timer); timer = setTimeout(check, 400); });
  check();
})();
