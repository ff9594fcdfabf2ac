/*
 * Draws the impact dashboard's bar charts with uPlot (webjar) from the JSON each <figure class="chart"> carries in
 * its data-chart attribute: {labels: [...], series: [{label, values: [...]}]}. The table under each chart holds the
 * same figures for those who do not see the chart, so the drawing itself is hidden from assistive technologies.
 */
(function () {
  'use strict';

  var colours = ['#1f5f4a', '#b35c00', '#3a4f9a', '#8a1c4a', '#4d5b1f'];

  function options(chart, width) {
    var labels = chart.labels;
    var narrow = width < 560;
    return {
      width: width,
      height: narrow ? 240 : 300,
      legend: { show: chart.series.length > 1 },
      cursor: { show: false },
      scales: {
        x: { time: false, range: function () { return [-0.5, labels.length - 0.5]; } },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } }
      },
      axes: [
        {
          stroke: '#1d2a2f',
          grid: { show: false },
          ticks: { show: false },
          incrs: [1],
          rotate: (narrow || labels.length > 6) ? -45 : 0,
          size: (narrow || labels.length > 6) ? 90 : 40,
          values: function (u, splits) {
            return splits.map(function (i) { return (Number.isInteger(i) && labels[i] !== undefined) ? labels[i] : ''; });
          }
        },
        { stroke: '#1d2a2f', grid: { stroke: '#d8dfdc' }, size: 60 }
      ],
      series: [{}].concat(chart.series.map(function (s, n) {
        return {
          label: s.label,
          stroke: colours[n % colours.length],
          fill: colours[n % colours.length],
          width: 1,
          paths: uPlot.paths.bars({ size: [0.6, 80], gap: 2 }),
          points: { show: false }
        };
      }))
    };
  }

  function draw(figure) {
    var chart = JSON.parse(figure.getAttribute('data-chart'));
    if (!chart.labels || chart.labels.length === 0) {
      return;
    }
    var data = [chart.labels.map(function (label, i) { return i; })].concat(chart.series.map(function (s) {
      return s.values.map(Number);
    }));
    var holder = document.createElement('div');
    holder.className = 'chart-canvas';
    holder.setAttribute('aria-hidden', 'true');
    figure.insertBefore(holder, figure.firstChild);
    var plot = new uPlot(options(chart, holder.clientWidth || figure.clientWidth || 320), data, holder);
    var resize = function () {
      var width = holder.clientWidth;
      if (width > 0 && width !== plot.width) {
        plot.destroy();
        holder.textContent = '';
        plot = new uPlot(options(chart, width), data, holder);
      }
    };
    window.addEventListener('resize', resize);
  }

  function start() {
    if (typeof uPlot === 'undefined') {
      return;
    }
    document.querySelectorAll('figure.chart[data-chart]').forEach(draw);
    document.documentElement.setAttribute('data-charts-drawn', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
}());
