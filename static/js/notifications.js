// Kepenak Ngodene: keeps the unread count of the header bell fresh without reloading the page.
// The bell is rendered (with its server-side count) only for logged-in Personal and Mitra
// accounts, so anonymous visitors never poll. While the tab is visible the script asks
// data-count-url for {"unread": n} every data-poll-seconds seconds (20 by default); a hidden tab
// does not poll, and becoming visible again asks at once. A 401/403 (logged out elsewhere) stops it.
(function () {
  "use strict";
  var bell = document.querySelector("[data-notification-bell]");
  if (!bell || !window.fetch) return;
  var badge = bell.querySelector("[data-notification-badge]");
  var status = document.querySelector("[data-notification-status]");
  var url = bell.getAttribute("data-count-url");
  var seconds = parseFloat(bell.getAttribute("data-poll-seconds"));
  if (!(seconds > 0)) seconds = 20;
  var current = parseInt(badge.textContent, 10) || 0;
  var timer = null;
  var inFlight = false;
  var stopped = false;

  function fill(template, count) {
    return template.replace("%(n)s", String(count));
  }

  function render(count) {
    if (count === current) return;
    var rose = count > current;
    current = count;
    badge.textContent = count > 99 ? "99+" : String(count);
    badge.hidden = count === 0;
    bell.setAttribute("aria-label", fill(bell.getAttribute("data-label-template"), count));
    if (status && rose) status.textContent = fill(bell.getAttribute("data-status-template"), count);
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = null;
    if (!stopped && !document.hidden) timer = window.setTimeout(poll, seconds * 1000);
  }

  function poll() {
    if (stopped || inFlight || document.hidden) return;
    inFlight = true;
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          stopped = true;
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && typeof data.unread === "number") render(data.unread);
      })
      .catch(function () {
        // Offline or a slow network: keep the last count and try again at the next tick.
      })
      .then(function () {
        inFlight = false;
        schedule();
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
      timer = null;
    } else {
      poll();
    }
  });
  // A page restored from the back/forward cache shows the count of when it was left.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) poll();
  });
  schedule();
})();
