// Clientside helpers (served from our own origin; no inline script, so the CSP needs no extra hash).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  atlas: {
    // Keep the address bar equal to the view state built on the server (dashboard/viewstate.py).
    replaceSearch: function (search) {
      if (typeof search === "string" && search !== window.location.search) {
        window.history.replaceState(window.history.state, "", window.location.pathname + search);
      }
      return window.dash_clientside.no_update;
    },

    // Remember the file name of the current view on the graph's element; downloads read it from there.
    // Not in plotly's config: a graph whose config differs from its dcc.Graph prop takes plotly's slower
    // config-changed path on every redraw (~10 ms per filter change, more at p95).
    setFilename: function (filename, graphId) {
      var wrapper = document.getElementById(graphId);
      if (wrapper && typeof filename === "string") { wrapper.dataset.exportName = filename; }
      return window.dash_clientside.no_update;
    },

    // The figure of the graph inside the wrapper with this id.
    _graph: function (graphId) {
      return document.querySelector("#" + graphId + " .js-plotly-plot") || document.getElementById(graphId);
    },

    // The file name of the view shown (setFilename), else the one the graph config gives
    // (components/graph.py export_filename).
    _filename: function (gd) {
      var wrapper = gd.closest ? gd.closest("[data-export-name]") : null;
      return (wrapper && wrapper.dataset.exportName) ||
        ((gd._context || {}).toImageButtonOptions || {}).filename || "safe-city-atlas";
    },

    _save: function (dataUrl, filename) {
      var link = document.createElement("a");
      link.href = dataUrl;
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
    },

    // Slide mode: the current figure redrawn at 1920x1080 with large type, title, summary and source line.
    slide: function (nClicks, graphId) {
      var gd = window.dash_clientside.atlas._graph(graphId);
      if (!nClicks || !gd || !window.Plotly) { return window.dash_clientside.no_update; }
      var filename = window.dash_clientside.atlas._filename(gd);
      var grow = function (font, size) { return Object.assign({}, font || {}, { size: size }); };
      var wide = gd.atlasFigure || gd;  // a slide starts from the wide figure, also on a phone
      var layout = Object.assign({}, wide.layout, {
        width: 1920, height: 1080, font: grow(wide.layout.font, 26),
        title: Object.assign({}, wide.layout.title, { font: grow((wide.layout.title || {}).font, 44) }),
        // Room for a chart's large y-axis labels and title (figures/slides.py does the same).
        margin: { l: wide.layout.yaxis ? 130 : 60, r: 60, t: 170, b: 170 },
        annotations: (wide.layout.annotations || []).map(function (a) {
          // Type doubles, so offsets from the plot area double too (figures/slides.py does the same).
          return Object.assign({}, a, { font: grow(a.font, Math.round(((a.font || {}).size || 12) * 2)) },
            a.yshift ? { yshift: 2 * a.yshift } : {});
        }),
      });
      window.Plotly.toImage({ data: wide.data, layout: layout, config: { topojsonURL: gd._context.topojsonURL } },
        { format: "png", width: 1920, height: 1080 })
        .then(function (url) { window.dash_clientside.atlas._save(url, filename + "_slide.png"); });
      return window.dash_clientside.no_update;
    },

    // SVG of the figure as shown (the modebar camera gives PNG at scale 3).
    svg: function (nClicks, graphId) {
      var gd = window.dash_clientside.atlas._graph(graphId);
      if (!nClicks || !gd || !window.Plotly) { return window.dash_clientside.no_update; }
      var filename = window.dash_clientside.atlas._filename(gd);
      window.Plotly.toImage(gd, { format: "svg" })
        .then(function (url) { window.dash_clientside.atlas._save(url, filename + ".svg"); });
      return window.dash_clientside.no_update;
    },
  },
});

// The modebar camera reads its file name from plotly's config when clicked: hand it the current view's name just
// before plotly's own handler runs (capture phase).
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".modebar-btn[data-title^='Download plot']");
  var gd = button && button.closest(".js-plotly-plot");
  if (gd && gd._context) {
    gd._context.toImageButtonOptions = Object.assign({}, gd._context.toImageButtonOptions,
      { filename: window.dash_clientside.atlas._filename(gd) });
  }
}, true);

// Phones: a figure carries its narrow-screen layout in layout.meta.narrow (dashboard/figures/narrow.py: wrapped
// title and captions, a height that fits the map, the timeline legend above the bars). It is applied as plotly draws:
// dcc.Graph calls Plotly.react / newPlot through the global, which is wrapped here as soon as plotly.js defines
// it, so a phone draws each chart once, at its size. The figure as given stays on the graph (atlasFigure): the
// slide export starts from it, and crossing the width (a tablet turned) redraws from it.
(function () {
  function merged(base, changes) {  // dicts merge key by key; anything else (lists too) replaces
    var out = Object.assign({}, base);
    Object.keys(changes).forEach(function (key) {
      var value = changes[key], old = base ? base[key] : undefined;
      var bothObjects = value && old && typeof value === "object" && typeof old === "object" &&
        !Array.isArray(value) && !Array.isArray(old);
      out[key] = bothObjects ? merged(old, value) : value;
    });
    return out;
  }
  var watched = {};
  function narrowed(plotly, figure) {
    var spec = figure.layout && figure.layout.meta && figure.layout.meta.narrow;
    if (!spec) { return figure; }
    var query = window.matchMedia(spec.media);
    if (!watched[spec.media]) {
      watched[spec.media] = true;
      query.addEventListener("change", function () {
        document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
          if (gd.atlasFigure) { plotly.react(gd, gd.atlasFigure); }
        });
      });
    }
    if (!query.matches) { return figure; }
    var changes = spec.traces || {};
    var data = (figure.data || []).map(function (trace) {
      return changes[trace.name] ? merged(trace, changes[trace.name]) : trace;
    });
    return Object.assign({}, figure, { data: data, layout: merged(figure.layout, spec.layout) });
  }
  function wrap(plotly) {
    if (!plotly || plotly.atlasNarrow) { return; }
    plotly.atlasNarrow = true;
    ["newPlot", "react"].forEach(function (name) {
      var draw = plotly[name];
      plotly[name] = function (gd, figure) {
        if (arguments.length !== 2 || !figure || Array.isArray(figure) || !figure.layout ||
            !gd || typeof gd !== "object") {
          return draw.apply(this, arguments);  // plotly's other call forms: left alone
        }
        gd.atlasFigure = figure;
        return draw.call(this, gd, narrowed(plotly, figure));
      };
    });
  }
  var plotly = window.Plotly;
  if (plotly) { wrap(plotly); return; }
  // plotly-atlas.min.js declares `var Plotly = ...`: the assignment goes through this setter.
  Object.defineProperty(window, "Plotly", {
    configurable: true, enumerable: true,
    get: function () { return plotly; },
    set: function (value) { plotly = value; wrap(value); },
  });
})();
