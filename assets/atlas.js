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
  },
});
