// The shift report's timeline: contacts waiting and past their SLA over the shift (a step chart).
// Reads the JSON block next to the canvas (no inline script: CSP).
(function () {
  const canvas = document.getElementById("chart-timeline");
  const block = document.getElementById("chart-data-timeline");
  if (!canvas || !block || !window.Chart) return;
  const data = JSON.parse(block.textContent);
  const colours = ["#0072B2", "#D55E00"];
  new window.Chart(canvas, {
    type: "line",
    data: {
      datasets: Object.entries(data.series).map(([label, values], i) => ({
        label, stepped: true, borderColor: colours[i % 2], backgroundColor: colours[i % 2],
        pointRadius: 0, data: values.map((y, k) => ({ x: data.labels[k], y })),
      })),
    },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
      scales: {
        x: { type: "linear", min: 0, max: data.max_minutes, title: { display: true, text: data.x_title } },
        y: { min: 0, ticks: { stepSize: 1, precision: 0 } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
