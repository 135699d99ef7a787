"""The page's one small script (filters by subject and metric) and its Content-Security-Policy.

The style lives in templates/style.css, inlined by the page template.

The script only hides and shows sections; with JavaScript off the page is whole
and the filter bar stays hidden.
"""

from __future__ import annotations

import base64
import hashlib

SCRIPT = """
(function () {
  var bar = document.getElementById("filters");
  var subject = document.getElementById("f-subject");
  var metric = document.getElementById("f-metric");
  var count = document.getElementById("f-count");
  if (!bar || !subject || !metric) { return; }
  bar.hidden = false;
  function apply() {
    var s = subject.value, m = metric.value, shown = 0;
    document.querySelectorAll("[data-subject]").forEach(function (el) {
      var ok = (!s || el.dataset.subject === s) && (!m || el.dataset.metric === m);
      el.hidden = !ok;
      if (ok && el.classList.contains("key")) { shown += 1; }
    });
    count.textContent = "显示 " + shown + " 个指标";
  }
  subject.addEventListener("change", apply);
  metric.addEventListener("change", apply);
  apply();
})();
"""


def script_hash(script: str = SCRIPT) -> str:
    """The CSP source allowing exactly this inline script and nothing else."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """No network, no other script: even text that escaped escaping could not run."""
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {script_hash()}; base-uri 'none'; form-action 'none'"
    )
