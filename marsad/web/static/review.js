// Keyboard shortcuts of the review queue (no inline script: the CSP forbids it).
//   c  confirm this incident     n  next incident to review     e  open the correction form
(function () {
  "use strict";
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey ||
        (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName)))) {
      return; // typing in a field is typing, not a command
    }
    var key = ev.key.toLowerCase();
    if (key === "c" && document.getElementById("confirm")) {
      ev.preventDefault();
      document.getElementById("confirm").click();
    } else if (key === "n" && document.getElementById("next-review")) {
      ev.preventDefault();
      window.location.href = document.getElementById("next-review").href;
    } else if (key === "e" && document.getElementById("correct-field")) {
      ev.preventDefault();
      var field = document.getElementById("correct-field");
      field.scrollIntoView({block: "center"});
      field.focus();
    }
  });
})();
