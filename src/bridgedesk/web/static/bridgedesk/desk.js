// Ticket page: poll the ticket's state and show a banner when something new arrived.
// No inline script anywhere (strict CSP); this file is the only script the console loads.
(function () {
  "use strict";
  var box = document.getElementById("live-state");
  if (!box) { return; }
  var url = box.getAttribute("data-state-url");
  var seen = box.getAttribute("data-version");
  function check() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return (r.ok || r.status === 403) ? r.json() : null; })
      .then(function (state) {
        if (state && state.moved) {
          box.textContent = state.message;   // moved out of this agent's reach: say so, reload shows why
          box.hidden = false;
        } else if (state && String(state.version) !== seen) { box.hidden = false; }
      })
      .catch(function () {});
  }
  window.setInterval(check, 15000);
}());
