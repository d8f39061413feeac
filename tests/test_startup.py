"""Start-up with bad data: one clear line naming the file, no traceback wall."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start(data_dir: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"ATLAS_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-c", "import app"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_missing_data_file_stops_start_up_with_one_line(mini_package):
    (mini_package / "entity_list.csv").unlink()
    result = start(mini_package)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == ["Safe City Atlas cannot start: data/entity_list.csv: file not found"]


def test_unreadable_data_directory(tmp_path):
    result = start(tmp_path / "nowhere")
    assert result.returncode == 2 and "datapackage.json: file not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_value_names_file_row_column_and_value(mini_package, tmp_path):
    path = mini_package / "agreements.csv"
    path.write_text(path.read_text().replace(",deployed,", ",rumoured,", 1).replace(",signed,", ",rumoured,", 1)
                    .replace(",announced,", ",rumoured,", 1))
    shutil.copy(path, tmp_path / "copy.csv")
    from dashboard.data.manifest import write_manifest

    write_manifest(mini_package)
    result = start(mini_package)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "agreements.csv, row" in result.stderr and "column 'status'" in result.stderr
    assert "value 'rumoured'" in result.stderr


def test_debug_stays_off_whatever_the_environment_says():
    env = os.environ | {"DASH_DEBUG": "true", "FLASK_DEBUG": "1"}
    code = ("import app; c = app.server.test_client(); html = c.get('/').get_data(as_text=True); "
            "print(app.server.debug, 'dash_renderer.dev' in html, '_dash-debug' in html)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.split() == ["False", "False", "False"], result.stderr[-500:]
