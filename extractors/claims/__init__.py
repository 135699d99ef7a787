"""The claim stage: a body's quantities, mentions and dates in, claims out.

* :mod:`.build` — :class:`ClaimBuilder`, sentence by sentence: candidates, then for each
  the metric, the subject, the object and the checks a claim must pass;
* :mod:`.context` — what a claim reads from the article around its sentence (the
  carried topic, attribution, the headline's and the page owner's names);
* :mod:`.roles` — what each name does in its sentence (topic, comparator, investor,
  source...) and the link cues (``data/linking.toml``);
* :mod:`.subject`, :mod:`.object` — the choice of subject and of object;
* :mod:`.metric` — the metric, from the cue words of ``data/metric_cues.toml``;
* :mod:`.confidence` — how sure a claim is;
* :mod:`.groups`, :mod:`.tables` — figures of groups of names, and of table cells;
* :mod:`.spans` — the body's spans, indexed by offset.
"""

from extractors.claims.build import BodyAnalysis, ClaimBuilder

__all__ = ["BodyAnalysis", "ClaimBuilder"]
