// imrf web intake: the page works without this script (the form posts).
// With it: deadlines and receipts also in the browser's own time zone, and
// the note checked as it is typed; on the office's pages, what changes
// (data-live) refreshed without reloading, and a copy button for a new link.
// No framework. Text from an answer goes into the page as text
// (textContent); a live refresh swaps in the same element of the page as the
// server renders it (escaped there), parsed by DOMParser: no script runs.
"use strict";

(function () {
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }

  function showLocalTimes(root) {
    var spans = root.querySelectorAll("span.local-time[data-for]");
    for (var i = 0; i < spans.length; i++) {
      var when = new Date(spans[i].getAttribute("data-for"));
      if (isNaN(when.getTime())) continue;
      spans[i].textContent = " (" + when.toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) +
        (zone ? " your time, " + zone : " your time") + ")";
    }
  }

  function element(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function showCheck(outcome, answer) {
    var offset = answer.bodyOffset || 0;
    var fields = answer.fields || {};
    var check = answer.check;
    while (outcome.firstChild) outcome.removeChild(outcome.firstChild);
    outcome.appendChild(element("h3", check.errors === 0 ? "Check: ready to submit" : "Check: fix these first"));
    if (check.diagnostics.length === 0) {
      outcome.appendChild(element("p", "No problems found.", "ok"));
      return;
    }
    var list = element("ul", undefined, "diagnostics");
    check.diagnostics.forEach(function (d) {
      var place = "";
      if (d.line !== null && d.line !== undefined) {
        if (offset > 0 && d.line <= offset) {
          var field = fields[String(d.line)];
          place = field ? "the " + field + " field" : "the fields";
        } else {
          place = offset > 0 ? "body line " + (d.line - offset) : "line " + d.line;
          if (d.column !== null && d.column !== undefined) place += ", column " + d.column;
        }
      }
      var item = element("li", undefined, d.severity);
      item.appendChild(element("strong", d.severity));
      item.appendChild(document.createTextNode((place ? " at " + place : "") + ": " + d.message));
      if (d.hint) {
        item.appendChild(element("br"));
        item.appendChild(element("span", d.hint, "hint"));
      }
      list.appendChild(item);
    });
    outcome.appendChild(list);
  }

  function liveCheck(form) {
    var outcome = form.parentNode.querySelector(".outcome");
    var timer = null;
    var running = false;
    function run() {
      if (running) { timer = setTimeout(run, 400); return; }
      running = true;
      var data = new FormData(form);
      data.set("action", "check");
      data.delete("file");
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) return null;
        return response.json();
      }).then(function (answer) {
        if (answer && answer.check) showCheck(outcome, answer);
      }).catch(function () { /* the buttons still work */ }).then(function () { running = false; });
    }
    form.addEventListener("input", function (event) {
      if (event.target && event.target.type === "file") return;
      clearTimeout(timer);
      timer = setTimeout(run, 800);
    });
  }

  // Every 10 s while the page is visible, each element with data-live="URL"
  // is replaced by the element of the same id in the page at URL; not while
  // the person is in a form inside it.
  function liveRefresh() {
    var live = document.querySelectorAll("[data-live][id]");
    if (live.length === 0 || !window.fetch || !window.DOMParser) return;
    function refresh() {
      if (document.hidden) return;
      var source = live[0].getAttribute("data-live");
      if (!source || source.charAt(0) !== "/") return;
      fetch(source, { credentials: "same-origin", headers: { "Accept": "text/html" } }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        for (var i = 0; i < live.length; i++) {
          var old = document.getElementById(live[i].id);
          var replacement = fresh.getElementById(live[i].id);
          if (!old || !replacement) continue;
          if (old.contains(document.activeElement) && document.activeElement !== document.body) continue;
          // Compared as shown: the old copy's local times are filled in.
          showLocalTimes(replacement);
          if (old.innerHTML === replacement.innerHTML) continue;
          old.parentNode.replaceChild(document.importNode(replacement, true), old);
        }
        live = document.querySelectorAll("[data-live][id]");
      }).catch(function () { /* reloading still works */ });
    }
    setInterval(refresh, 10000);
  }

  function copyButtons() {
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        var field = document.getElementById(button.getAttribute("data-copy"));
        if (!field) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          function copied() { button.textContent = "Copied"; }
          field.select();
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(field.value).then(copied, function () {
              if (document.execCommand && document.execCommand("copy")) copied();
            });
          } else if (document.execCommand && document.execCommand("copy")) {
            copied();
          }
        });
      })(buttons[i]);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    liveRefresh();
    copyButtons();
    showLocalTimes(document);
    var note = document.querySelector(".zone-note");
    if (note && zone) note.textContent = "; your own zone, " + zone + ", is shown beside";
    var forms = document.querySelectorAll("form.note-form");
    for (var i = 0; i < forms.length; i++) liveCheck(forms[i]);
    var follow = document.querySelector("a[data-follow]");
    if (follow) window.location.replace(follow.getAttribute("href"));
  });
})();
