/* The indicator graph on the operation page. Data comes from the page's own
   API (same origin, session cookie). Labels are drawn on a canvas and shown
   with textContent, so narrative-derived values are never parsed as HTML. */
(function () {
  "use strict";
  var el = document.getElementById("graph");
  if (!el || typeof cytoscape !== "function") { return; }
  var info = document.getElementById("graph-info");
  var openReports = el.getAttribute("data-open-reports") === "1";

  function say(text) { if (info) { info.textContent = text; } }

  fetch(el.getAttribute("data-src"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (resp) {
      if (!resp.ok) { throw new Error("HTTP " + resp.status); }
      return resp.json();
    })
    .then(function (data) {
      var cy = cytoscape({
        container: el,
        elements: data.elements,
        wheelSensitivity: 0.3,
        minZoom: 0.1,
        maxZoom: 4,
        style: [
          { selector: "node", style: { "font-size": 8, "text-wrap": "ellipsis", "text-max-width": 120, "color": "#1b2430" } },
          { selector: "node[type = 'report']", style: { "shape": "ellipse", "width": 10, "height": 10, "background-color": "#12355b", "label": "" } },
          { selector: "node[type = 'report'][?is_tss]", style: { "background-color": "#c0392b" } },
          { selector: "node[type = 'indicator']", style: { "shape": "round-rectangle", "width": 16, "height": 16, "background-color": "#f0a500", "label": "data(label)", "text-valign": "bottom", "text-margin-y": 2 } },
          { selector: "node[kind = 'phone']", style: { "background-color": "#8e44ad" } },
          { selector: "node[kind = 'domain'], node[kind = 'url']", style: { "background-color": "#16a085" } },
          { selector: "node[kind = 'bank_account'], node[kind = 'upi'], node[kind = 'crypto_wallet'], node[kind = 'merchant']", style: { "background-color": "#d35400" } },
          { selector: "node[kind = 'remote_id']", style: { "background-color": "#2c3e50" } },
          { selector: "node[status = 'suspect']", style: { "border-width": 2, "border-color": "#c0392b", "border-style": "dashed" } },
          { selector: "edge", style: { "width": 0.8, "line-color": "#aab4bf", "curve-style": "haystack" } },
          { selector: ":selected", style: { "border-width": 3, "border-color": "#ffbf47" } }
        ],
        layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: 6000, idealEdgeLength: 40, numIter: 600, fit: true, padding: 20 }
      });
      el.setAttribute("data-nodes", String(cy.nodes().length));
      el.setAttribute("data-edges", String(cy.edges().length));
      el.setAttribute("data-ready", "1");
      var shown = data.reports_shown + " of " + data.reports_total + " reports";
      say(shown + (data.truncated ? " (most recent shown)" : "") + ", " + cy.nodes("[type = 'indicator']").length + " indicators.");
      cy.on("tap", "node", function (evt) {
        var d = evt.target.data();
        if (d.type === "indicator") {
          say(d.kind + " " + d.label + " — in " + d.reports + " reports (" + d.status + ")");
        } else if (openReports && d.pk) {
          window.location.href = "/reports/" + encodeURIComponent(d.pk);
        } else {
          say("a report" + (d.day ? " of " + d.day : ""));
        }
      });
    })
    .catch(function (err) { say("The graph could not be loaded (" + err.message + ")."); });
}());
