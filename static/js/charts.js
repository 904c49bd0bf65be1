// Progress chart: reads the JSON data block next to the canvas (no inline script: CSP).
(function () {
  const canvas = document.getElementById("progress-chart");
  const block = document.getElementById("progress-data");
  if (!canvas || !block || !window.Chart) return;
  const data = JSON.parse(block.textContent);
  // One colour per skill everywhere: the page sends them (web/shared/formats.py SKILL_COLOURS).
  const colours = data.colours || ["#0072B2", "#009E73", "#E69F00", "#CC79A7"];
  new window.Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      // series: [label, values] pairs in skill order (an object would come back sorted by name)
      datasets: (Array.isArray(data.series) ? data.series : Object.entries(data.series)).map(
        ([label, values], i) => ({
          label, data: values, tension: 0.25, pointRadius: 3,
          borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
        })),
    },
    options: {
      animation: false, responsive: true,
      scales: { y: { min: 0, max: 100, ticks: { stepSize: 20 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
