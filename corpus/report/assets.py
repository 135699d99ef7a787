"""The page's inline style and its one small script (filters by subject and metric).

The script only hides and shows sections; with JavaScript off the page is whole
and the filter bar stays hidden.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root{--ink:#1d2733;--muted:#5b6673;--line:#dde3ea;--bg:#f6f8fa;--red:#d62728}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",
"Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1000px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.panel h2{margin-top:0}
h3{font-size:16px;margin:0 0 2px}
.muted,.stats{color:var(--muted)}.stats{margin:0 0 8px;font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:14px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card b{display:block;font-size:19px;white-space:nowrap}
.card b.small{font-size:14px;line-height:1.5;white-space:normal}
.card span{color:var(--muted);font-size:12px}
.key,.panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px;
margin:0 0 16px}
.key.has-conflict{border-left:4px solid var(--red)}
.badge{display:inline-block;font-size:12px;font-weight:600;border-radius:10px;padding:0 8px;
margin-left:6px;vertical-align:2px;background:#fde8e8;color:var(--red)}
.chart{display:block;width:100%;height:auto;margin:4px 0}
.chart .grid{stroke:#eef1f4}.chart .axis{stroke:#9aa5b1}
.chart .tick{font-size:11px;fill:var(--muted)}.chart .unit{font-size:11px;fill:var(--muted)}
.chart .consensus{stroke:#9aa5b1;stroke-dasharray:4 4}
.chart .consensus-label{font-size:10px;fill:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted);
margin:0 0 8px;padding:0;list-style:none}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;
vertical-align:-1px}
.ring{border:2px solid var(--red);background:transparent}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:5px 8px;border-top:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:12px;border-top:none}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums;font-weight:600}
td.date,td.site{white-space:nowrap}
tr.conflict td.num{color:var(--red)}
mark{background:#fff3bf;padding:0 1px}
.conflicts li{margin:4px 0}.conflicts .vs{color:var(--red);font-weight:600}
#filters{position:sticky;top:0;z-index:2;background:var(--bg);padding:8px 0;
border-bottom:1px solid var(--line)}
#filters label{margin-right:14px}select{font:inherit;padding:2px 4px;max-width:260px}
details summary{cursor:pointer;font-weight:600}
a{color:#1f5fa8}
[hidden]{display:none!important}
"""

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
    count.textContent = shown + " charts shown";
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
