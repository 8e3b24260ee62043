"""Template authoring from the command line: `sva checklist new` writes a skeleton that
validates, `validate` explains a rule error with file and line, `preview` renders the rules."""
import io
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from sva.paths import resource

ROOT = Path(__file__).resolve().parents[2]


def sva(*args, cwd):
    return subprocess.run([sys.executable, "-m", "sva.cli.main", "checklist", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_new_writes_a_commented_skeleton_that_validates_and_previews(tmp_path):
    made = sva("new", "lines.yaml", "--kind", "infosec", "--title", "Line check", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "lines.yaml").read_text("utf-8")
    assert "relevant_if:" in text and "evidence_required_on:" in text and "# " in text
    assert "kind: infosec" in text and "area: ISEC" in text
    checked = sva("validate", "lines.yaml", cwd=tmp_path)
    assert checked.returncode == 0 and "lines.yaml: ok" in checked.stdout, checked.stderr
    shown = sva("preview", "lines.yaml", "--lang", "en", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    pdf = PdfReader(tmp_path / "lines.pdf")
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "LINES-01 > 0" in text and "Applies when" in text


def test_new_never_overwrites_a_file(tmp_path):
    (tmp_path / "mine.yaml").write_text("precious", "utf-8")
    refused = sva("new", "mine.yaml", cwd=tmp_path)
    assert refused.returncode == 2 and "the file exists" in refused.stderr
    assert (tmp_path / "mine.yaml").read_text("utf-8") == "precious"


def test_validate_explains_a_rule_error_with_file_and_line(tmp_path):
    source = resource("checklists", "svr.yaml").read_text("utf-8")
    broken = source.replace('relevant_if: "SVR-HR-04 > 0"', 'relevant_if: "SVR-HR-04 > \'many\'"',
                            1)
    (tmp_path / "svr.yaml").write_text(broken, "utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), start=1)
                if text.strip() == "- id: SVR-HR-05")
    out = sva("validate", "svr.yaml", cwd=tmp_path)
    assert out.returncode == 2
    assert (f"svr.yaml:{line}: item SVR-HR-05: relevant_if: type mismatch: SVR-HR-04 is a "
            "number item, compared with the text 'many'") in out.stderr


def test_preview_renders_the_shipped_checklist_with_its_rules(tmp_path):
    out = sva("preview", resource("checklists", "svr.yaml"), "-o", tmp_path / "svr.pdf",
              cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    reader = PdfReader(io.BytesIO((tmp_path / "svr.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    assert "SVR-HR-05A" in text and "SVR-HR-04 > 0" in text and "適用条件" in text


def test_the_commands_are_documented():
    readme = (ROOT / "README.md").read_text("utf-8")
    for command in ("sva checklist new", "sva checklist preview"):
        assert command in readme, command
    assert (ROOT / "docs" / "checklist-rules.md").is_file()
