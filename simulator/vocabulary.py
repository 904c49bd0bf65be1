"""The names of the fixed vocabularies (teams, ticket categories), defined once for every reader.

Message ids marked `N_` (French in translations/): the web pages show them as they are, findings
use them inside a sentence in lower case.
"""

from __future__ import annotations

from simulator.translation import N_

TEAM_LABELS = {
    "field_technician": N_("Field technicians"),
    "remote_support_engineer": N_("Remote support engineers"),
    "database_admin": N_("Database administrators"),
    "network": N_("Network team"),
    "security": N_("Security team"),
    "servers": N_("Server team"),
    "access_management": N_("Access management team"),
}
CATEGORY_LABELS = {
    "hardware": N_("Hardware"),
    "network": N_("Network"),
    "accounts": N_("Accounts"),
    "email": N_("Email"),
    "software": N_("Software"),
    "printing": N_("Printing"),
    "storage": N_("Storage"),
    "security": N_("Security"),
}
PRIORITY_LABELS = {
    "low": N_("Low"),
    "medium": N_("Medium"),
    "high": N_("High"),
    "critical": N_("Critical"),
}
