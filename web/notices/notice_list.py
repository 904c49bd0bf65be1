"""The notices page (seen = read) and the unread count every page's header shows."""

from __future__ import annotations

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from storage.notices import mark_read, notices_for, unread_count
from web.notices import bp
from web.shared.database import get_db
from web.shared.playable import playable_scenarios

# What each kind of notice says; %(scenario)s is the scenario's title, %(due)s a date.
WORDING = {
    "comment": _l("A trainer commented on your call “%(scenario)s”."),
    "rescore": _l("A trainer changed a score of your call “%(scenario)s”."),
    "due_soon": _l("Assignment “%(scenario)s” is due on %(due)s."),
    "overdue": _l("Assignment “%(scenario)s” is overdue since %(due)s."),
    "fallback": _l(
        "In your call “%(scenario)s”, the language model did not answer every time: the caller "
        "used scripted replies instead."
    ),
}


@bp.route("/")
@login_required
def index():
    """The user's notices, newest first; showing them marks them read."""
    db = get_db()
    found = notices_for(db, current_user.id)
    mark_read(db, current_user.id, [n.key for n in found if not n.read])
    return render_template(
        "notices/index.html",
        notices=found,
        wording=WORDING,
        scenarios=playable_scenarios(db),
    )


@bp.app_context_processor
def _unread() -> dict:
    """The header's count of unread notices (0 for visitors)."""
    if not current_user.is_authenticated:
        return {"unread_notices": 0}
    return {"unread_notices": unread_count(get_db(), current_user.id)}
