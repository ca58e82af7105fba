"""ScoDoc staff accounts of the simulated instance and their ``ScoView`` roles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class User:
    """An API account: ``ScoView`` on every department, or on the listed ones only."""

    name: str
    password: str
    all_departments: bool = False
    departments: frozenset[str] = frozenset()

    def can_view(self, department: str | None) -> bool:
        """Whether the account may read on a department root (``None``: the global root).

        Only all-department roles count on the global root (ScoDoc protocol §1).
        """
        if self.all_departments:
            return True
        return department is not None and department in self.departments


DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"
DEMO_DEPARTMENT = "INFO"

USERS: dict[str, User] = {
    user.name: user
    for user in (
        User(DEMO_USERNAME, DEMO_PASSWORD, all_departments=True),
        # A valid login with no role at all: tokens work, every read is 403.
        User("noperm", DEMO_PASSWORD),
        # A role in INFO only: 403 on /ScoDoc/api, 200 on /ScoDoc/INFO/api.
        User("infoonly", DEMO_PASSWORD, departments=frozenset({DEMO_DEPARTMENT})),
    )
}
