"""Dev helper: print one JSON line per input file (the `aiclaims extract` format).

python tests/claims/run_extract.py FILE [FILE ...] | python ../shared/score.py --gold G --pred -
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extractors.pipeline import Extractor


def main(paths: list[str], backend: str = "rjieba") -> None:
    extractor = Extractor(backend=backend)
    for path in paths:
        raw = Path(path).read_text(encoding="utf-8")
        result = extractor.extract(raw, source_name=Path(path).name)
        art = result.article
        line = {
            "source": path,
            "article": {
                "title": art.title,
                "published_at": art.published_at.isoformat() if art.published_at else None,
                "author": art.author,
                "site": art.site,
                "text": art.text,
            },
            "claims": [c.model_dump() for c in result.claims],
        }
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    args = sys.argv[1:]
    backend = "rjieba"
    if args and args[0].startswith("--backend="):
        backend = args.pop(0).split("=", 1)[1]
    main(args, backend)
