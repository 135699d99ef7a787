"""extractors/ is pure NLP: no orchestration, storage or HTTP imports, no I/O while extracting."""

from __future__ import annotations

import subprocess
import sys
import textwrap

FORBIDDEN = ("prefect", "sqlalchemy", "httpx", "alembic", "psycopg", "feedparser")


def test_purity_extractors_import_no_io_libraries(repo) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import extractors.pipeline, extractors.quantities, extractors.cleaning
        bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]
        print(','.join(sorted(bad)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"extractors imported {out.stdout.strip()}"


def test_purity_extraction_does_no_io(repo) -> None:
    """After the pipeline is built, extracting a page opens no file and no socket."""
    code = textwrap.dedent(
        """
        import builtins, io, os, socket
        from extractors.pipeline import Extractor
        page = "深度求索公司发布的DeepSeek-V3模型拥有6710亿参数，训练成本约为557万美元。"
        extractor = Extractor()
        extractor.extract(page)  # warm up lazy loading of data files

        def refuse(*args, **kwargs):
            raise AssertionError(f"I/O during extraction: {args[:1]}")

        builtins.open = io.open = os.open = refuse
        socket.socket = refuse
        result = extractor.extract(page)
        print(len(result.claims))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip()) >= 1
