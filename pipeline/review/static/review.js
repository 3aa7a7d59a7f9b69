// recpipe review site: sorting and filtering of the letters and tracker tables.
// Loaded as a file (the pages' Content-Security-Policy allows no inline script),
// it reads the table cells and never writes markup: rows are only shown, hidden
// and reordered, and text is set with textContent.
"use strict";

(function () {
  function collator() {
    return new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  }

  function setUp(table) {
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var haystack = null; // lower-cased text of each row, built on first search
    var keys = {}; // column -> sort keys, built on first sort by that column
    var order = { col: null, dir: 1 };
    var cmp = collator().compare;

    function cellValue(row, col) {
      var cell = row.cells[col];
      if (!cell) return "";
      var v = cell.getAttribute("data-v");
      return v !== null ? v : cell.textContent.trim();
    }

    function sortBy(col, type, button) {
      var dir = order.col === col ? -order.dir : 1;
      order = { col: col, dir: dir };
      if (!keys[col]) {
        keys[col] = rows.map(function (row, i) {
          var v = cellValue(row, col);
          return { row: row, i: i, v: type === "num" ? parseFloat(v) : v };
        });
      }
      var items = keys[col].slice();
      items.sort(function (a, b) {
        var r;
        if (type === "num") {
          var x = isNaN(a.v) ? -Infinity : a.v, y = isNaN(b.v) ? -Infinity : b.v;
          r = x - y;
        } else {
          // empty values last, whatever the direction
          if (a.v === "" && b.v !== "") return 1;
          if (b.v === "" && a.v !== "") return -1;
          r = cmp(a.v, b.v);
        }
        return r !== 0 ? r * dir : a.i - b.i;
      });
      var frag = document.createDocumentFragment();
      items.forEach(function (it) { frag.appendChild(it.row); });
      tbody.appendChild(frag);
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      button.closest("th").setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    }

    table.querySelectorAll("th button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        sortBy(parseInt(button.getAttribute("data-sort"), 10), button.getAttribute("data-type") || "text", button);
      });
    });

    var box = document.querySelector('[data-filters-for="' + table.id + '"]');
    if (!box) return;
    var controls = Array.prototype.slice.call(box.querySelectorAll("[data-filter]"));
    var count = document.querySelector('[data-count-for="' + table.id + '"]');
    var timer = null;

    function apply() {
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
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = !text || haystack[i].indexOf(text) !== -1;
        for (var k = 0; ok && k < wants.length; k++) {
          var have = row.getAttribute(wants[k].attr) || "";
          ok = wants[k].word ? (" " + have + " ").indexOf(" " + wants[k].value + " ") !== -1 : have === wants[k].value;
        }
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " of " + rows.length;
    }

    controls.forEach(function (c) {
      c.addEventListener(c.type === "search" ? "input" : "change", function () {
        clearTimeout(timer);
        timer = setTimeout(apply, c.type === "search" ? 120 : 0);
      });
    });
    if (controls.some(function (c) { return c.type === "checkbox" ? c.checked : c.value; })) apply();
  }

  document.querySelectorAll("table.sortable").forEach(setUp);
})();
