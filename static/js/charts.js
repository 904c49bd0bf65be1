// Progress chart: reads the JSON data block next to the canvas (no inline script: CSP).
(function () {
  const canvas = document.getElementById("progress-chart");
  const block = document.getElementById("progress-data");
  if (!canvas || !block || !window.Chart) return;
  const data = JSON.parse(block.textContent);
  const colours = ["#2563eb", "#16a34a", "#d97706", "#9333ea"];
  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels.map((id) => "#" + id),
      datasets: Object.entries(data.series).map(([label, values], i) => ({
        label, data: values, borderColor: colours[i % 4], backgroundColor: colours[i % 4],
        tension: 0.25, pointRadius: 3,
      })),
    },
    options: {
      animation: false, responsive: true,
      scales: { y: { min: 0, max: 100, ticks: { stepSize: 20 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
