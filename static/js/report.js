// Cohort report pages: charts drawn from the JSON blocks beside each canvas (CSP: no inline
// script), a print button, and every "show as a table" opened when printing.
(function () {
  const colours = ["#1d4ed8", "#15803d", "#b45309", "#9333ea", "#0f766e", "#be123c"];

  function draw(canvas) {
    const block = document.getElementById(canvas.dataset.chart);
    if (!block || !window.Chart) return;
    const spec = JSON.parse(block.textContent);
    const line = spec.type === "line";
    const many = spec.datasets.length > 1;
    const datasets = spec.datasets.map((set, i) => {
      // Skills keep one colour on every chart (the page sends it: SKILL_COLOURS).
      const colour = set.colour || colours[i % colours.length];
      const perBar = spec.colours || spec.labels.map((_, j) => colours[j % colours.length]);
      return {
        label: set.label, data: set.data, borderColor: colour,
        backgroundColor: line ? colour : (many ? colour : perBar.map((c) => c + "cc")),
        borderWidth: line ? (i === spec.datasets.length - 1 && many ? 3 : 2) : 0,
        tension: 0.25, pointRadius: spec.labels.length > 40 ? 0 : 3, spanGaps: true,
      };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: spec.counts ? { beginAtZero: true, ticks: { precision: 0 } } : { min: 0, max: 100, ticks: { stepSize: 20 } } },
        plugins: { legend: { display: many, position: "bottom" } },
      },
    });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details.chart-table").forEach((d) => { d.open = true; });
  });
})();
