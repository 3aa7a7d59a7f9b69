// recpipe review site: sorting, filtering and paging of the letters and tracker tables.
// Loaded as a file (the pages' Content-Security-Policy allows no inline script),
// it reads the table cells and never writes markup: rows are only shown, hidden
// and reordered, and text is set with textContent.
//
// A table of thousands of rows stays quick because only one page of the rows
// that match is ever shown (data-page rows, then "show more"): the browser lays
// out those rows alone, whatever the sort or filter. The page arrives with the
// rows past the first page already hidden, so even the first paint is one page.
"use strict";

(function () {
  function setUp(table) {
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var order = rows.slice(); // rows in the current sort order
    var match = rows.map(function () { return true; });
    var index = new Map(rows.map(function (row, i) { return [row, i]; }));
    var pageSize = parseInt(table.getAttribute("data-page") || "0", 10) || rows.length;
    var limit = pageSize;
    var haystack = null; // lower-cased text of each row, built on the first search
    var keys = {}; // column -> sort key of each row, built on the first sort by that column
    var sorted = { col: null, dir: 1 };
    var cmp = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }).compare;
    var count = document.querySelector('[data-count-for="' + table.id + '"]');
    var more = document.querySelector('[data-more-for="' + table.id + '"]');
    var all = document.querySelector('[data-all-for="' + table.id + '"]');

    function show() {
      var matching = 0, shown = 0;
      for (var k = 0; k < order.length; k++) {
        var row = order[k];
        var visible = match[index.get(row)] && matching < limit;
        if (match[index.get(row)]) matching++;
        if (visible) shown++;
        if (row.hidden === visible) row.hidden = !visible;
      }
      if (count) {
        count.textContent = matching + " of " + rows.length + (shown < matching ? ", first " + shown + " shown" : "");
      }
      if (more) more.hidden = shown >= matching;
      if (all) all.hidden = shown >= matching;
    }

    function cellValue(row, col) {
      var cell = row.cells[col];
      if (!cell) return "";
      var v = cell.getAttribute("data-v");
      return v !== null ? v : cell.textContent.trim();
    }

    function sortBy(col, type, button) {
      var dir = sorted.col === col ? -sorted.dir : 1;
      sorted = { col: col, dir: dir };
      if (!keys[col]) {
        keys[col] = rows.map(function (row) {
          var v = cellValue(row, col);
          return type === "num" ? parseFloat(v) : v;
        });
      }
      var key = keys[col];
      var ids = rows.map(function (_, i) { return i; });
      ids.sort(function (a, b) {
        var x = key[a], y = key[b], r;
        if (type === "num") {
          r = (isNaN(x) ? -Infinity : x) - (isNaN(y) ? -Infinity : y);
        } else {
          if (x === "" && y !== "") return 1; // empty values last, whatever the direction
          if (y === "" && x !== "") return -1;
          r = cmp(x, y);
        }
        return r !== 0 ? r * dir : a - b;
      });
      order = ids.map(function (i) { return rows[i]; });
      limit = pageSize;
      show(); // hide first, so moving the rows lays out one page only
      var frag = document.createDocumentFragment();
      order.forEach(function (row) { frag.appendChild(row); });
      tbody.appendChild(frag);
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      button.closest("th").setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    }

    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        sortBy(parseInt(button.getAttribute("data-sort"), 10), button.getAttribute("data-type") || "text", button);
      });
    });
    if (more) more.addEventListener("click", function () { limit += pageSize; show(); });
    if (all) all.addEventListener("click", function () { limit = rows.length; show(); });

    var box = document.querySelector('[data-filters-for="' + table.id + '"]');
    var controls = box ? Array.prototype.slice.call(box.querySelectorAll("[data-filter]")) : [];
    var timer = null;

    function filter() {
      var text = "";
      var wants = [];
      controls.forEach(function (c) {
        var name = c.getAttribute("data-filter");
        if (name === "text") { text = c.value.trim().toLowerCase(); return; }
        var v = c.type === "checkbox" ? (c.checked ? c.value : "") : c.value;
        if (v) wants.push({ attr: "data-" + name, value: v, word: c.getAttribute("data-match") === "word" });
      });
      if (text && !haystack) {
        haystack = rows.map(function (row) { return row.textContent.toLowerCase(); });
      }
      rows.forEach(function (row, i) {
        var ok = !text || haystack[i].indexOf(text) !== -1;
        for (var k = 0; ok && k < wants.length; k++) {
          var have = row.getAttribute(wants[k].attr) || "";
          ok = wants[k].word ? (" " + have + " ").indexOf(" " + wants[k].value + " ") !== -1 : have === wants[k].value;
        }
        match[i] = ok;
      });
      limit = pageSize;
      show();
    }

    controls.forEach(function (c) {
      c.addEventListener(c.type === "search" ? "input" : "change", function () {
        clearTimeout(timer);
        timer = setTimeout(filter, c.type === "search" ? 120 : 0);
      });
    });
    // a target row past the first page (tracker.html#r-...) is shown, with the rows before it
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target || target.parentNode !== tbody || !target.hidden) return;
      controls.forEach(function (c) { if (c.type === "checkbox") c.checked = false; else c.value = ""; });
      match = rows.map(function () { return true; });
      limit = Math.max(limit, order.indexOf(target) + 1);
      show();
      target.scrollIntoView();
    }
    window.addEventListener("hashchange", reveal);
    if (controls.some(function (c) { return c.type === "checkbox" ? c.checked : c.value; })) filter();
    else show();
    reveal();
  }

  document.querySelectorAll("table.sortable").forEach(setUp);
})();
