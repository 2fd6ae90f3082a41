(function () {
  "use strict";
  var ORDER = {
    state: ["unsourced", "disputed", "vague", "sourced"],
    status: ["refuted", "disputed", "unverified", "unverifiable", "supported"]
  };
  var FIELDS = ["state", "status", "worthy", "attribution"];
  function rank(list, value) {
    var index = list.indexOf(value);
    return index < 0 ? list.length : index;
  }
  function flagCount(row) {
    var flags = row.getAttribute("data-flags");
    return flags ? flags.split(" ").length : 0;
  }
  function compare(key, rows) {
    return function (i, j) {
      var a = rows[i], b = rows[j], d = 0;
      if (key === "flags") {
        d = flagCount(b) - flagCount(a);
      } else if (ORDER[key]) {
        d = rank(ORDER[key], a.getAttribute("data-" + key)) -
          rank(ORDER[key], b.getAttribute("data-" + key));
      }
      return d || i - j;
    };
  }
  function setUp(form) {
    var table = document.getElementById(form.getAttribute("data-for"));
    if (!table || !table.tBodies.length) {
      return;
    }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var output = form.querySelector("output");
    function update() {
      var query = form.elements.q.value.trim().toLowerCase();
      var flag = form.elements.flag.value;
      var shown = 0;
      rows.forEach(function (row, index) {
        var visible = FIELDS.every(function (field) {
          var wanted = form.elements[field].value;
          return !wanted || row.getAttribute("data-" + field) === wanted;
        });
        if (visible && flag) {
          visible = (" " + row.getAttribute("data-flags") + " ").indexOf(" " + flag + " ") >= 0;
        }
        if (visible && query) {
          visible = texts[index].indexOf(query) >= 0;
        }
        row.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      var order = rows.map(function (row, index) { return index; });
      order.sort(compare(form.elements.sort.value, rows)).forEach(function (index) {
        body.appendChild(rows[index]);
      });
      output.textContent = shown + " of " + rows.length + " claims shown";
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.hidden = false;
    update();
  }
  Array.prototype.forEach.call(document.querySelectorAll("form.filters"), setUp);
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-print-opened]"),
      function (d) {
        d.open = false;
        d.removeAttribute("data-print-opened");
      });
  });
}());
