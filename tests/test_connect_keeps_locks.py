"""Opening another connection never drops the locks this process's open connections hold."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing
from pathlib import Path

from storage.db import connect

CLOSE_ELSEWHERE = """
import sqlite3, sys
other = sqlite3.connect(sys.argv[1])
other.execute("select count(*) from notes").fetchone()
other.close()
"""


def test_a_new_connection_leaves_the_open_ones_their_locks(tmp_path: Path):
    path = tmp_path / "locks.db"
    kept = connect(path)
    kept.execute("create table notes (text)")
    kept.execute("insert into notes values ('kept open')")
    kept.conn.commit()
    with closing(connect(path)):  # as another thread of the process does (its first connection)
        pass
    # Another process closes its connection: it may take itself for the last one (checkpoint, WAL
    # removed) only if the kept connection's shared lock on the file was dropped meanwhile.
    subprocess.run([sys.executable, "-c", CLOSE_ELSEWHERE, str(path)], check=True)
    assert (tmp_path / "locks.db-wal").exists()
    kept.execute("insert into notes values ('still writable')")
    kept.conn.commit()
    assert kept.execute("select count(*) from notes").fetchone()[0] == 2
